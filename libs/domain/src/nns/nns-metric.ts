import { SURVEY_GROUPS, SurveyGroup } from './nns-groups';

/**
 * A goal or mätpunkt measured by an NNS indicator names the indicator, the group and the question:
 * `nns:7:DELTAGARE_AVSLUT:6`. Its value is the positive share computed from that question's counts.
 */
export const NNS_METRIC = new RegExp(`^nns:(\\d{1,3}):(${SURVEY_GROUPS.join('|')}):(\\d{1,3})$`);

export interface NnsMetric {
  indicator: number;
  survey: SurveyGroup;
  question: number;
}

export function parseNnsMetric(metric: string | null | undefined): NnsMetric | null {
  const m = NNS_METRIC.exec(metric ?? '');
  return m ? { indicator: Number(m[1]), survey: m[2] as SurveyGroup, question: Number(m[3]) } : null;
}

export function nnsMetric(m: NnsMetric): string {
  return `nns:${m.indicator}:${m.survey}:${m.question}`;
}
