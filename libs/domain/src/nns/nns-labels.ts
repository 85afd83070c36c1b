import { AnswerOption, SurveyGroup } from './nns-catalogue';

/** The groups' names as a person reads them. */
export const SURVEY_GROUP_LABEL: Record<SurveyGroup, string> = {
  DELTAGARE_PAGAENDE: 'Deltagare (pågående insats)',
  DELTAGARE_AVSLUT: 'Deltagare (vid avslut)',
  PERSONAL: 'Insatspersonal',
  STYRELSE: 'Styrelse',
  BEREDNINGSGRUPP: 'Beredningsgrupp',
};

/** The answer options' words, as the NNS questionnaires print them. */
export const ANSWER_OPTION_LABEL: Record<AnswerOption, string> = {
  INTE_ALLS: 'Inte alls',
  TILL_LITEN_DEL: 'Till liten del',
  DELVIS: 'Delvis',
  TILL_STOR_DEL: 'Till stor del',
  TILL_MYCKET_STOR_DEL: 'Till mycket stor del',
  HELT_OCH_HALLET: 'Helt och hållet',
  ALDRIG: 'Aldrig',
  SALLAN: 'Sällan',
  IBLAND: 'Ibland',
  OFTA: 'Ofta',
  ALLTID: 'Alltid',
};
