import {
  computeNns,
  computePlanBudget,
  delarPeriodEnd,
  reportSettingsSchema,
  plannedDecisionDateFor,
  resolveReportSettings,
  validatePlan,
} from '@app/domain';
import type { PeriodLedger, ReportInput, ReportKind } from '@app/reporting';
import {
  currentReportStructure,
  LedgerReader,
  planReader,
  readBudgets,
  readForecasts,
  readNationalYear,
  readSurveyYear,
  Tx,
} from '@app/infra';
import {
  approvedFollowUps,
  reportBoard,
  reportCostCentres,
  reportFinancialGoals,
  reportFunding,
  reportHistory,
  reportImports,
  reportInsatser,
  reportSigners,
  reportOrganisation,
  reportTexts,
} from './report-input.store';

import { readReportCoverage, withCoverage } from './report-coverage.store';

const obj = (m: Map<string, string>) => Object.fromEntries(m);

export class ReportDataMissing extends Error {}

/** Collects everything a report needs from the database; the model itself is computed elsewhere, purely. */
export async function gatherReportInput(
  tx: Tx,
  organisationId: string,
  kind: ReportKind,
  year: number,
): Promise<ReportInput> {
  const reader = new LedgerReader(tx);
  const org = await reportOrganisation(tx, organisationId);
  if (!org) throw new Error(`organisation ${organisationId} not found`);
  const imp = await reader.activeImport(organisationId, year);
  if (!imp) throw new ReportDataMissing(`Huvudboken för ${year} är inte inläst; läs in SIE-filen först.`);

  const periodOf = async (importId: string, start: string, end: string): Promise<PeriodLedger> => {
    const p = await reader.periodLedger(importId, start, end);
    return {
      start,
      end,
      ib: obj(p.ib),
      ub: obj(p.ub),
      res: obj(p.res),
      costCentres: obj(p.costCentres),
      costCentreAccounts: Object.fromEntries([...p.costCentreAccounts].map(([c, m]) => [c, obj(m)])),
      accountNames: obj(p.names),
    };
  };
  const yearOf = async (y: number): Promise<PeriodLedger | null> => {
    const own = await reader.activeImport(organisationId, y);
    if (own) return periodOf(own.id, own.start, own.end);
    const fb = await reader.yearBalances(organisationId, y);
    if (!fb) return null;
    return {
      start: fb.start,
      end: fb.end,
      ib: obj(fb.ib),
      ub: obj(fb.ub),
      res: obj(fb.res),
      costCentres: {},
      accountNames: obj(fb.accountNames),
    };
  };

  const settings = resolveReportSettings(org.settings);
  const ownSettings = reportSettingsSchema.safeParse(org.settings ?? {});
  let current: PeriodLedger;
  let previous: PeriodLedger | null;
  let previousYearEnd: PeriodLedger | null = null;
  if (kind === 'ARSREDOVISNING') {
    current = await periodOf(imp.id, imp.start, imp.end);
    previous = await yearOf(year - 1);
  } else {
    // The delårsrapport's period ends where the förbund decided (30 June or 31 August), compared with the
    // same period last year.
    const end = delarPeriodEnd(year, settings);
    current = await periodOf(imp.id, imp.start, end);
    const last = await reader.activeImport(organisationId, year - 1);
    previous = last ? await periodOf(last.id, last.start, delarPeriodEnd(year - 1, settings)) : null;
    previousYearEnd = await yearOf(year - 1);
  }

  const costCentres = await reportCostCentres(tx, organisationId);
  const funding = await reportFunding(tx, organisationId);
  const budgets = await readBudgets(tx, organisationId);
  const forecasts = await readForecasts(tx, organisationId);
  const goals = await reportFinancialGoals(tx, organisationId, year);
  const history = await reportHistory(tx, organisationId);
  const insatser = await reportInsatser(tx, organisationId);
  const followUps = await approvedFollowUps(tx, organisationId, year);
  const board = await reportBoard(tx, organisationId, year);
  const signers =
    kind === 'ARSREDOVISNING'
      ? await reportSigners(tx, organisationId, kind, year, plannedDecisionDateFor(settings, year))
      : null;
  const imports = await reportImports(tx, organisationId, year);
  const texts = await reportTexts(tx, organisationId, kind, year);
  // The förbund's report structure in force (its sections, order and headings); none: the seeds' default.
  const structure = await currentReportStructure(tx, organisationId, kind);

  // NNS indikatorenkät: the year's counts (imported and answered in the platform), for the annex and goals.
  const survey = kind === 'ARSREDOVISNING' ? await readSurveyYear(tx, organisationId, year) : null;
  const national = survey ? await readNationalYear(tx, year) : null;
  const nns =
    survey?.catalogue && (survey.imported || survey.platformAnswers)
      ? {
          model: computeNns(year, survey.counts, survey.catalogue.data, survey.minGroupSize),
          source: (survey.imported
            ? survey.platformAnswers
              ? 'IMPORT_AND_PLATFORM'
              : 'IMPORT'
            : 'PLATFORM') as 'IMPORT' | 'PLATFORM' | 'IMPORT_AND_PLATFORM',
          selected: survey.annexIndicators,
          national:
            national?.catalogue && national.organisations > 0
              ? {
                  organisations: national.organisations,
                  model: computeNns(year, national.counts, national.catalogue.data),
                }
              : null,
        }
      : null;

  // The budgetprognos: the next year's decided verksamhetsplan, its three years by the plan's own rule.
  const planRow = kind === 'ARSREDOVISNING' ? await planReader.decided(tx, organisationId, year + 1) : null;
  const plan = planRow ? validatePlan(planRow.data) : null;
  const nextPlan =
    planRow && plan?.ok
      ? {
          year: planRow.year,
          decidedAt: planRow.decidedAt,
          budget: computePlanBudget(plan.plan, await planReader.parties(tx, organisationId)),
        }
      : null;

  // Every insats the period owes a follow-up: its dates and exemptions; each follow-up's own template version.
  withCoverage(await readReportCoverage(tx, organisationId, year), insatser, followUps);

  return {
    kind,
    year,
    organisation: {
      slug: org.slug,
      name: org.name,
      unit: org.unit,
      vision: org.vision,
      settings: ownSettings.success ? ownSettings.data : null,
    },
    accountMapping: org.accountMapping ?? [],
    current,
    previous,
    previousYearEnd,
    costCentres,
    funding,
    budgets,
    forecasts,
    financialGoals: goals,
    history,
    insatser,
    followUps,
    board,
    signers,
    imports,
    texts,
    structure: structure ? { version: structure.version, entries: structure.entries } : null,
    nns,
    nextPlan,
  };
}
