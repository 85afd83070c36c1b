/** The Swedish words of the förbund's financial set-up (issue 18): fields, kinds and purposes. */

/** The name of each field a kansli fills in, as a validation message names it. */
export const FINANCE_FIELD_LABEL: Record<string, string> = {
  code: 'Kod',
  name: 'Namn',
  category: 'Slag',
  split: 'Fördelning',
  purpose: 'Räknas som',
  share: 'Andel',
  note: 'Kommentar',
  key: 'Nyckel',
  kind: 'Slag',
  shares: 'Fördelningsnyckel',
  party: 'Part',
  year: 'År',
  text: 'Målformulering',
  metric: 'Mått',
  op: 'Jämförelse',
  value: 'Målvärde',
  decided: 'Beslutsdatum',
  fundedBy: 'Finansieras av',
  lines: 'Belopp per kostnadsställe',
  outlook: 'Plan för kommande år',
  asOf: 'Prognosdatum',
  amount: 'Belopp',
  account: 'Konto',
  version: 'Version',
};

export const COST_CENTRE_CATEGORY_LABEL: Record<string, string> = {
  ADMINISTRATION: 'Administration',
  FORBUND: 'Förbundsgemensamt',
  INSATS: 'Insats',
};

export const COST_SPLIT_PURPOSE_LABEL: Record<string, string> = {
  ADMINISTRATION: 'Administration',
  STRUKTUR: 'Strukturinriktat arbete',
  INDIVID: 'Individinriktat arbete',
  FORBUND: 'Förbundsgemensamt',
};

export const PARTY_KIND_LABEL: Record<string, string> = {
  STAT: 'Staten',
  REGION: 'Region',
  KOMMUN: 'Kommun',
};

export const BUDGET_KIND_LABEL: Record<string, string> = {
  ORDINARY: 'Budget',
  SUPPLEMENTARY: 'Tilläggsbudget',
};

/** Where a tilläggsbudget's money comes from. */
export const FUNDED_BY_LABEL: Record<string, string> = {
  EQUITY: 'Eget kapital',
  PARTIES: 'Ökade medel från parterna',
  OTHER: 'Annan finansiering',
};

export const COMPARISON_OP_LABEL: Record<string, string> = {
  '<=': 'högst',
  '>=': 'minst',
  '<': 'under',
  '>': 'över',
  '=': 'lika med',
};

/** The key figures a financial goal can be measured by, in words. */
export const METRIC_LABEL: Record<string, string> = {
  verksamhetens_intakter: 'Verksamhetens intäkter',
  verksamhetens_kostnader: 'Verksamhetens kostnader',
  verksamhetens_resultat: 'Verksamhetens resultat',
  finansiella_intakter: 'Finansiella intäkter',
  finansiella_kostnader: 'Finansiella kostnader',
  resultat_efter_finansiella_poster: 'Resultat efter finansiella poster',
  arets_resultat: 'Årets resultat',
  balanskravsresultat: 'Balanskravsresultat',
  fordringar: 'Fordringar',
  kassa_och_bank: 'Kassa och bank',
  summa_tillgangar: 'Summa tillgångar',
  ovrigt_eget_kapital: 'Övrigt eget kapital',
  eget_kapital: 'Eget kapital',
  kortfristiga_skulder: 'Kortfristiga skulder',
  summa_eget_kapital_och_skulder: 'Summa eget kapital och skulder',
  forandring_kortfristiga_fordringar: 'Förändring av kortfristiga fordringar',
  forandring_kortfristiga_skulder: 'Förändring av kortfristiga skulder',
  kassaflode_lopande_verksamhet: 'Kassaflöde från den löpande verksamheten',
  arets_kassaflode: 'Årets kassaflöde',
  likvida_medel_ib: 'Likvida medel vid årets början',
  likvida_medel_ub: 'Likvida medel vid årets slut',
  soliditet: 'Soliditet',
  medelstilldelning: 'Medelstilldelning',
  eget_kapital_andel_av_medelstilldelning: 'Eget kapital i andel av medelstilldelning',
  administrativ_kostnadsandel: 'Administrativ kostnadsandel',
  verksamhetens_kostnader_mot_budgetram: 'Verksamhetens kostnader mot budgetram',
};

/** "Andel: ska vara …": a validation message that names its field in Swedish (the last named path segment). */
export function withFieldName(path: ReadonlyArray<string | number>, message: string): string {
  const field = [...path]
    .reverse()
    .find((s): s is string => typeof s === 'string' && s in FINANCE_FIELD_LABEL);
  return field ? `${FINANCE_FIELD_LABEL[field]}: ${message}` : message;
}
