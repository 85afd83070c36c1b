import { REPORT_STATUS_LABEL, REPORT_TRANSITIONS, reportStatusesFrom } from '@app/domain';
import { returningRows, Tx } from '@app/infra';

export interface ReportRow {
  id: string;
  organisation_id: string;
  kind: 'ARSREDOVISNING' | 'DELARSRAPPORT' | 'VERKSAMHETSPLAN';
  year: number;
  version: number;
  status: string;
  requested_by: string | null;
}

export async function loadReport(tx: Tx, reportId: string): Promise<ReportRow | null> {
  const [r] = await tx.query(
    'SELECT id, organisation_id, kind, year, version, status, requested_by FROM report WHERE id = $1',
    [reportId],
  );
  return r ?? null;
}

/** Counts one more compilation attempt (a retried job, or a crash half-way, shows here). */
export async function countReportAttempt(tx: Tx, reportId: string): Promise<void> {
  await tx.query('UPDATE report SET attempts = attempts + 1 WHERE id = $1', [reportId]);
}

/** Registers one of the report's rendered files (PDF, XLSX, JSON) already put in storage. */
export async function insertReportFile(
  tx: Tx,
  f: { organisationId: string; sha256: string; size: number; contentType: string; name: string },
): Promise<string> {
  const [row] = await tx.query(
    `INSERT INTO stored_file (organisation_id, sha256, size, content_type, original_name, purpose) VALUES ($1,$2,$3,$4,$5,'report') RETURNING id`,
    [f.organisationId, f.sha256, f.size, f.contentType, f.name],
  );
  return row.id as string;
}

/**
 * The worker's report writes. Every status change goes through REPORT_TRANSITIONS: the target status and the
 * statuses it may leave from come from the domain's transition map, never from the SQL here.
 */
export async function markReportRunning(
  tx: Tx,
  reportId: string,
  progress: number,
  stage: string,
): Promise<void> {
  await tx.query(
    `UPDATE report SET status = $4, progress = GREATEST(progress, $2), stage = $3, updated_at = now()
      WHERE id = $1 AND status = ANY($5)`,
    [reportId, progress, stage, REPORT_TRANSITIONS.progress.to, reportStatusesFrom('progress')],
  );
}

/** Marks a report FAILED with a reason the user can read; false when it was READY (or gone) already. */
export async function markReportFailed(
  tx: Tx,
  reportId: string,
  reason: string,
  stage: string,
): Promise<{ organisation_id: string; requested_by: string | null; from_status: string } | null> {
  const [row] = await returningRows<{
    organisation_id: string;
    requested_by: string | null;
    from_status: string;
  }>(
    tx,
    `UPDATE report r SET status = $4, error = $2, stage = $3, updated_at = now(), finished_at = now()
       FROM (SELECT id, status FROM report WHERE id = $1 FOR UPDATE) old
      WHERE r.id = old.id AND old.status = ANY($5)
      RETURNING r.organisation_id, r.requested_by, old.status AS from_status`,
    [reportId, reason, stage, REPORT_TRANSITIONS.fail.to, reportStatusesFrom('fail')],
  );
  return row ?? null;
}

export async function markReportReady(
  tx: Tx,
  reportId: string,
  f: {
    model: string;
    checks: string;
    passed: boolean;
    pdfFileId: string;
    xlsxFileId: string;
    jsonFileId: string;
    /** The version of the förbund's report structure the model followed; null: the seeds' default. */
    structureVersion?: number | null;
    /** The checks as a working document of their own (never part of the published PDF). */
    checksFileId: string;
  },
): Promise<boolean> {
  const rows = await returningRows(
    tx,
    `UPDATE report SET status = $8, progress = 100, stage = $10, model = $2, checks = $3, checks_passed = $4,
            pdf_file_id = $5, xlsx_file_id = $6, json_file_id = $7, structure_version = $11, checks_file_id = $12, error = NULL, updated_at = now(), finished_at = now()
      WHERE id = $1 AND status = ANY($9) RETURNING id`,
    [
      reportId,
      f.model,
      f.checks,
      f.passed,
      f.pdfFileId,
      f.xlsxFileId,
      f.jsonFileId,
      REPORT_TRANSITIONS.complete.to,
      reportStatusesFrom('complete'),
      REPORT_STATUS_LABEL.READY,
      f.structureVersion ?? null,
      f.checksFileId,
    ],
  );
  return rows.length > 0;
}
