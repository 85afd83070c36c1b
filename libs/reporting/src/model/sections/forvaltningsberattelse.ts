import {
  CHOICE_LABEL,
  CHOICE_PHRASE,
  defaultSectionHeading,
  exemptedText,
  FOLLOW_UP_COVERAGE_LABEL,
  NO_FOLLOW_UPS_TEXT,
  parseNnsMetric,
  periodLabel,
  formatUtfall,
} from '@app/domain';
import { ReportModel, ReportRow, ReportSection, ReportTable } from '../report-model';
import { Figures, RATIOS } from '../figures';
import { BuildContext } from '../build-context';
import { financingPart, governancePart } from './forvaltning-parts';

/**
 * 1 Förvaltningsberättelse: the chapter (its opening text is placed by the report structure) and its parts
 * built from data: finansiering, 1.1 översikt (five years), 1.4 styrning (the board), 1.5 god ekonomisk
 * hushållning (the financial goals) and each insats's follow-up. The parts go to `ctx.parts` by catalogue id.
 */
export function forvaltningsberattelse(
  ctx: BuildContext,
  goals: ReportModel['financialGoals'],
  femArs: ReportTable,
): void {
  const { input, kind, coverage, parts } = ctx;
  const put = (s: ReportSection) => parts.set(s.id, s);
  const title = (id: string) => defaultSectionHeading(id, kind);
  // Every insats the period owes a follow-up: its summary, or that the follow-up is missing or exempted.
  const insatsText = coverage.map(({ followUp: f, insatsKey, insatsName, state, reason }) => {
    if (!f)
      return {
        id: `insats_${insatsKey}`,
        title: insatsName,
        text: state === 'UNDANTAGEN' ? exemptedText(reason ?? '') : FOLLOW_UP_COVERAGE_LABEL.SAKNAS,
      };
    const a = f.answers as Record<string, unknown>;
    const resultat = (Array.isArray(a.resultat) ? a.resultat : []) as Array<Record<string, string>>;
    const lines = resultat.map((r) => {
      const mp = f.matpunkter.find((m) => m.key === r.matpunkt);
      return `– ${mp?.text ?? r.matpunkt}: ${r.utfall ? `utfall ${formatUtfall(r.utfall, mp?.text)}, ` : ''}${CHOICE_PHRASE[r.bedomning] ?? r.bedomning}${r.kommentar ? ` (${r.kommentar})` : ''}`;
    });
    return {
      id: `insats_${f.insatsKey}`,
      title: f.insatsName,
      text: [String(a.verksamhet ?? ''), ...lines].filter(Boolean).join('\n'),
    };
  });
  const goalTable: ReportTable = {
    id: 'finansiella_mal',
    title: 'Finansiella mål',
    // The delårsrapport judges each goal on the forecast for the year, not on half a year's outcome.
    columns: [kind === 'DELARSRAPPORT' ? 'Helårsprognos' : 'Mätvärde', 'Bedömning'],
    rows: goals.map((g) => {
      const metric = input.financialGoals.find((x) => x.key === g.key)!.metric;
      return {
        id: g.key,
        label: g.text,
        values: [g.value, CHOICE_LABEL[g.status]],
        format: parseNnsMetric(metric) ? 'share' : RATIOS.has(metric as keyof Figures) ? 'percent' : 'amount',
      } as ReportRow;
    }),
  };
  // One row per insats: an approved follow-up, "Uppföljning saknas" or "Undantagen: <skäl>".
  const coverageTable: ReportTable = {
    id: 'insatsernas_uppfoljning',
    title: `Insatsernas uppföljning, ${periodLabel(ctx.period).toLowerCase()}`,
    columns: ['Uppföljning'],
    rows: coverage.map((c) => ({
      id: c.insatsKey,
      label: c.insatsName,
      values: [c.state === 'UNDANTAGEN' ? exemptedText(c.reason ?? '') : FOLLOW_UP_COVERAGE_LABEL[c.state]],
      format: 'text',
    })),
  };
  ctx.sections.push({ id: 'forvaltningsberattelse', title: title('forvaltningsberattelse'), tables: [] });
  put(financingPart(ctx));
  if (kind === 'ARSREDOVISNING')
    put({
      id: 'oversikt',
      title: title('oversikt'),
      tables: [femArs],
      charts: [
        {
          id: 'femarsutveckling',
          title: 'Intäkter, kostnader och resultat fem år',
          kind: 'bars',
          categories: femArs.columns,
          series: femArs.rows.slice(0, 3).map((r) => ({ name: r.label, values: r.values })),
        },
      ],
    });
  put(governancePart(ctx));
  put({ id: 'god_ekonomisk_hushallning', title: title('god_ekonomisk_hushallning'), tables: [goalTable] });
  put({
    id: 'maluppfoljning',
    title: title('maluppfoljning'),
    text: coverage.length ? undefined : NO_FOLLOW_UPS_TEXT,
    tables: coverage.length ? [coverageTable] : [],
    subsections: insatsText,
  });
}
