/** The words of the insats register (the kansli's form, its errors and its history), in Swedish. */

export const INSATS_TYPE_LABEL: Record<string, string> = {
  INDIVID: 'Individinsats',
  STRUKTUR: 'Strukturinsats',
};

export const COMPARISON_LABEL: Record<string, string> = {
  '>=': 'minst',
  '<=': 'högst',
  '>': 'mer än',
  '<': 'mindre än',
  '=': 'exakt',
};

/** An insats field by its name in the API's input (`ownerParty` → "Ägande part"). */
export const INSATS_FIELD_LABEL: Record<string, string> = {
  key: 'Nyckel',
  name: 'Namn',
  type: 'Typ',
  ownerParty: 'Ägande part',
  costCentre: 'Kostnadsställe',
  start: 'Startdatum',
  end: 'Slutdatum',
  decision: 'Beslut',
  'decision.date': 'Beslutsdatum',
  'decision.body': 'Beslutande organ',
  'decision.text': 'Beslutstext',
  budgets: 'Budget',
  matpunkter: 'Mätpunkter',
  styrgrupp: 'Styrgrupp',
  projektagare: 'Projektägare',
};

const BUDGET_FIELD: Record<string, string> = { year: 'år', amount: 'belopp', decision: 'beslut' };
const MATPUNKT_FIELD: Record<string, string> = {
  key: 'nyckel',
  year: 'år',
  text: 'text',
  metric: 'mått',
  op: 'jämförelse',
  target: 'målvärde',
};

/**
 * The Swedish name of the field at a path inside an insats (segments after the insats itself):
 * ['matpunkter', 0, 'target'] → "Mätpunkt 1, målvärde"; ['budgets', 1, 'amount'] → "Budget rad 2, belopp".
 */
export function insatsFieldLabel(segments: ReadonlyArray<string | number>): string {
  const [head, index, field] = segments;
  if (head === 'budgets' && typeof index === 'number')
    return `Budget rad ${index + 1}${field ? `, ${BUDGET_FIELD[String(field)] ?? String(field)}` : ''}`;
  if (head === 'matpunkter' && typeof index === 'number')
    return `Mätpunkt ${index + 1}${field ? `, ${MATPUNKT_FIELD[String(field)] ?? String(field)}` : ''}`;
  if ((head === 'styrgrupp' || head === 'projektagare') && typeof index === 'number')
    return `${INSATS_FIELD_LABEL[head]} (person ${index + 1})`;
  if (head === 'decision' && index !== undefined)
    return INSATS_FIELD_LABEL[`decision.${String(index)}`] ?? INSATS_FIELD_LABEL.decision;
  return INSATS_FIELD_LABEL[String(head)] ?? String(head ?? 'Insatsen');
}

/** The history of an insats in words (audit actions). */
export const INSATS_ACTION_LABEL: Record<string, string> = {
  'insats.created': 'registrerade insatsen',
  'insats.updated': 'ändrade insatsen',
  'insats.ended': 'avslutade insatsen',
  'insats.deleted': 'tog bort insatsen',
};
