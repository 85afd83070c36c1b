/** Key figure ids of CONTRACT.md §5 (amounts in exact kronor, ratios as unrounded fractions). */
export const KEY_FIGURE_IDS = [
  'verksamhetens_intakter',
  'verksamhetens_kostnader',
  'verksamhetens_resultat',
  'finansiella_intakter',
  'finansiella_kostnader',
  'resultat_efter_finansiella_poster',
  'arets_resultat',
  'balanskravsresultat',
  'fordringar',
  'kassa_och_bank',
  'summa_tillgangar',
  'ovrigt_eget_kapital',
  'eget_kapital',
  'kortfristiga_skulder',
  'summa_eget_kapital_och_skulder',
  'forandring_kortfristiga_fordringar',
  'forandring_kortfristiga_skulder',
  'kassaflode_lopande_verksamhet',
  'arets_kassaflode',
  'likvida_medel_ib',
  'likvida_medel_ub',
  'soliditet',
  'medelstilldelning',
  'eget_kapital_andel_av_medelstilldelning',
  'administrativ_kostnadsandel',
  'verksamhetens_kostnader_mot_budgetram',
] as const;

export type KeyFigureId = (typeof KEY_FIGURE_IDS)[number];

export const RATIO_KEY_FIGURES: ReadonlySet<KeyFigureId> = new Set<KeyFigureId>([
  'soliditet',
  'eget_kapital_andel_av_medelstilldelning',
  'administrativ_kostnadsandel',
  'verksamhetens_kostnader_mot_budgetram',
]);
