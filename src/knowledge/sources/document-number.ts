/**
 * The parts of a legal document's number that people name it by: "92/2024/NĐ-CP" is number 92 of
 * 2024 by the Government (NĐ), "17/2023/QH15" a law of the National Assembly (QH). `issuer` is
 * undefined for a kind we do not name short.
 */
const DOC_NUMBER = /^(\d+)\/(\d{4})\/(QH|NĐ|NQ|QĐ|TT|UBTVQH)?/u;

export type DocumentNumber = { number: string; year: string; issuer?: "QH" | "NĐ" | "NQ" | "QĐ" | "TT" | "UBTVQH" };

export function documentNumber(doc: string): DocumentNumber | undefined {
  const match = DOC_NUMBER.exec(doc);
  if (!match) return undefined;
  const [, number, year, issuer] = match;
  return { number: number!, year: year!, issuer: issuer as DocumentNumber["issuer"] };
}
