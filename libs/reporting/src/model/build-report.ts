import { reportTitle } from '@app/domain';
import { bilagor } from './bilagor';
import { createBuildContext } from './build-context';
import { crossChecks } from './checks';
import { keyFigures } from './figures';
import { ReportInput } from './report-input';
import { ReportModel } from './report-model';
import { balanceSheet } from './sections/balance-sheet';
import { budgetprognos } from './sections/budgetprognos';
import { cashFlow } from './sections/cash-flow';
import { driftredovisning } from './sections/driftredovisning';
import { fiveYearTable } from './sections/five-year';
import { forvaltningsberattelse } from './sections/forvaltningsberattelse';
import { financialGoals } from './sections/goals';
import { incomeStatement } from './sections/income-statement';
import { noter } from './sections/noter';
import { nnsAnnex } from './sections/nns-annex';
import { arrangeSections } from './structure';
import { styrelse } from './sections/styrelse';
import { underskrifter } from './sections/underskrifter';

export { computeFigures } from './figures';
export type { Figures } from './figures';

/**
 * Builds the whole report model from its input. Pure: the same input gives the same model.
 * Each section lives in sections/, the checks in checks.ts, the bilagor in bilagor.ts; they share a BuildContext.
 */
export function buildReport(input: ReportInput): ReportModel {
  const ctx = createBuildContext(input);
  const { kind, cur, prev, sections, tables } = ctx;
  const goals = financialGoals(ctx);
  const femArs = fiveYearTable(ctx);
  forvaltningsberattelse(ctx, goals, femArs);
  styrelse(ctx);
  const rr = incomeStatement(ctx);
  const br = balanceSheet(ctx);
  const kf = cashFlow(ctx);
  sections.push(
    { id: 'resultatrakning', title: 'Resultaträkning', tables: [rr] },
    { id: 'balansrakning', title: 'Balansräkning', tables: [br] },
  );
  if (kind === 'ARSREDOVISNING')
    sections.push({ id: 'kassaflodesanalys', title: 'Kassaflödesanalys', tables: [kf] });
  tables.push(femArs, rr, br, kf);

  const driftNet = driftredovisning(ctx);
  noter(ctx);
  budgetprognos(ctx);
  underskrifter(ctx);
  // NNS indikatorenkät: the annex, the model's nns and the checks that a printed share is the annex's.
  const annex = kind === 'ARSREDOVISNING' ? nnsAnnex(input) : { section: null, model: null, checks: [] };
  if (annex.section) sections.push(annex.section);
  ctx.checks.push(...annex.checks);
  crossChecks(ctx, kf, driftNet);

  return {
    kind,
    title: reportTitle(ctx.kind, ctx.year, ctx.input.current.end),
    organisation: { slug: ctx.input.organisation.slug, name: input.organisation.name },
    period: { start: ctx.input.current.start, end: ctx.input.current.end },
    unit: ctx.unit,
    keyFigures: { current: keyFigures(cur), previous: keyFigures(prev) },
    // The förbund's chosen sections, order and headings (the seeds' structure by default).
    sections: arrangeSections(ctx),
    structureVersion: input.structure?.version ?? null,
    financialGoals: goals,
    ...(annex.model ? { nns: annex.model } : {}),
    checks: ctx.checks,
    followUpCoverage: ctx.coverage.map(({ followUp: _f, ...c }) => c),
    bilagor: bilagor(ctx),
  };
}
