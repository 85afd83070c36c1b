import {
  type AccountRange,
  compareMandates,
  mandateCovers,
  mandateInYear,
  type ReportingUnit,
  signersDay,
  swedishDate,
} from '@app/domain';
import type { ReportInput, ReportKind } from '@app/reporting';
import { boardMandates, Tx } from '@app/infra';

/**
 * The reads a report's input is gathered from (beside the ledger, budget, plan and survey readers in
 * `libs/infra`): the transaction handle first, typed rows out, all of this feature's SQL in one place.
 */

export interface ReportOrganisationRow {
  slug: string;
  name: string;
  unit: ReportingUnit;
  vision: string | null;
  accountMapping: AccountRange[] | null;
  /** The förbund's report choices (delår end, deviation sign, driftredovisning columns). */
  settings: Record<string, unknown> | null;
}

export async function reportOrganisation(
  tx: Tx,
  organisationId: string,
): Promise<ReportOrganisationRow | null> {
  const [org] = await tx.query(
    `SELECT slug, name, reporting_unit AS unit, vision, account_mapping AS "accountMapping", report_settings AS settings
       FROM organisation WHERE id = $1`,
    [organisationId],
  );
  return org ?? null;
}

/** The förbund's logo (its stored file), or null when it has none. */
export async function organisationLogo(
  tx: Tx,
  organisationId: string,
): Promise<{ sha256: string; contentType: string } | null> {
  const [row] = await tx.query(
    `SELECT f.sha256, f.content_type AS "contentType" FROM organisation o JOIN stored_file f ON f.id = o.logo_file_id
      WHERE o.id = $1 AND f.organisation_id = o.id`,
    [organisationId],
  );
  return row ?? null;
}

export function reportCostCentres(tx: Tx, organisationId: string): Promise<ReportInput['costCentres']> {
  return tx.query(
    'SELECT code, name, category, split FROM cost_centre WHERE organisation_id = $1 ORDER BY code',
    [organisationId],
  );
}

export function reportFunding(tx: Tx, organisationId: string): Promise<ReportInput['funding']> {
  return tx.query(
    'SELECT f.year, f.party_key AS party, p.name AS "partyName", f.amount::text AS amount FROM funding f JOIN party p ON p.organisation_id = f.organisation_id AND p.key = f.party_key WHERE f.organisation_id = $1',
    [organisationId],
  );
}

export function reportFinancialGoals(
  tx: Tx,
  organisationId: string,
  year: number,
): Promise<ReportInput['financialGoals']> {
  return tx.query(
    'SELECT key, text, metric, op, value::text AS value FROM financial_goal WHERE organisation_id = $1 AND year = $2 ORDER BY key',
    [organisationId, year],
  );
}

export function reportHistory(tx: Tx, organisationId: string): Promise<ReportInput['history']> {
  return tx.query('SELECT year, figures FROM historical_key_figure WHERE organisation_id = $1', [
    organisationId,
  ]);
}

export function reportInsatser(tx: Tx, organisationId: string): Promise<ReportInput['insatser']> {
  return tx.query(
    `SELECT i.key, i.name, i.cost_centre_code AS "costCentre", COALESCE(jsonb_object_agg(b.year::text, b.amount::text) FILTER (WHERE b.year IS NOT NULL), '{}'::jsonb) AS budgets
       FROM insats i LEFT JOIN insats_budget b ON b.insats_id = i.id WHERE i.organisation_id = $1 GROUP BY i.id ORDER BY i.key`,
    [organisationId],
  );
}

/** The year's approved follow-ups (delår and helår) with their mätpunkter and uploaded bilagor. */
export function approvedFollowUps(
  tx: Tx,
  organisationId: string,
  year: number,
): Promise<ReportInput['followUps']> {
  return tx.query(
    `SELECT i.key AS "insatsKey", i.name AS "insatsName", i.type AS "insatsType", i.cost_centre_code AS "costCentre", s.period, s.content_hash AS "contentHash", s.answers,
            COALESCE((SELECT jsonb_agg(jsonb_build_object('key', m.key, 'text', m.text, 'metric', m.metric) ORDER BY m.position) FROM matpunkt m WHERE m.insats_id = i.id AND m.year = $2), '[]'::jsonb) AS matpunkter,
            COALESCE((SELECT jsonb_agg(jsonb_build_object('fileId', f.id, 'name', f.original_name, 'contentType', f.content_type, 'sha256', f.sha256) ORDER BY b.ord)
                FROM jsonb_array_elements(CASE WHEN jsonb_typeof(s.answers->'bilagor') = 'array' THEN s.answers->'bilagor' ELSE '[]'::jsonb END) WITH ORDINALITY b(v, ord)
                JOIN stored_file f ON f.id::text = COALESCE(b.v->>'fileId', b.v #>> '{}') AND f.organisation_id = s.organisation_id), '[]'::jsonb) AS attachments,
            COALESCE((SELECT jsonb_agg(jsonb_build_object('name', p.name, 'at', to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')) ORDER BY a.step, a.created_at)
                FROM submission_approval a JOIN person p ON p.id = a.person_id
               WHERE a.submission_id = s.id AND a.round = s.round), '[]'::jsonb) AS approvals
       FROM submission s JOIN insats i ON i.id = s.insats_id
      WHERE s.organisation_id = $1 AND s.status = 'APPROVED' AND s.period IN ($3, $4) ORDER BY i.key`,
    [organisationId, year, `DELAR-${year}`, `HELAR-${year}`],
  );
}

/**
 * The styrelse and the revisorer as they were in the report's year (issue 18.2): every mandate that ran some day of
 * it, with the appointing party's name, in board order (ordförande, vice ordförande, ledamöter, ersättare, revisorer).
 */
export async function reportBoard(
  tx: Tx,
  organisationId: string,
  year: number,
): Promise<ReportInput['board']> {
  const mandates = await boardMandates(tx, organisationId);
  return mandates
    .filter((m) => mandateInYear(m, year))
    .sort(compareMandates)
    .map(asReportBoard);
}

/** A mandate as the report input carries it: the appointing party by name where it has one. */
function asReportBoard(m: Awaited<ReturnType<typeof boardMandates>>[number]): ReportInput['board'][number] {
  return {
    personId: m.personId,
    name: m.name,
    role: m.role,
    title: m.title,
    party: m.partyName ?? (m.appointedBy ? m.appointedBy : null),
    from: m.from,
    to: m.to,
    gender: m.gender,
  };
}

/**
 * The board at the decision date the årsredovisning is compiled for (issue 18.2): the decision date of the latest
 * signing request for the same report kind and year when one names it, else the förbund's planned decision date
 * (its report settings), else today in Sweden (never before the year-end), with which of these it is; every
 * mandate that covers that day. The signature page names them and says which day the list is for.
 */
export async function reportSigners(
  tx: Tx,
  organisationId: string,
  kind: ReportKind,
  year: number,
  plannedDecisionDate: string | null = null,
): Promise<ReportInput['signers']> {
  const [row] = (await tx.query(
    `SELECT to_char(sr.decision_date, 'YYYY-MM-DD') AS "decisionDate" FROM signing_request sr JOIN report r ON r.id = sr.report_id
      WHERE r.organisation_id = $1 AND r.kind = $2 AND r.year = $3 AND sr.decision_date IS NOT NULL
      ORDER BY sr.created_at DESC LIMIT 1`,
    [organisationId, kind, year],
  )) as Array<{ decisionDate: string }>;
  const { date: decisionDate, basis } = signersDay({
    requestDate: row?.decisionDate ?? null,
    planned: plannedDecisionDate,
    today: swedishDate(new Date()),
    year,
  });
  const mandates = await boardMandates(tx, organisationId);
  return {
    decisionDate,
    basis,
    board: mandates
      .filter((m) => mandateCovers(m, decisionDate))
      .sort(compareMandates)
      .map(asReportBoard),
  };
}

/** The active ledger imports of the year and the one before. */
export function reportImports(tx: Tx, organisationId: string, year: number): Promise<ReportInput['imports']> {
  return tx.query(
    `SELECT year, version, transactions, jsonb_array_length(warnings) AS warnings FROM sie_import WHERE organisation_id = $1 AND active AND year IN ($2, $3) ORDER BY year`,
    [organisationId, year, year - 1],
  );
}

/** The förbundschef's own texts for the report, or an empty record. */
export async function reportTexts(
  tx: Tx,
  organisationId: string,
  kind: ReportKind,
  year: number,
): Promise<Record<string, string>> {
  const [row] = await tx.query(
    'SELECT texts FROM report_text WHERE organisation_id = $1 AND kind = $2 AND year = $3',
    [organisationId, kind, year],
  );
  return (row?.texts ?? {}) as Record<string, string>;
}
