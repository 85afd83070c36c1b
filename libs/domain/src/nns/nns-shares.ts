import Decimal from 'decimal.js';
import { decimalString } from '../money/money';
import { AnswerOption, NnsCatalogue, SURVEY_GROUPS, SurveyGroup, scaleOf } from './nns-catalogue';
import { SurveyCounts } from './nns-counts';

/** Exact shares: 20 decimal places, far beyond what any count of people can distinguish. */
const SHARE_PLACES = 20;
export const DEFAULT_MIN_GROUP_SIZE = 5;

export interface IndicatorResult {
  indicator: number;
  survey: SurveyGroup;
  question: number;
  questionText: string;
  /** How many answered this question (the sum of its counts). */
  respondents: number;
  /** How many gave a positive answer (the catalogue's top steps of the answer's own scale). */
  positive: number;
  /** positive / respondents as an exact decimal string; null when the group is too small to report. */
  topShare: string | null;
  /** Whole percent, rounded half up from the exact share (5 of 6 is 83, never 17 + 67 = 84). */
  percent: number | null;
  /** True when fewer than the förbund's minimum answered: shown as too few, never as a share. */
  suppressed: boolean;
  distribution: Array<{ option: AnswerOption; count: number }>;
}

export interface CollectedResult {
  survey: SurveyGroup;
  asked: number;
  answered: number;
  /** answered / asked, exact; null when nobody was asked. */
  responseRate: string | null;
}

export interface NnsModel {
  year: number;
  catalogueKey: string;
  minGroupSize: number;
  collected: CollectedResult[];
  indicators: IndicatorResult[];
}

const groupOrder = (g: SurveyGroup) => SURVEY_GROUPS.indexOf(g);

/** The share of `part` in `whole` as an exact decimal string. */
export function exactShare(part: number, whole: number): string {
  return decimalString(new Decimal(part).div(whole), SHARE_PLACES);
}

/** Whole percent from counts, half up: computed from the counts, never from rounded parts. */
export function wholePercent(part: number, whole: number): number {
  return new Decimal(part).mul(100).div(whole).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

/**
 * One entry per catalogue question that measures an indicator and has counts, ordered by indicator, then
 * group (the contract's order), then question number.
 */
export function computeNns(
  year: number,
  counts: SurveyCounts,
  catalogue: NnsCatalogue,
  minGroupSize = DEFAULT_MIN_GROUP_SIZE,
): NnsModel {
  const positiveOf = (o: AnswerOption) => catalogue.scales[scaleOf(o)].positive.includes(o);
  const optionOrder = (o: AnswerOption) => catalogue.scales[scaleOf(o)].options.indexOf(o);
  const indicators: IndicatorResult[] = [];
  for (const r of counts.responses) {
    const q = catalogue.questions.find((x) => x.survey === r.survey && x.number === r.question);
    if (!q || q.indicator === null) continue;
    const entries = (Object.entries(r.counts) as Array<[AnswerOption, number]>).filter(([, n]) => n > 0);
    const respondents = entries.reduce((a, [, n]) => a + n, 0);
    const positive = entries.filter(([o]) => positiveOf(o)).reduce((a, [, n]) => a + n, 0);
    const suppressed = respondents < minGroupSize;
    indicators.push({
      indicator: q.indicator,
      survey: q.survey,
      question: q.number,
      questionText: q.text,
      respondents,
      positive,
      topShare: suppressed || respondents === 0 ? null : exactShare(positive, respondents),
      percent: suppressed || respondents === 0 ? null : wholePercent(positive, respondents),
      suppressed,
      distribution: suppressed
        ? []
        : entries
            .sort(([a], [b]) => scaleOf(a).localeCompare(scaleOf(b)) || optionOrder(a) - optionOrder(b))
            .map(([option, count]) => ({ option, count })),
    });
  }
  indicators.sort(
    (a, b) =>
      a.indicator - b.indicator || groupOrder(a.survey) - groupOrder(b.survey) || a.question - b.question,
  );
  const collected = (
    Object.entries(counts.collected ?? {}) as Array<[SurveyGroup, { asked: number; answered: number }]>
  )
    .map(([survey, v]) => ({
      survey,
      asked: v.asked,
      answered: v.answered,
      responseRate: v.asked > 0 ? exactShare(v.answered, v.asked) : null,
    }))
    .sort((a, b) => groupOrder(a.survey) - groupOrder(b.survey));
  return { year, catalogueKey: catalogue.catalogueKey, minGroupSize, collected, indicators };
}
