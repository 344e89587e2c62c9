import { readFileSync } from "node:fs";
import { parseCsv } from "./csv.js";
import { parseFormerUnits, type FormerUnit } from "./former-units.js";

/** The bundled post-1-July-2025 units, loaded once per process (see data/README.md). */
export type CommuneType = "xã" | "phường" | "đặc khu";
export type ProvinceType = "tỉnh" | "thành phố";

export type Province = { code: string; name: string; type: ProvinceType };

export type Commune = {
  code: string;
  name: string;
  type: CommuneType;
  provinceCode: string;
  provinceName: string;
  /** Old units merged into this one; known for Cần Thơ only, empty elsewhere. */
  formerUnits: FormerUnit[];
};

/** How a commune is named to farmers and officers: today's name and its province ("Xã Kế Sách, Thành phố Cần Thơ"). */
export const communeWithProvince = (name: string, provinceName: string): string => `${name}, ${provinceName}`;

export type FormerProvince = { name: string; provinceCode: string };

export type PlaceData = {
  provinces: Province[];
  communes: Commune[];
  formerProvinces: FormerProvince[];
};

const DATA_DIR = new URL("./data/", import.meta.url);

const readTable = (file: string) => parseCsv(readFileSync(new URL(file, DATA_DIR), "utf8"));

function loadPlaceData(): PlaceData {
  const provinces = readTable("vn-2025-provinces.csv").map((row): Province => ({
    code: row.code!,
    name: row.name!,
    type: row.type as ProvinceType,
  }));
  const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
  // The Cần Thơ file has the resolution's spelling and the former units; join on code.
  const canTho = new Map(readTable("can-tho-2025-xa-phuong.csv").map((row) => [row.code!, row]));
  const communes = readTable("vn-2025-communes.csv").map((row): Commune => {
    const local = canTho.get(row.code!);
    return {
      code: row.code!,
      name: local?.name ?? row.name!,
      type: row.type as CommuneType,
      provinceCode: row.province_code!,
      provinceName: provinceName.get(row.province_code!) ?? "",
      formerUnits: local ? parseFormerUnits(local.former_units!) : [],
    };
  });
  const formerProvinces = readTable("former-provinces.csv").map((row): FormerProvince => ({
    name: row.former_name!,
    provinceCode: row.province_code!,
  }));
  return { provinces, communes, formerProvinces };
}

let cached: PlaceData | undefined;

export function placeData(): PlaceData {
  cached ??= loadPlaceData();
  return cached;
}
