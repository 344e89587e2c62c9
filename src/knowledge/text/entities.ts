import { canonicalSegments } from "./search-terms.js";

/**
 * Who a text is about. Many rules exist once per kind of organisation (tổ hợp tác: 2 people, hợp tác
 * xã: 5, liên hiệp: 3 HTX; each Quỹ has its own lending rules) or per kind of borrower (household,
 * farm owner, HTX), and their sections share almost every other word. Ranking compares the entities a
 * question names with those its candidate sections are about (see `entityFactor`).
 *
 * Entities belong to a group (organisation, kind of borrower, lender); within a group they are alternatives. Phrases are matched on the
 * canonical syllables (abbreviations expanded: "THT", "HTX", "quỹ HTX" work), longest first, so
 * "Quỹ hỗ trợ phát triển hợp tác xã" names the fund, not a cooperative, and "liên hiệp HTX" names
 * the union. A phrase mapped to `null` only blocks shorter matches ("dữ liệu cá nhân" is not about
 * a "cá nhân" borrower).
 */

export type EntityGroup = "org" | "person" | "lender";

interface EntityPhrases {
  group: EntityGroup;
  id: string | null;
  phrases: string[];
}

const ENTITIES: EntityPhrases[] = [
  { group: "org", id: "to-hop-tac", phrases: ["to hop tac"] },
  { group: "org", id: "hop-tac-xa", phrases: ["hop tac xa"] },
  { group: "org", id: "lien-hiep", phrases: ["lien hiep hop tac xa", "lien hiep"] },
  { group: "org", id: "lien-minh", phrases: ["lien minh hop tac xa", "lien minh"] },
  {
    group: "lender",
    id: "quy-htx",
    phrases: ["quy ho tro phat trien hop tac xa", "quy phat trien hop tac xa", "quy hop tac xa"],
  },
  {
    group: "lender",
    id: "quy-nong-dan",
    phrases: ["quy ho tro nong dan", "quy nong dan", "quy hoi nong dan"],
  },
  // A cooperative lending to its own members (the law's "cho vay nội bộ", Điều 83): farmers say "HTX
  // cho thành viên vay", "vay tiền HTX". Not a bank loan, whose terms (NĐ 55) say nothing of it.
  {
    group: "lender",
    id: "noi-bo",
    phrases: [
      "cho vay noi bo",
      "vay noi bo",
      "tin dung noi bo",
      "cho thanh vien vay",
      "cho thanh vien chinh thuc vay",
      "hop tac xa cho vay",
      "vay tien hop tac xa",
      "vay tien cua hop tac xa",
      "vay cua hop tac xa",
      "muon tien hop tac xa",
      "muon tien cua hop tac xa",
    ],
  },
  // Ordinary bank credit for agriculture (Nghị định 55/2015), the lender when a question names none.
  {
    group: "lender",
    id: "ngan-hang",
    phrases: ["ngan hang", "vay von nong nghiep", "tin dung nong nghiep", "nghi dinh 55"],
  },
  { group: "person", id: "ca-nhan", phrases: ["ca nhan"] },
  {
    group: "person",
    id: "ho-gia-dinh",
    phrases: ["ho gia dinh", "ho nong dan", "ho dan", "nong ho", "ho san xuat"],
  },
  { group: "person", id: "chu-trang-trai", phrases: ["chu trang trai", "trang trai"] },
  { group: "person", id: "ho-kinh-doanh", phrases: ["ho kinh doanh"] },
  { group: "person", id: "nguoi-nuoc-ngoai", phrases: ["nguoi nuoc ngoai", "nha dau tu nuoc ngoai"] },
  {
    group: "person",
    id: null,
    phrases: ["du lieu ca nhan", "thong tin ca nhan", "bao ve du lieu ca nhan"],
  },
];

const PHRASES = ENTITIES.flatMap(({ group, id, phrases }) =>
  phrases.map((phrase) => ({ group, id, syllables: phrase.split(" ") })),
).sort((a, b) => b.syllables.length - a.syllables.length);

/** Entities named in a text, by group ("org" -> {"to-hop-tac"}). Groups with no entity are absent. */
export type NamedEntities = Map<EntityGroup, Set<string>>;

/** A text's canonical syllables, segment by segment, with the entity phrase each run of them names (if any). */
function entityRuns(text: string): Array<Array<{ syllables: string[]; group?: EntityGroup; id?: string | null }>> {
  return canonicalSegments(text).map((syllables) => {
    const runs: Array<{ syllables: string[]; group?: EntityGroup; id?: string | null }> = [];
    for (let i = 0; i < syllables.length;) {
      const match = PHRASES.find((p) => p.syllables.every((s, j) => syllables[i + j] === s));
      const length = match ? match.syllables.length : 1;
      runs.push({ syllables: syllables.slice(i, i + length), group: match?.group, id: match?.id });
      i += length;
    }
    return runs;
  });
}

export function namedEntities(text: string): NamedEntities {
  const found: NamedEntities = new Map();
  for (const runs of entityRuns(text)) {
    for (const { group, id } of runs) {
      if (!group || !id) continue;
      const ids = found.get(group) ?? new Set<string>();
      ids.add(id);
      found.set(group, ids);
    }
  }
  return found;
}

/** A text in canonical syllables, keeping only the runs `keep` accepts (by the entity group each names). */
function keptRuns(text: string, keep: (group: EntityGroup | undefined) => boolean): string {
  return entityRuns(text)
    .map((runs) =>
      runs
        .filter(({ group }) => keep(group))
        .flatMap((run) => run.syllables)
        .join(" "),
    )
    .filter(Boolean)
    .join(", ");
}

/**
 * A text in canonical syllables without its phrases naming an entity of the given groups: what
 * "hợp tác xã cần mấy người" asks once the cooperative is taken out ("can may nguoi"), ready to be
 * asked about another organisation.
 */
export function withoutEntities(text: string, groups: ReadonlySet<EntityGroup>): string {
  return keptRuns(text, (group) => !group || !groups.has(group));
}

/** Only the phrases of a text naming an entity outside the given groups ("to hop tac" of "tổ hợp tác tui …"). */
export function entityPhrases(text: string, except: ReadonlySet<EntityGroup>): string {
  return keptRuns(text, (group) => !!group && !except.has(group));
}

/**
 * The entities a section is about: those its heading names, group by group, falling back to the
 * title of its guide (a heading like "Quá hạn mà chưa góp đủ vốn thì sao?" in "Góp vốn vào hợp tác
 * xã" is about cooperatives).
 */
export function sectionEntities(heading: string, topicTitle: string | null): NamedEntities {
  const own = namedEntities(heading);
  if (!topicTitle) return own;
  for (const [group, ids] of namedEntities(topicTitle)) if (!own.has(group)) own.set(group, ids);
  return own;
}

/**
 * The entity a question is about when it names none in the group: the bot is about cooperatives, and
 * a loan without a named fund is a bank loan.
 */
const DEFAULT_ENTITY: Partial<Record<EntityGroup, string>> = { org: "hop-tac-xa", lender: "ngan-hang" };

/** Score factor for a section about other entities than the ones the question names. */
export const OTHER_ENTITY = 0.6;
/** Score factor for a section narrower than the question (about one kind the question did not name). */
export const NARROWER = 0.8;
/** Score factor for a section about none of a group when the question names a specific one (a fund, THT). */
export const UNNAMED = 0.9;

/**
 * How well a section's entities fit the question's, as a score factor (1 = no reason to doubt):
 * - the question names entities of a group and the section is about others of that group → OTHER_ENTITY
 *   ("tổ hợp tác ít nhất mấy người" vs the HTX section);
 * - the section is about a specific entity (other than its group's default) of a group the question
 *   names nothing of, and shares no specific entity with the question → NARROWER: a generic question
 *   ("vay không thế chấp được bao nhiêu") is best answered by the overview, not by the farm owners'
 *   ceiling, while "tổ hợp tác vay tín chấp" still fits "Tổ hợp tác, hộ kinh doanh vay tín chấp";
 * - the question names a specific entity (not the group's default) and the section none of its group
 *   → UNNAMED: "Quỹ nông dân ..." is rather answered from the fund's guide than from a general one.
 */
export function entityFactor(question: NamedEntities, section: NamedEntities): number {
  let factor = 1;
  let narrower = false;
  let sharesSpecific = false;
  for (const [group, asked] of question) {
    if (!section.has(group) && [...asked].some((id) => id !== DEFAULT_ENTITY[group])) factor *= UNNAMED;
  }
  for (const [group, ids] of section) {
    const asked = question.get(group);
    const specific = [...ids].filter((id) => id !== DEFAULT_ENTITY[group]);
    if (!asked) {
      if (specific.length > 0) narrower = true;
    } else if (![...asked].some((id) => ids.has(id))) {
      factor *= OTHER_ENTITY;
    } else if (specific.some((id) => asked.has(id))) {
      sharesSpecific = true;
    }
  }
  return narrower && !sharesSpecific ? factor * NARROWER : factor;
}
