import { returningRows, Tx } from '@app/infra';
import type { ReportKindEnum, ReportType } from './report.types';

/** All SQL for requesting and reading reports and the förbundschef's report texts (compiling: the worker). */

const COLUMNS = `id, organisation_id AS "organisationId", kind, year, version, status, progress, stage, model, COALESCE(checks, '[]'::jsonb) AS checks,
  checks_passed AS "checksPassed", pdf_file_id AS "pdfFileId", xlsx_file_id AS "xlsxFileId", json_file_id AS "jsonFileId",
  checks_file_id AS "checksFileId", error, structure_version AS "structureVersion",
  to_char(created_at AT TIME ZONE 'UTC','YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt"`;

export type ReportRow = ReportType;

export interface ReportKey {
  organisationId: string;
  kind: ReportKindEnum;
  year: number;
}

export async function reportById(tx: Tx, id: string): Promise<ReportRow | null> {
  const [r] = await tx.query(`SELECT ${COLUMNS} FROM report WHERE id = $1`, [id]);
  return r ?? null;
}

/** The förbund's reports, newest first, without their (large) model. */
export function reportsOf(tx: Tx, organisationId: string): Promise<ReportRow[]> {
  return tx.query(
    `SELECT ${COLUMNS.replace('model,', 'NULL::jsonb AS model,')} FROM report WHERE organisation_id = $1 ORDER BY created_at DESC, version DESC`,
    [organisationId],
  );
}

/** Inserts the next version of the report, queued, under a lock per förbund, kind and year; its id and version. */
export async function insertQueuedReport(
  tx: Tx,
  k: ReportKey,
  actorId: string | null,
): Promise<{ id: string; version: number }> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 17))', [
    `report:${k.organisationId}:${k.kind}:${k.year}`,
  ]);
  const [{ v }] = await tx.query(
    'SELECT COALESCE(max(version), 0) + 1 AS v FROM report WHERE organisation_id = $1 AND kind = $2 AND year = $3',
    [k.organisationId, k.kind, k.year],
  );
  const [r] = await tx.query(
    `INSERT INTO report (organisation_id, kind, year, version, status, progress, stage, requested_by) VALUES ($1,$2,$3,$4,'QUEUED',0,'I kö',$5) RETURNING id`,
    [k.organisationId, k.kind, k.year, v, actorId],
  );
  return { id: r.id, version: v };
}

export async function reportTexts(
  tx: Tx,
  k: ReportKey,
): Promise<{ texts: Record<string, string>; version: number } | null> {
  const [r] = await tx.query(
    'SELECT texts, version FROM report_text WHERE organisation_id = $1 AND kind = $2 AND year = $3',
    [k.organisationId, k.kind, k.year],
  );
  return r ?? null;
}

/** The first texts of a report; the new version, or null when someone else saved first. */
export async function insertReportTexts(
  tx: Tx,
  k: ReportKey,
  texts: unknown,
  actorId: string,
): Promise<number | null> {
  const [r] = await tx.query(
    `INSERT INTO report_text (organisation_id, kind, year, texts, updated_by) VALUES ($1,$2,$3,$4,$5)
     ON CONFLICT (organisation_id, kind, year) DO NOTHING RETURNING version`,
    [k.organisationId, k.kind, k.year, JSON.stringify(texts), actorId],
  );
  return r?.version ?? null;
}

/** Saves the texts if nobody saved since `version`; the new version, or null when it is stale. */
export async function updateReportTexts(
  tx: Tx,
  k: ReportKey,
  version: number,
  texts: unknown,
  actorId: string,
): Promise<number | null> {
  const [r] = await returningRows<{ version: number }>(
    tx,
    `UPDATE report_text SET texts = $4, version = version + 1, updated_by = $6, updated_at = now()
      WHERE organisation_id = $1 AND kind = $2 AND year = $3 AND version = $5 RETURNING version`,
    [k.organisationId, k.kind, k.year, JSON.stringify(texts), version, actorId],
  );
  return r?.version ?? null;
}
