import type { FormerUnit } from "./former-units.js";
import { placeData, type Commune, type CommuneType, type Province } from "./place-data.js";
import {
  endsWithPrefixWord,
  keyOf,
  leadingPrefix,
  officialNameKey,
  similarity,
  sliceTokens,
  startsWithAbbreviation,
  tokenize,
  type NameKey,
  type PrefixKind,
  type Tokens,
} from "./place-names.js";

/**
 * The one place resolver: free text from a farmer → ranked post-2025 communes (xã/phường/đặc khu).
 * Farmers still name their old xã, huyện or tỉnh ("xã Vĩnh Thành, Thạnh Trị, Sóc Trăng"), so old
 * units of Cần Thơ (with Sóc Trăng and Hậu Giang) map to the new communes formed from them.
 */
export type MatchedVia = "name" | "former_unit" | "former_district";

export type PlaceCandidate = {
  code: string;
  name: string;
  type: CommuneType;
  provinceCode: string;
  provinceName: string;
  matchedVia: MatchedVia;
  /** The old unit or district the text named: "Xã Vĩnh Thành (Huyện Thạnh Trị, Tỉnh Sóc Trăng)". */
  formerName?: string;
  /** The old unit was split and this new unit took only part of it: ask the farmer which. */
  formerPartial?: boolean;
  /** Match quality 0..1: 1 = exact name (ignoring diacritics and prefixes), lower = "did you mean". */
  score: number;
};

export type ProvinceMatch = Province & { matchedVia: "name" | "former_province"; formerName?: string };

export type ResolveOptions = {
  /** Only communes of this province. */
  provinceCode?: string;
  limit?: number;
};

export type PlaceResolver = {
  resolve(text: string, options?: ResolveOptions): PlaceCandidate[];
  provinceByName(text: string): ProvinceMatch | undefined;
  communeByCode(code: string): Commune | undefined;
};

export const CAN_THO_PROVINCE_CODE = "92";
const DEFAULT_LIMIT = 5;
const MIN_SCORE = 0.6;
/** Province and district names used as context must match closely: they filter, not suggest. */
const MIN_AREA_SCORE = 0.85;
/** Ranking edge for the preferred province on otherwise equal matches; not part of `score`. */
const PREFERRED_BONUS = 0.05;
const KIND_MISMATCH_PENALTY = 0.05;
const MAX_CONTEXT_TOKENS = 4;
const MAX_CONTEXTS = 2;
const VIA_ORDER: MatchedVia[] = ["name", "former_unit", "former_district"];

/** Nicknames for provinces that farmers use instead of the official name. */
const PROVINCE_ALIASES: Record<string, string[]> = { "79": ["Sài Gòn", "HCM", "TPHCM"] };

/** Does a commune (reached through an old unit, if any) lie in an area the farmer named? */
type AreaTest = (commune: Commune, unit?: FormerUnit) => boolean;
type AreaEntry = { key: NameKey; level: "province" | "district"; test: AreaTest };
type NameEntry = { key: NameKey; commune: Commune };
type FormerEntry = { key: NameKey; commune: Commune; unit: FormerUnit; kind?: PrefixKind };
type DistrictEntry = {
  key: NameKey;
  label: string;
  /** New communes holding units of this district, most units first. */
  members: { commune: Commune; unit: FormerUnit; share: number }[];
};
type ProvinceEntry = { key: NameKey; match: ProvinceMatch };
type Query = { key: NameKey; kind?: PrefixKind };

const formerLabel = (unit: FormerUnit) => `${unit.name} (${unit.district}, ${unit.province})`;
const districtId = (unit: FormerUnit) => `${unit.district}|${unit.province}`;

function buildDistricts(communes: Commune[]): DistrictEntry[] {
  const byDistrict = new Map<string, { unit: FormerUnit; counts: Map<Commune, number> }>();
  for (const commune of communes) {
    for (const unit of commune.formerUnits) {
      const entry = byDistrict.get(districtId(unit)) ?? { unit, counts: new Map() };
      entry.counts.set(commune, (entry.counts.get(commune) ?? 0) + 1);
      byDistrict.set(districtId(unit), entry);
    }
  }
  return [...byDistrict.values()].map(({ unit, counts }) => {
    const most = Math.max(...counts.values());
    const members = [...counts.entries()]
      .map(([commune, count]) => ({
        commune,
        unit: commune.formerUnits.find((u) => districtId(u) === districtId(unit))!,
        share: count / most,
      }))
      .sort((a, b) => b.share - a.share);
    return { key: officialNameKey(unit.district), label: `${unit.district}, ${unit.province}`, members };
  });
}

function buildProvinces(provinces: Province[], formerProvinces: { name: string; provinceCode: string }[]) {
  const byCode = new Map(provinces.map((p) => [p.code, p]));
  const entries: ProvinceEntry[] = provinces.flatMap((province) =>
    [province.name, ...(PROVINCE_ALIASES[province.code] ?? [])].map((name) => ({
      key: officialNameKey(name),
      match: { ...province, matchedVia: "name" as const },
    })),
  );
  for (const former of formerProvinces) {
    const province = byCode.get(former.provinceCode);
    if (!province) throw new Error(`former-provinces.csv: unknown province ${former.provinceCode}`);
    entries.push({
      key: officialNameKey(former.name),
      match: { ...province, matchedVia: "former_province", formerName: former.name },
    });
  }
  return entries;
}

/** Areas a farmer may add after the commune name to narrow it down. */
function buildAreas(provinceEntries: ProvinceEntry[], districts: DistrictEntry[]): AreaEntry[] {
  const provinceAreas = provinceEntries.map(({ key, match }): AreaEntry => {
    if (match.matchedVia === "name") {
      return { key, level: "province", test: (commune) => commune.provinceCode === match.code };
    }
    const formerName = match.formerName!;
    return {
      key,
      level: "province",
      // Old-unit data exists only for Cần Thơ; elsewhere the new province is the best we know.
      test: (commune, unit) =>
        unit
          ? unit.province === formerName
          : commune.formerUnits.length > 0
            ? commune.formerUnits.some((u) => u.province === formerName)
            : commune.provinceCode === match.code,
    };
  });
  const districtAreas = districts.map(({ key, members }): AreaEntry => {
    const id = districtId(members[0]!.unit);
    return {
      key,
      level: "district",
      test: (commune, unit) => (unit ? districtId(unit) === id : commune.formerUnits.some((u) => districtId(u) === id)),
    };
  });
  return [...provinceAreas, ...districtAreas];
}

/**
 * A query without its leading prefix and, when the prefix is a whole word, also with it:
 * "quan son" may be Xã Quan Sơn rather than "quận Sơn", "xa phien" is Xã Xà Phiên.
 */
function queries(tokens: Tokens): Query[] {
  const prefix = leadingPrefix(tokens);
  if (!prefix) return [{ key: keyOf(tokens) }];
  const stripped = { key: keyOf(sliceTokens(tokens, prefix.length)), kind: prefix.kind };
  return startsWithAbbreviation(tokens) ? [stripped] : [stripped, { key: keyOf(tokens) }];
}

const COMMUNE_KINDS: (PrefixKind | undefined)[] = ["xã", "phường", "thị trấn", "đặc khu"];

/** Words of a numbered hamlet or neighbourhood ("ấp 3", "khóm 5", "tổ 12"), folded. */
const HAMLET_WORDS = ["ap", "khom", "to"];

/** "ở" folded: "tui ở Kế Sách", "nhà em ở xã Đại Hải" say where before they name it. */
const LIVING_WORD = "o";
const MAX_WORDS_BEFORE_LIVING = 3;

/**
 * A full address ("ấp 3, xã Hòa Tú 2, huyện Mỹ Xuyên") starts with a hamlet the data does not
 * know, so the text is also read from each "xã"/"phường"/"thị trấn" word on, after a leading
 * numbered hamlet even without one ("ấp 3 Kế Sách"), and after "ở" near the start ("tui ở Kế Sách").
 */
function addressTails(tokens: Tokens): Tokens[] {
  if (tokens.folded.length === 0) return [];
  const tails = [tokens];
  const living = tokens.folded.indexOf(LIVING_WORD);
  if (living >= 0 && living <= MAX_WORDS_BEFORE_LIVING && living < tokens.folded.length - 1)
    tails.push(sliceTokens(tokens, living + 1));
  const [first, second] = tokens.folded;
  if (tokens.folded.length > 2 && HAMLET_WORDS.includes(first!) && /^\d+$/.test(second!))
    tails.push(sliceTokens(tokens, 2));
  for (let start = 1; start < tokens.folded.length; start++) {
    const tail = sliceTokens(tokens, start);
    if (COMMUNE_KINDS.includes(leadingPrefix(tail)?.kind)) tails.push(tail);
  }
  return tails;
}

function groupByProvince<T extends { commune: Commune }>(entries: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const group = groups.get(entry.commune.provinceCode) ?? [];
    group.push(entry);
    groups.set(entry.commune.provinceCode, group);
  }
  return groups;
}

function kindAdjusted(score: number, queryKind: PrefixKind | undefined, kind: PrefixKind | undefined): number {
  return queryKind && kind && queryKind !== kind ? score - KIND_MISMATCH_PENALTY : score;
}

export function createPlaceResolver(options: { preferredProvinceCode?: string } = {}): PlaceResolver {
  const preferred = options.preferredProvinceCode ?? CAN_THO_PROVINCE_CODE;
  const { provinces, communes, formerProvinces } = placeData();
  const byCode = new Map(communes.map((c) => [c.code, c]));
  const names: NameEntry[] = communes.map((commune) => ({ key: officialNameKey(commune.name), commune }));
  const formers: FormerEntry[] = communes.flatMap((commune) =>
    commune.formerUnits.map((unit) => ({
      key: officialNameKey(unit.name),
      commune,
      unit,
      kind: leadingPrefix(tokenize(unit.name))?.kind,
    })),
  );
  // A question's place is looked up in one province (mentioned-place.ts): scanning only its entries,
  // in the same order, finds what the province test would have let through among all of them.
  const namesIn = groupByProvince(names);
  const formersIn = groupByProvince(formers);
  const districts = buildDistricts(communes);
  const provinceEntries = buildProvinces(provinces, formerProvinces);
  const areas = buildAreas(provinceEntries, districts);

  function candidate(commune: Commune, matchedVia: MatchedVia, score: number, former?: string, partial?: boolean) {
    const result: PlaceCandidate = {
      code: commune.code,
      name: commune.name,
      type: commune.type,
      provinceCode: commune.provinceCode,
      provinceName: commune.provinceName,
      matchedVia,
      score: Math.round(score * 1000) / 1000,
    };
    if (former) result.formerName = former;
    if (partial) result.formerPartial = true;
    return result;
  }

  function matchQuery(query: Query, accepts: AreaTest, provinceCode?: string): PlaceCandidate[] {
    const found: PlaceCandidate[] = [];
    // The area test goes first: it is cheaper than the distance and usually narrows a lot.
    for (const { key, commune } of provinceCode ? (namesIn.get(provinceCode) ?? []) : names) {
      if (!accepts(commune)) continue;
      const score = kindAdjusted(similarity(query.key, key), query.kind, commune.type);
      if (score >= MIN_SCORE) found.push(candidate(commune, "name", score));
    }
    for (const { key, commune, unit, kind } of provinceCode ? (formersIn.get(provinceCode) ?? []) : formers) {
      if (!accepts(commune, unit)) continue;
      const score = kindAdjusted(similarity(query.key, key), query.kind, kind);
      if (score >= MIN_SCORE) {
        found.push(candidate(commune, "former_unit", score, formerLabel(unit), unit.partial));
      }
    }
    for (const { key, label, members } of districts) {
      const score = kindAdjusted(similarity(query.key, key), query.kind, "area");
      if (score < MIN_AREA_SCORE) continue;
      for (const { commune, unit, share } of members) {
        // Below a direct name match; communes holding more of the district's old units first.
        if (accepts(commune, unit))
          found.push(candidate(commune, "former_district", score * (0.85 + 0.05 * share), label));
      }
    }
    return found;
  }

  function areaTest(tokens: Tokens, wholeProvinceOnly = false): AreaTest | undefined {
    const keys = queries(tokens).map((q) => q.key);
    const tests = areas
      .filter((area) =>
        wholeProvinceOnly
          ? area.level === "province" && keys.some((key) => similarity(key, area.key) === 1)
          : keys.some((key) => similarity(key, area.key) >= MIN_AREA_SCORE),
      )
      .map((area) => area.test);
    return tests.length > 0 ? (commune, unit) => tests.some((test) => test(commune, unit)) : undefined;
  }

  /** Ways to read trailing words as areas: "vinh loi | thanh tri | soc trang". */
  function contextSplits(tokens: Tokens, depth = 1): { rest: Tokens; tests: AreaTest[] }[] {
    const splits: { rest: Tokens; tests: AreaTest[] }[] = [];
    const count = tokens.folded.length;
    for (let size = 1; size <= Math.min(MAX_CONTEXT_TOKENS, count - 1); size++) {
      const test = areaTest(sliceTokens(tokens, count - size));
      if (!test) continue;
      const rest = sliceTokens(tokens, 0, count - size);
      // "… huyện | Mỹ Xuyên" is the same reading as "… | huyện Mỹ Xuyên", already taken.
      if (endsWithPrefixWord(rest)) continue;
      splits.push({ rest, tests: [test] });
      if (depth < MAX_CONTEXTS) {
        for (const inner of contextSplits(rest, depth + 1))
          splits.push({ rest: inner.rest, tests: [test, ...inner.tests] });
      }
    }
    return splits;
  }

  function rank(c: PlaceCandidate): number {
    return c.score + (c.provinceCode === preferred ? PREFERRED_BONUS : 0);
  }

  function resolve(text: string, opts: ResolveOptions = {}): PlaceCandidate[] {
    const inProvince: AreaTest = (commune) => !opts.provinceCode || commune.provinceCode === opts.provinceCode;
    const readings = addressTails(tokenize(text)).flatMap((tokens) => {
      // Text that is just a province ("Hậu Giang") asks for that province's communes, not for
      // look-alike names elsewhere ("Hàm Giang").
      const wholeProvince = areaTest(tokens, true);
      return [{ rest: tokens, tests: wholeProvince ? [wholeProvince] : [] }, ...contextSplits(tokens)];
    });
    const best = new Map<string, PlaceCandidate>();
    for (const { rest, tests } of readings) {
      const accepts: AreaTest = (commune, unit) => inProvince(commune) && tests.every((test) => test(commune, unit));
      for (const query of queries(rest)) {
        for (const found of matchQuery(query, accepts, opts.provinceCode)) {
          const current = best.get(found.code);
          const better =
            !current ||
            found.score > current.score ||
            (found.score === current.score &&
              VIA_ORDER.indexOf(found.matchedVia) < VIA_ORDER.indexOf(current.matchedVia));
          if (better) best.set(found.code, found);
        }
      }
    }
    return [...best.values()]
      .sort((a, b) => rank(b) - rank(a) || a.name.localeCompare(b.name, "vi"))
      .slice(0, opts.limit ?? DEFAULT_LIMIT);
  }

  function provinceByName(text: string): ProvinceMatch | undefined {
    let best: { score: number; match: ProvinceMatch } | undefined;
    for (const query of queries(tokenize(text))) {
      for (const { key, match } of provinceEntries) {
        const score = similarity(query.key, key);
        const better = !best || score > best.score || (score === best.score && match.matchedVia === "name");
        if (score >= MIN_AREA_SCORE && better) best = { score, match };
      }
    }
    return best?.match;
  }

  return { resolve, provinceByName, communeByCode: (code) => byCode.get(code) };
}
