// No imports here: the bundle schema reads the groups, and the catalogue imports the bundle's validation.

/** The five respondent groups of the NNS indikatorenkät, in the order reports print them. */
export const SURVEY_GROUPS = [
  'DELTAGARE_PAGAENDE',
  'DELTAGARE_AVSLUT',
  'PERSONAL',
  'STYRELSE',
  'BEREDNINGSGRUPP',
] as const;
export type SurveyGroup = (typeof SURVEY_GROUPS)[number];

/** The answer options of the two NNS scales, lowest first. */
export const SCALE_OPTIONS = [
  'INTE_ALLS',
  'TILL_LITEN_DEL',
  'DELVIS',
  'TILL_STOR_DEL',
  'TILL_MYCKET_STOR_DEL',
  'HELT_OCH_HALLET',
] as const;
export const FREQUENCY_OPTIONS = ['ALDRIG', 'SALLAN', 'IBLAND', 'OFTA', 'ALLTID'] as const;
export type AnswerOption = (typeof SCALE_OPTIONS)[number] | (typeof FREQUENCY_OPTIONS)[number];
export const ANSWER_OPTIONS: readonly AnswerOption[] = [...SCALE_OPTIONS, ...FREQUENCY_OPTIONS];
export type ScaleKind = 'SCALE' | 'FREQUENCY';
