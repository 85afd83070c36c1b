import Decimal from 'decimal.js';
import {
  ANSWER_OPTION_LABEL,
  NnsModel,
  NNS_SOURCE_PHRASE,
  parseNnsMetric,
  SURVEY_GROUP_LABEL,
  SURVEY_GROUP_SHORT_LABEL,
  wholePercent,
  type IndicatorResult,
} from '@app/domain';
import type { ReportInput } from '../report-input';
import type { ReportCheck, ReportChart, ReportSection, ReportTable } from '../report-model';

/** The model's `nns` (CONTRACT.md §6): one entry per indicator question with counts, shares exact. */
export interface NnsReportModel {
  year: number;
  indicators: Array<{
    indicator: number;
    survey: string;
    question: number;
    questionText: string;
    respondents: number;
    positive: number;
    topShare: string | null;
    percent: number | null;
    suppressed: boolean;
  }>;
}

const pct = (part: number, whole: number) => `${wholePercent(part, whole)}\u00a0%`;
const groupWord = (s: string) => SURVEY_GROUP_LABEL[s as keyof typeof SURVEY_GROUP_LABEL]?.toLowerCase() ?? s;

/** The share an NNS metric ("nns:7:DELTAGARE_AVSLUT:6") gives, or null when it has no reportable counts. */
export function nnsShare(nns: NnsModel | null | undefined, metric: string): IndicatorResult | null {
  const m = parseNnsMetric(metric);
  if (!m || !nns) return null;
  return (
    nns.indicators.find(
      (i) => i.indicator === m.indicator && i.survey === m.survey && i.question === m.question,
    ) ?? null
  );
}

function questionTable(
  i: IndicatorResult,
  national: IndicatorResult | null,
  organisations: number,
): ReportTable {
  const rows: ReportTable['rows'] = i.suppressed
    ? [
        { id: 'svarande', label: 'Svarande', values: [String(i.respondents)], format: 'integer' },
        { id: 'for_fa', label: 'För få svar för att redovisas', values: ['–'], format: 'text' },
      ]
    : [
        ...i.distribution.map((d) => ({
          id: d.option,
          label: ANSWER_OPTION_LABEL[d.option],
          values: [String(d.count)],
          format: 'integer' as const,
        })),
        {
          id: 'svarande',
          label: 'Svarande',
          values: [String(i.respondents)],
          format: 'integer',
          total: true,
        },
        { id: 'andel_positiva', label: 'Andel positiva svar', values: [i.topShare], format: 'share' },
        ...(national && national.topShare !== null
          ? [
              {
                id: 'andel_positiva_nationellt',
                label: `Andel positiva svar, nationellt (${organisations} förbund, ${national.respondents} svar)`,
                values: [national.topShare],
                format: 'share' as const,
              },
            ]
          : []),
      ];
  return {
    id: `nns_${i.indicator}_${i.survey}_${i.question}`,
    title: `Indikator ${i.indicator}, ${groupWord(i.survey)}: ${i.questionText}`,
    columns: ['Antal'],
    rows,
  };
}

/**
 * The årsredovisning's annex of NNS indicators: how the answers were collected, each selected question's
 * distribution and positive share (from counts), and a chart of the shares. Also the model's `nns`, the
 * values of goals measured by an indicator, and the checks that a printed share equals the annex's.
 */
export function nnsAnnex(input: ReportInput): {
  section: ReportSection | null;
  model: NnsReportModel | null;
  checks: ReportCheck[];
} {
  const nns = input.nns?.model;
  if (!nns || !nns.indicators.length) return { section: null, model: null, checks: [] };
  const selected = input.nns?.selected?.length
    ? nns.indicators.filter((i) => input.nns!.selected!.includes(i.indicator))
    : nns.indicators;
  const collected = nns.collected
    .map(
      (c) =>
        `${SURVEY_GROUP_LABEL[c.survey]}: ${c.answered} av ${c.asked} svarade${c.asked ? ` (${pct(c.answered, c.asked)})` : ''}`,
    )
    .join('; ');
  const shown = selected.filter((i) => !i.suppressed && i.topShare !== null);
  const chart: ReportChart = {
    id: 'nns_andelar',
    title: 'Andel positiva svar per indikatorfråga',
    kind: 'bars',
    format: 'percent',
    categories: shown.map((i) => `Ind. ${i.indicator} ${SURVEY_GROUP_SHORT_LABEL[i.survey]}`),
    series: [{ name: 'Andel positiva svar', values: shown.map((i) => i.topShare) }],
  };
  const section: ReportSection = {
    id: 'nns_indikatorer',
    title: `Indikatorer ur NNS indikatorenkät ${nns.year}`,
    text: [
      `Förbundet mäter sitt arbete med den nationella indikatorenkäten (NNS). Underlaget är ${NNS_SOURCE_PHRASE[input.nns?.source ?? 'IMPORT']}.`,
      collected ? `Tillfrågade och svarande: ${collected}.` : '',
      input.nns?.national
        ? `Bredvid förbundets egna andelar står den nationella bilden: svaren från de ${input.nns.national.organisations} förbund som valt att bidra, summerade.`
        : '',
      `Andelen positiva svar (till stor del, till mycket stor del eller helt och hållet; för frekvensfrågor ofta eller alltid) räknas ur antalen svar, aldrig genom att lägga ihop avrundade procent. Grupper med färre än ${nns.minGroupSize} svar redovisas inte, för att skydda dem som svarat.`,
    ]
      .filter(Boolean)
      .join('\n'),
    tables: selected.map((i) =>
      questionTable(
        i,
        input.nns?.national
          ? (input.nns.national.model.indicators.find(
              (n) => n.indicator === i.indicator && n.survey === i.survey && n.question === i.question,
            ) ?? null)
          : null,
        input.nns?.national?.organisations ?? 0,
      ),
    ),
    charts: shown.length ? [chart] : [],
  };
  const checks: ReportCheck[] = [];
  // A mätpunkt measured by an indicator: the share the follow-up reports must be the annex's.
  for (const f of input.followUps) {
    const resultat = ((f.answers as Record<string, unknown>).resultat ?? []) as Array<Record<string, string>>;
    for (const mp of f.matpunkter) {
      const share = nnsShare(nns, mp.metric ?? '');
      if (!parseNnsMetric(mp.metric ?? '')) continue;
      const reported = resultat.find((r) => r.matpunkt === mp.key)?.utfall;
      const id = `nns_matpunkt_${f.insatsKey}_${mp.key}`;
      if (!share || share.topShare === null)
        checks.push({
          id,
          status: 'FAIL',
          message: `${f.insatsName}, ${mp.text}: indikatorn har inga redovisningsbara svar ${nns.year}.`,
        });
      else if (reported === undefined || reported === '') continue;
      else {
        const same = new Decimal(reported)
          .toDecimalPlaces(2)
          .equals(new Decimal(share.topShare).toDecimalPlaces(2));
        const annex = pct(share.positive, share.respondents);
        checks.push({
          id,
          status: same ? 'PASS' : 'FAIL',
          message: same
            ? `${f.insatsName}, ${mp.text}: uppföljningens ${annex} är bilagans andel för indikator ${share.indicator}.`
            : `${f.insatsName}, ${mp.text}: uppföljningen anger ${new Decimal(reported).times(100).toDecimalPlaces(0).toString()}\u00a0%, men bilagans svar för indikator ${share.indicator} ger ${annex} (${share.positive} av ${share.respondents}).`,
        });
      }
    }
  }
  // A financial goal measured by an indicator takes its share from the same counts; it must be in the annex.
  for (const g of input.financialGoals) {
    const m = parseNnsMetric(g.metric);
    if (!m) continue;
    const inAnnex = selected.some(
      (i) => i.indicator === m.indicator && i.survey === m.survey && i.question === m.question,
    );
    checks.push({
      id: `nns_mal_${g.key}`,
      status: inAnnex ? 'PASS' : 'FAIL',
      message: inAnnex
        ? `Målet "${g.text}" mäts med indikator ${m.indicator}, som redovisas i bilagan med samma svar.`
        : `Målet "${g.text}" mäts med indikator ${m.indicator} (${groupWord(m.survey)}, fråga ${m.question}), men den redovisas inte i bilagan.`,
    });
  }
  return {
    section,
    model: {
      year: nns.year,
      indicators: nns.indicators.map((i) => ({
        indicator: i.indicator,
        survey: i.survey,
        question: i.question,
        questionText: i.questionText,
        respondents: i.respondents,
        positive: i.positive,
        topShare: i.topShare,
        percent: i.percent,
        suppressed: i.suppressed,
      })),
    },
    checks,
  };
}
