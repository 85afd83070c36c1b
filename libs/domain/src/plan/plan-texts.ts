/** The förbundschef's texts in the plan, by the seeds' sections: key and heading. */
export const PLAN_TEXT_KEYS = {
  inledning: 'Inledning',
  organisation: 'Organisation',
  uppdrag: 'Uppdrag och mål',
  uppfoljning: 'Uppföljning',
  utvecklingsarbete: 'Utvecklingsarbete',
} as const;
export type PlanTextKey = keyof typeof PLAN_TEXT_KEYS;
