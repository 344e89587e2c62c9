/**
 * The buttons an HTX that meets every condition taps after its type, size, trade and commune: all
 * programmes, no special zone or chain, a plan and 20% own capital, no bad debt or sanction, audited.
 */
export const QUALIFYING_HTX_TAPS: Record<string, string> = {
  interest: "Tất cả",
  organic_or_circular: "Không",
  high_tech_zone: "Không",
  value_chain: "Không",
  has_business_plan: "Có",
  own_capital_20: "Có",
  has_bad_debt: "Không",
  under_sanction: "Không",
  criminal_sentence: "Không",
  development_criterion: "Có",
  audit_report: "Có",
};
