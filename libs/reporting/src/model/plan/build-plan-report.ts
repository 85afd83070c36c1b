import {
  formatAmount,
  goalLevel,
  Money,
  Plan,
  PLAN_TEXT_KEYS,
  PlanBudget,
  PlanCheck,
  PlanStatus,
  REPORT_KIND_LABEL,
  reportTitle,
} from '@app/domain';
import type { ReportModel, ReportRow, ReportSection, ReportTable } from '../report-model';

/** Everything the verksamhetsplan's document is made from; gathered by the worker, the model is pure over it. */
export interface PlanReportInput {
  year: number;
  organisation: { slug: string; name: string; vision: string | null };
  status: PlanStatus;
  decidedAt: string | null;
  plan: Plan;
  budget: PlanBudget;
  checks: PlanCheck[];
  costCentres: Array<{ code: string; name: string }>;
  insatser: Array<{ key: string; name: string }>;
}

const text = (p: Plan, key: keyof typeof PLAN_TEXT_KEYS) => p.texts[key]?.trim() || undefined;
const amountRow = (
  id: string,
  label: string,
  values: string[],
  extra: Partial<ReportRow> = {},
): ReportRow => ({
  id,
  label,
  values,
  ...extra,
});

/** The budget table of CONTRACT.md §7: financing, buffer, one row per cost centre, costs and what is unbudgeted. */
function budgetTable(input: PlanReportInput): ReportTable {
  const ys = input.budget.years;
  const name = new Map(input.costCentres.map((c) => [c.code, c.name]));
  const codes = Object.keys(input.plan.lines).sort();
  return {
    id: 'budget',
    title: `Budget ${ys[0].year} och prognos ${ys[1].year}–${ys[2].year}`,
    columns: ys.map((y) => String(y.year)),
    rows: [
      amountRow(
        'fromParties',
        'Medel från parterna',
        ys.map((y) => y.fromParties),
      ),
      amountRow(
        'fromEquity',
        'Överfört eget kapital',
        ys.map((y) => y.fromEquity),
      ),
      amountRow(
        'esf',
        'ESF och andra intäkter',
        ys.map((y) => y.esf),
      ),
      amountRow(
        'summaBudget',
        'Summa budget',
        ys.map((y) => y.summaBudget),
        { total: true },
      ),
      amountRow(
        'buffer',
        'Buffert (likviditet)',
        ys.map((y) => y.buffer),
      ),
      amountRow(
        'totalt',
        'Totalt',
        ys.map((y) => y.totalt),
        { total: true },
      ),
      ...codes.map((c) =>
        amountRow(
          c,
          `${c} ${name.get(c) ?? ''}`.trim(),
          ys.map((y) => y.lines[c] ?? '0'),
          { level: 1 },
        ),
      ),
      amountRow(
        'summaKostnader',
        'Summa budgeterade kostnader',
        ys.map((y) => y.summaKostnader),
        { total: true },
      ),
      amountRow(
        'ejBudgeterat',
        'Ej budgeterat',
        ys.map((y) => y.ejBudgeterat),
        { total: true },
      ),
    ],
  };
}

function allocationTable(input: PlanReportInput): ReportTable {
  return {
    id: 'medelstilldelning',
    title: `Medelstilldelning ${input.year}`,
    columns: ['Belopp'],
    rows: [
      ...input.budget.allocation.map((a) => amountRow(a.party, a.name, [a.amount])),
      amountRow('total', 'Summa medelstilldelning', [input.budget.allocationTotal], { total: true }),
    ],
  };
}

function goalsTable(input: PlanReportInput): ReportTable {
  return {
    id: 'finansiella_mal',
    title: 'Finansiella mål',
    columns: ['Nivå'],
    rows: input.plan.financialGoals.map((g) => ({
      id: g.key,
      label: g.text,
      values: [goalLevel(g.metric, g.op, g.value)],
      format: 'text',
    })),
  };
}

/**
 * The verksamhetsplan och budget as a document in the seeds' structure: inledning, organisation, uppdrag och
 * mål, målområden (with the insatser's mätpunkter), uppföljning, utvecklingsarbete, and the budget with the
 * medelstilldelning and the three-year table. Until the styrelse has decided it, the document is a draft.
 */
export function buildPlanReport(input: PlanReportInput): ReportModel {
  const p = input.plan;
  const insatsName = new Map(input.insatser.map((i) => [i.key, i.name]));
  const sections: ReportSection[] = [
    {
      id: 'inledning',
      title: 'Inledning',
      text:
        text(p, 'inledning') ??
        `${REPORT_KIND_LABEL.VERKSAMHETSPLAN} för ${input.organisation.name} ${input.year}.`,
      tables: [],
    },
    { id: 'organisation', title: 'Organisation', text: text(p, 'organisation'), tables: [] },
    {
      id: 'uppdrag',
      title: 'Uppdrag och mål',
      text: [
        input.organisation.vision ? `Vision: ${input.organisation.vision}` : '',
        text(p, 'uppdrag') ?? '',
      ]
        .filter(Boolean)
        .join('\n'),
      tables: p.financialGoals.length ? [goalsTable(input)] : [],
    },
    {
      id: 'malomraden',
      title: 'Målområden',
      tables: [],
      subsections: [
        ...p.malomraden.map((m) => ({ id: `malomrade_${m.key}`, title: m.title, text: m.text ?? '' })),
        ...p.insatser
          .filter((i) => i.matpunkter.length)
          .map((i) => ({
            id: `insats_${i.key}`,
            title: `Mätpunkter: ${insatsName.get(i.key) ?? i.key}`,
            text: i.matpunkter.map((m) => `– ${m.text}`).join('\n'),
          })),
      ],
    },
    { id: 'uppfoljning', title: 'Uppföljning', text: text(p, 'uppfoljning'), tables: [] },
    { id: 'utvecklingsarbete', title: 'Utvecklingsarbete', text: text(p, 'utvecklingsarbete'), tables: [] },
    {
      id: 'budget',
      title: 'Budget',
      text: `Staten bidrar med hälften av medlen via Försäkringskassan, regionen med en fjärdedel och kommunerna tillsammans med en fjärdedel enligt sin fördelningsnyckel. För prognosåren förs föregående års ej budgeterade medel över som eget kapital. En buffert på ${formatAmount(new Money(p.buffer), 'kr')} kr hålls utanför budgeten.`,
      tables: [allocationTable(input), budgetTable(input)],
    },
  ];
  return {
    kind: 'VERKSAMHETSPLAN',
    title: reportTitle('VERKSAMHETSPLAN', input.year),
    organisation: { slug: input.organisation.slug, name: input.organisation.name },
    period: { start: `${input.year}-01-01`, end: `${input.year}-12-31` },
    unit: 'kr',
    keyFigures: { current: {}, previous: {} },
    sections,
    financialGoals: [],
    checks: input.checks,
    bilagor: [],
    draft: input.status !== PlanStatus.DECIDED,
    ...(input.decidedAt ? { decidedAt: input.decidedAt } : {}),
  };
}
