import type { QuestionProfile } from "../retrieval/coverage.js";
import { questionCoverage } from "../retrieval/coverage.js";
import { canonicalSegments, searchTerms } from "../text/search-terms.js";
import { bodySentences } from "../text/sentences.js";
import { foldVietnamese } from "../../lib/vietnamese.js";
import { asksAboutPast } from "../retrieval/knowledge-index.js";
import type { Section } from "../types.js";
import { memoByObject } from "../../lib/memo-by-object.js";
import { quoteList } from "./list-quote.js";
import { holdsStatedFigure, statedFigures, type StatedFigure } from "./stated-figure.js";
import { ASKED_FEATURE_BONUS, askedFeature } from "./asked-feature.js";

/**
 * Picks what to quote from a section. Guides answer their heading in the first one or two
 * sentences, so those come first when they answer the question too; when the farmer asked about a
 * detail further down (the lead covers much less of the question than the best sentence), the
 * best sentence leads. Sentences with a number rank higher when the question wants one ("bao
 * nhiêu", "mấy", "tối thiểu"); a yes/no question keeps the lead ("Được."/"Không."). Everything fits
 * a phone-screen budget, in text order, and a caveat that changes the answer is never left out.
 */

const BODY_BUDGET = 460;
/** The first two sentences are both quoted when together they fit this. */
const LEAD_BUDGET = 320;
/** A later sentence is added when it covers at least this share of what the best sentence covers. */
const EXTRA_SHARE = 0.8;
const MAX_EXTRAS = 2;
/**
 * After that, the sentence adding the most question terms the quote does not cover yet is added when
 * it adds at least this share of the question ("bao lâu có giấy" after a lead about the file).
 */
const MIN_NEW_SHARE = 0.04;

/** The sentence, or its beginning cut after a "; " or ", " so it fits `room`; null if too little fits. */
function fitted(sentence: string, room: number): string | null {
  if (sentence.length <= room) return sentence;
  const cut = Math.max(sentence.lastIndexOf("; ", room - 1), sentence.lastIndexOf(", ", room - 1));
  return cut > room / 2 ? `${sentence.slice(0, cut)}…` : null;
}

export interface QuoteOptions {
  budget?: number;
  /** Start from the sentence matching the question best instead of the lead (used when unsure). */
  focus?: boolean;
  /** What kind of answer the question wants (see `questionWants`). */
  wants?: QuestionWants;
  /** Figures the asker stated about their case ("16 tuổi"): a sentence whose range holds one answers. */
  stated?: StatedFigure[];
}

export interface QuestionWants {
  number: boolean;
  yesNo: boolean;
  /** The question asks how things were: older values may be quoted. */
  past: boolean;
  /** The question asks for a list ("những gì", "gồm gì", "mấy loại"): the items are quoted. */
  list?: boolean;
  /** What its question word asks for, as a feature of the answering sentence (`askedFeature`). */
  feature?: RegExp | null;
}

/** "bao nhiêu", "mấy", "tối thiểu", "bao lâu", "%" want a number; "được không", "có … không" a yes or no. */
const WANTS_NUMBER =
  /\b(bao nhieu|bao lau|may (nguoi|nam|thang|ngay|lan|tuoi|phan|trieu|ty|ho|xa|thanh vien)|toi thieu|toi da|it nhat|nhieu nhat|phan tram|muc (vay|ho tro|phi|le phi)|han (chot|cuoi)|tren duoi)\b/;
const WANTS_YES_NO =
  /\b(duoc (khong|ko|k|hong|hok|hem|ha|chu)|co (phai|duoc|bi|can|mat)\b.*\b(khong|ko|k|hong|hok|hem|ha)|phai khong|dung khong|co khong|(khong|ko|k|hong|hok|hem) (vay|ta|ha|nhi|nha|ban|bot)?$)/;

/**
 * "những gì", "những việc nào", "gồm gì", "liệt kê", "mấy loại", "các bước", "giấy tờ gì", "quyền gì":
 * a list is wanted. Names of things counted in kinds, steps or papers, not people or money.
 */
const LISTED =
  "viec|loai|nhom|quyen|quyen loi|loi ich|nghia vu|noi dung|giay to|ho so|truong hop|hinh thuc|buoc|dieu kien|chinh sach|ho tro|uu dai|khoan|muc";
const WANTS_LIST = new RegExp(
  String.raw`\b(nhung gi|nhung (${LISTED})( \w+){0,2} (gi|nao)|gom (nhung )?gi|bao gom|liet ke|(may|bao nhieu|cac) (${LISTED})\b.*\b(gi|nao)|may (loai|nhom|buoc|hinh thuc)|(${LISTED}) gi)\b`,
);

export function questionWants(question: string): QuestionWants {
  // Colloquial forms read as written ones: "vay được nhiêu" and "mấy người" ask "bao nhiêu".
  const canonical = canonicalSegments(question)
    .map((syllables) => syllables.join(" "))
    .join(" ");
  const folded = `${foldVietnamese(question)} ${canonical}`;
  const yesNo = WANTS_YES_NO.test(folded);
  return {
    // A figure the asker states ("con tui 16 tuổi") is answered by the rule's own figure.
    number: WANTS_NUMBER.test(folded) || statedFigures(question).length > 0,
    yesNo,
    past: asksAboutPast(question),
    list: !yesNo && WANTS_LIST.test(folded),
    feature: askedFeature(folded),
  };
}

/** A sentence about an earlier value ("Trước đó, theo Nghị định 116/2018, …"): today's value comes alone. */
const EARLIER_VALUE =
  /^(Trước (đó|đây|kia|ngày|năm|khi)|Hồi trước|Mức cũ|Theo quy định cũ)|\btrước (ngày )?01\/07\/2025\b/iu;

/** A deadline that has passed, said either way round: "đã hết hạn", "Hạn 18 tháng này đã hết". */
const EXPIRED = String.raw`đã hết hạn|hết hiệu lực|hết thời hạn|(?<!\p{L})hạn(?!\p{L})[^.]{0,40}đã hết(?!\p{L})`;
const UNCERTAIN = String.raw`\[CHƯA CHẮC\]|chưa chắc|chưa xác minh|chưa được xác minh|nguồn thứ cấp`;
const OUTDATED = String.raw`lỗi thời|không còn áp dụng`;
/** A sentence that changes the answer: an expired or uncertain rule, a deadline that has passed. */
const CAVEAT = new RegExp(`(${EXPIRED}|${UNCERTAIN}|${OUTDATED})`, "iu");
/** A lead saying what the farmer heard is no longer (or not) right: the current rule must follow it. */
const REFUTES = /^(Không còn đúng|Không đúng|Không còn áp dụng|Không phải vậy|Sai)(?!\p{L})/iu;
/** True when a quote starts by saying the claim asked about is not right. */
export const startsWithRefutation = (quote: string): boolean => REFUTES.test(quote.trim());
/** A sentence stating today's rule ("Bây giờ chỉ cần …", "Hiện nay …", "Từ 01/07/2025 …"). */
const CURRENT_VALUE =
  /^(Bây giờ|Hiện nay|Hiện giờ|Nay|Từ (ngày )?\d{2}\/\d{2}\/\d{4}|Theo luật (mới|hiện hành))(?!\p{L})/iu;
/** A number in a sentence ("05 thành viên", "30 ngày", "51%"), not a legal reference ("Điều 30"). */
const HAS_FIGURE =
  /(?<!(Điều|khoản|điểm|Luật|định|số)\s)\b\d+([.,]\d+)?\s*(%|người|thành viên|ngày|tháng|năm|tuổi|lần|triệu|tỷ|đồng|phần|HTX|hợp tác xã|hộ|công|ha|héc)/iu;
/** True when a text states a figure (an amount, a count, a period), not only legal references. */
export const hasFigure = (text: string): boolean => HAS_FIGURE.test(text);
/** Bonus to a sentence's coverage when it holds the figure the question asks for. */
const FIGURE_BONUS = 0.15;
/** Bonus to a sentence whose range holds a figure the asker stated: it is about their case. */
const STATED_RANGE_BONUS = 0.3;
/** Room a figure the question wants (or a list's item after its introduction) is given when the quote is full. */
const FIGURE_ROOM = 240;
/** A lead saying yes ("Được, nhưng …", "Có."). */
const SAYS_YES = /^(Được|Có)(?!\p{L})/u;
/** A sentence stating what a yes depends on: what one must have or be, or when it holds. */
const CONDITION =
  /(?<!\p{L})(phải có|phải đáp ứng|phải là|phải được|phải đủ|nếu|với điều kiện|chỉ khi|miễn là|khi có|đủ điều kiện)(?!\p{L})/iu;
/** A sentence stating one case of a rule: "Ở bộ máy rút gọn, …", "Với liên hiệp HTX, …", "Nếu góp bằng đất, …". */
const CASE_OPENER = /^(Ở|Với|Đối với|Nếu|Trường hợp|Riêng)\s[^,.]{2,60},/u;
/** A lead answering yes or no ("Được.", "Không, …", "Tùy cách góp."). */
const SAYS_YES_OR_NO = /^(Được|Không|Có|Chưa|Phải|Tùy|Vẫn|Cũng)(?!\p{L})/u;
/** True when a text opens by answering yes or no: it answers the question its heading asks. */
export const opensWithYesOrNo = (text: string): boolean => SAYS_YES_OR_NO.test(text.trim());
/** A lead that is only a verdict ("Được, theo Luật và Điều lệ.") has at most this many words. */
const VERDICT_MAX_WORDS = 6;
const isVerdict = (sentence: string) =>
  SAYS_YES_OR_NO.test(sentence) && sentence.split(/\s+/).length <= VERDICT_MAX_WORDS;
/** The lead is kept first when it covers at least this share of what the best sentence covers. */
const LEAD_SHARE = 0.5;

/** A section's sentences with their search terms: they do not depend on the question. */
const sentencesOf = memoByObject((section: Section) => {
  const body = bodySentences(section.text);
  const sentences = body.map((s) => s.text);
  const termsOf = sentences.map((s) => searchTerms(s));
  return { sentences, items: body.map((s) => s.item), termsOf, termSets: termsOf.map((terms) => new Set(terms)) };
});

export function quotePassage(section: Section, profile: QuestionProfile, options: QuoteOptions = {}): string {
  const budget = options.budget ?? BODY_BUDGET;
  const { sentences, items, termsOf, termSets } = sentencesOf(section);
  if (sentences.length === 0) return section.heading;
  const wants = options.wants ?? { number: false, yesNo: false, past: false };
  // Earlier values are left out unless the question asks about the past (they score nothing).
  const earlier = sentences.map((s, i) => i > 0 && !wants.past && EARLIER_VALUE.test(s));
  const listed = wants.list && !options.focus ? quoteList(section.text, options.budget) : null;
  if (listed) {
    // A caveat is quoted whatever the length: without it the answer would say something else.
    const caveats = sentences.filter(
      (sentence, i) => !earlier[i] && CAVEAT.test(sentence) && !listed.includes(sentence),
    );
    return [listed, ...caveats].join("\n");
  }
  // "16 tuổi" is answered by "từ đủ 15 đến dưới 18 tuổi", more than by "từ đủ 18 tuổi".
  const stated = options.stated ?? [];
  const featured = (i: number) => wants.feature?.test(sentences[i]!) === true;
  const coverage = termSets.map((terms, i) =>
    earlier[i]
      ? 0
      : questionCoverage(profile, terms) +
        (wants.number && HAS_FIGURE.test(sentences[i]!) ? FIGURE_BONUS : 0) +
        (featured(i) ? ASKED_FEATURE_BONUS : 0) +
        (holdsStatedFigure(sentences[i]!, stated) ? STATED_RANGE_BONUS : 0),
  );
  const best = Math.max(...coverage);
  const chosen = new Map<number, string>();
  const used = () => [...chosen.values()].reduce((n, s) => n + s.length + 1, 0);
  const add = (i: number) => {
    const text = i < sentences.length && !chosen.has(i) && !earlier[i] ? fitted(sentences[i]!, budget - used()) : null;
    if (text) chosen.set(i, text);
  };

  // A yes/no question keeps a lead that says yes or no ("Được.", "Không, …"); another lead gives way
  // like for any question when a later sentence answers much better.
  // A lead without what the question word asks for (a condition for "khi nào", a duration for "bao lâu")
  // restates the topic: the best sentence, carrying it, answers first.
  const leadLacksAsked = !!wants.feature && !featured(0) && featured(coverage.indexOf(best));
  const leadAnswers =
    (wants.yesNo && SAYS_YES_OR_NO.test(sentences[0]!)) || (coverage[0]! >= LEAD_SHARE * best && !leadLacksAsked);
  const focus = options.focus || !leadAnswers;
  const first = focus ? coverage.indexOf(best) : 0;
  chosen.set(first, fitted(sentences[first]!, budget) ?? sentences[first]!.slice(0, budget));
  if (focus) add(0);
  // "Được" without its condition ("phải có giấy chứng nhận đăng ký đầu tư") says more than the law.
  if (wants.yesNo && SAYS_YES.test(chosen.get(0) ?? "")) {
    const conditions = coverage.map((value, i) => (i > 0 && value > 0 && CONDITION.test(sentences[i]!) ? value : 0));
    const condition = Math.max(...conditions);
    if (condition > 0) add(conditions.indexOf(condition));
  }
  if (!focus && sentences.length > 1 && sentences[0]!.length + sentences[1]!.length < Math.min(LEAD_BUDGET, budget))
    add(1);

  coverage
    .map((value, i) => ({ value, i }))
    .filter(({ value, i }) => !chosen.has(i) && value > 0 && value >= EXTRA_SHARE * best)
    .sort((a, b) => b.value - a.value)
    .slice(0, MAX_EXTRAS)
    .forEach(({ i }) => add(i));

  // "Ở bộ máy rút gọn, Giám đốc do Đại hội bầu" is half the answer when the passage goes on "Ở bộ máy
  // đầy đủ, Giám đốc do Hội đồng quản trị bổ nhiệm": the asker's case is not known, so each case is quoted.
  for (const i of [...chosen.keys()]) {
    const opener = CASE_OPENER.exec(sentences[i]!)?.[1];
    const sibling = sentences.findIndex(
      (sentence, j) =>
        !chosen.has(j) &&
        coverage[j]! > 0 &&
        CASE_OPENER.exec(sentence)?.[1] === opener &&
        (!wants.feature || featured(j)),
    );
    if (opener && sibling >= 0) {
      const text = fitted(sentences[sibling]!, Math.max(budget - used(), FIGURE_ROOM));
      if (text) chosen.set(sibling, text);
    }
  }

  const covered = new Set([...chosen.keys()].flatMap((i) => termsOf[i]!));
  const gains = termSets.map((terms, i) =>
    chosen.has(i)
      ? 0
      : [...terms].reduce((sum, term) => sum + (covered.has(term) ? 0 : (profile.weights.get(term) ?? 0)), 0),
  );
  const bestGain = Math.max(0, ...gains);
  if (profile.total > 0 && bestGain >= MIN_NEW_SHARE * profile.total) add(gains.indexOf(bestGain));
  // "Dán bao lâu?" answered by what must be posted, without the 30 days: the figure is the answer.
  if (wants.number && ![...chosen.values()].some(hasFigure)) {
    const figured = coverage.map((value, i) => (HAS_FIGURE.test(sentences[i]!) && value > 0 ? value : -1));
    const best = Math.max(...figured);
    if (best > 0) {
      const i = figured.indexOf(best);
      chosen.set(i, fitted(sentences[i]!, Math.max(budget - used(), FIGURE_ROOM)) ?? sentences[i]!);
    }
  }
  // A list's introduction ("… chấm dứt tư cách khi:") says nothing alone, and read with the next
  // sentence it says something else: its item answering best follows it, or it is left out.
  for (const i of [...chosen.keys()]) {
    if (!sentences[i]!.endsWith(":") || items[i + 1] !== true || chosen.has(i + 1)) continue;
    let end = i + 1;
    while (items[end] === true) end += 1;
    const listed = coverage.slice(i + 1, end);
    if (listed.some((_, k) => chosen.has(i + 1 + k))) continue;
    const answering = Math.max(...listed);
    const item = i + 1 + listed.indexOf(answering);
    // An item sharing nothing with the question would be read as its answer: then the list goes.
    const text =
      answering > 0 || chosen.size === 1 ? fitted(sentences[item]!, Math.max(budget - used(), FIGURE_ROOM)) : null;
    if (text) chosen.set(item, text);
    else if (chosen.size > 1) chosen.delete(i);
  }
  // After "Không còn đúng." today's rule is the answer: quoted whatever the budget.
  const current = REFUTES.test(sentences[0]!) ? sentences.findIndex((sentence) => CURRENT_VALUE.test(sentence)) : -1;
  if (current > 0 && !chosen.has(current)) chosen.set(current, sentences[current]!);
  // A caveat is quoted whatever the budget: without it the answer would say something else.
  sentences.forEach((sentence, i) => {
    // (A caveat about an earlier value goes with it: today's value comes alone.)
    if (!chosen.has(i) && !earlier[i] && CAVEAT.test(sentence)) chosen.set(i, sentence);
  });
  // "Được." answers the heading's yes/no question, not "bao lâu" or "khi nào": a bare verdict goes.
  if (!wants.yesNo && (wants.number || wants.feature) && chosen.size > 1 && isVerdict(chosen.get(0) ?? ""))
    chosen.delete(0);
  return withSubject(
    [...chosen]
      .sort((a, b) => a[0] - b[0])
      .map(([, s]) => s)
      .join(" "),
    section.heading,
  );
}

/** A quote starting with a bare figure ("Tối đa 03 tỷ đồng, …"): it says how much, not of what. */
const BARE_FIGURE = /^(Tối đa|Tối thiểu|Ít nhất|Nhiều nhất|Khoảng|Chừng|Không quá|Dưới|Trên|\d)(?!\p{L})/u;
/** The question part of a heading asking for a figure: "… vay tín chấp| được bao nhiêu?". */
const FIGURE_QUESTION =
  /\s+(thì\s+)?((được|là|có|phải|cần|mất)\s+)?((tối đa|tối thiểu|ít nhất)\s+)?(bao nhiêu|mấy)(?!\p{L}).*$/iu;

const SUBJECT_MIN_WORDS = 3;
const MODAL_START = /^(Phải|Cần|Được|Có|Nên)(?!\p{L})/u;

/**
 * A figure comes with what it is the figure of: "Tối đa 03 tỷ đồng…" under "Chủ trang trại vay tín
 * chấp được bao nhiêu?" is quoted "Chủ trang trại vay tín chấp: tối đa 03 tỷ đồng…", so a farmer
 * reading "3 tỷ" knows for whom and on what terms.
 */
function withSubject(quote: string, heading: string): string {
  if (!BARE_FIGURE.test(quote)) return quote;
  const subject = heading.replace(FIGURE_QUESTION, "").trim();
  // "Phải tự" (from "Phải tự có bao nhiêu vốn…?") names nothing: only a phrase of a few words does.
  if (subject === heading.trim() || subject.split(/\s+/).length < SUBJECT_MIN_WORDS || MODAL_START.test(subject))
    return quote;
  return `${subject}: ${quote.charAt(0).toLowerCase()}${quote.slice(1)}`;
}
