import { EntityManager } from 'typeorm';
import { computeNns, type AccountRange } from '@app/domain';
import type { PeriodLedger, ReportInput, ReportKind } from '@app/reporting';
import { LedgerReader, readBudgets, readForecasts, readNationalYear, readSurveyYear } from '@app/infra';

import { readReportCoverage, withCoverage } from './report-coverage.store';

const obj = (m: Map<string, string>) => Object.fromEntries(m);

export class ReportDataMissing extends Error {}

/** Collects everything a report needs from the database; the model itself is computed elsewhere, purely. */
export async function gatherReportInput(
  em: Pick<EntityManager, 'query'>,
  organisationId: string,
  kind: ReportKind,
  year: number,
): Promise<ReportInput> {
  const reader = new LedgerReader(em);
  const q = (sql: string, p: unknown[]) => em.query(sql, p);
  const [org] = await q(
    'SELECT slug, name, reporting_unit, vision, account_mapping FROM organisation WHERE id = $1',
    [organisationId],
  );
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

  let current: PeriodLedger;
  let previous: PeriodLedger | null;
  let previousYearEnd: PeriodLedger | null = null;
  if (kind === 'ARSREDOVISNING') {
    current = await periodOf(imp.id, imp.start, imp.end);
    previous = await yearOf(year - 1);
  } else {
    const end = `${year}-06-30`;
    current = await periodOf(imp.id, imp.start, end);
    const last = await reader.activeImport(organisationId, year - 1);
    previous = last ? await periodOf(last.id, last.start, `${year - 1}-06-30`) : null;
    previousYearEnd = await yearOf(year - 1);
  }

  const costCentres = await q(
    'SELECT code, name, category FROM cost_centre WHERE organisation_id = $1 ORDER BY code',
    [organisationId],
  );
  const funding = await q(
    'SELECT f.year, f.party_key AS party, p.name AS "partyName", f.amount::text AS amount FROM funding f JOIN party p ON p.organisation_id = f.organisation_id AND p.key = f.party_key WHERE f.organisation_id = $1',
    [organisationId],
  );
  const budgets = await readBudgets(em, organisationId);
  const forecasts = await readForecasts(em, organisationId);
  const goals = await q(
    'SELECT key, text, metric, op, value::text AS value FROM financial_goal WHERE organisation_id = $1 AND year = $2 ORDER BY key',
    [organisationId, year],
  );
  const history = await q('SELECT year, figures FROM historical_key_figure WHERE organisation_id = $1', [
    organisationId,
  ]);
  const insatser = await q(
    `SELECT i.key, i.name, i.cost_centre_code AS "costCentre", COALESCE(jsonb_object_agg(b.year::text, b.amount::text) FILTER (WHERE b.year IS NOT NULL), '{}'::jsonb) AS budgets
       FROM insats i LEFT JOIN insats_budget b ON b.insats_id = i.id WHERE i.organisation_id = $1 GROUP BY i.id ORDER BY i.key`,
    [organisationId],
  );
  const followUps = await q(
    `SELECT i.key AS "insatsKey", i.name AS "insatsName", i.type AS "insatsType", i.cost_centre_code AS "costCentre", s.period, s.content_hash AS "contentHash", s.answers,
            COALESCE((SELECT jsonb_agg(jsonb_build_object('key', m.key, 'text', m.text, 'metric', m.metric) ORDER BY m.position) FROM matpunkt m WHERE m.insats_id = i.id AND m.year = $2), '[]'::jsonb) AS matpunkter,
            COALESCE((SELECT jsonb_agg(jsonb_build_object('fileId', f.id, 'name', f.original_name, 'contentType', f.content_type, 'sha256', f.sha256) ORDER BY b.ord)
                FROM jsonb_array_elements(CASE WHEN jsonb_typeof(s.answers->'bilagor') = 'array' THEN s.answers->'bilagor' ELSE '[]'::jsonb END) WITH ORDINALITY b(v, ord)
                JOIN stored_file f ON f.id::text = COALESCE(b.v->>'fileId', b.v #>> '{}') AND f.organisation_id = s.organisation_id), '[]'::jsonb) AS attachments
       FROM submission s JOIN insats i ON i.id = s.insats_id
      WHERE s.organisation_id = $1 AND s.status = 'APPROVED' AND s.period IN ($3, $4) ORDER BY i.key`,
    [organisationId, year, `DELAR-${year}`, `HELAR-${year}`],
  );
  const board = await q(
    `SELECT p.name, r.role, r.title, pa.name AS party FROM role_assignment r JOIN person p ON p.id = r.person_id
       LEFT JOIN party pa ON pa.organisation_id = r.organisation_id AND pa.key = r.party_key
      WHERE r.organisation_id = $1 AND r.role IN ('STYRELSELEDAMOT','REVISOR')
      ORDER BY r.role DESC, (r.title = 'ORDFORANDE') DESC NULLS LAST, (r.title = 'VICE_ORDFORANDE') DESC NULLS LAST, p.name`,
    [organisationId],
  );
  const imports = await q(
    `SELECT year, version, transactions, jsonb_array_length(warnings) AS warnings FROM sie_import WHERE organisation_id = $1 AND active AND year IN ($2, $3) ORDER BY year`,
    [organisationId, year, year - 1],
  );

  const [texts] = await q(
    'SELECT texts FROM report_text WHERE organisation_id = $1 AND kind = $2 AND year = $3',
    [organisationId, kind, year],
  );

  // NNS indikatorenkät: the year's counts (imported and answered in the platform), for the annex and goals.
  const survey = kind === 'ARSREDOVISNING' ? await readSurveyYear(em, organisationId, year) : null;
  const national = survey ? await readNationalYear(em, year) : null;
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

  // Every insats the period owes a follow-up: its dates and exemptions; each follow-up's own template version.
  withCoverage(await readReportCoverage(em, organisationId, year), insatser, followUps);

  return {
    kind,
    year,
    organisation: { slug: org.slug, name: org.name, unit: org.reporting_unit, vision: org.vision },
    accountMapping: (org.account_mapping ?? []) as AccountRange[],
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
    imports,
    texts: (texts?.texts ?? {}) as Record<string, string>,
    nns,
  };
}
