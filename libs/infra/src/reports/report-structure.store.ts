import type { StructureEntry, StructuredReportKind } from '@app/domain';
import { Tx } from '../database/unit-of-work';

/** One version of a förbund's report structure for a report kind. */
export interface ReportStructureRow {
  version: number;
  entries: StructureEntry[];
  createdAt: Date;
  createdBy: string | null;
  createdByName: string | null;
}

/**
 * A förbund's report structures (versioned; the highest version is in force). Read by the API (the editor,
 * the text fields) and the worker (the compiled report's sections); written by the API only.
 */
export async function currentReportStructure(
  tx: Tx,
  organisationId: string,
  kind: StructuredReportKind,
): Promise<ReportStructureRow | null> {
  const [r] = await tx.query(
    `SELECT s.version, s.entries, s.created_at AS "createdAt", s.created_by AS "createdBy", p.name AS "createdByName"
       FROM report_structure s LEFT JOIN person p ON p.id = s.created_by
      WHERE s.organisation_id = $1 AND s.kind = $2 ORDER BY s.version DESC LIMIT 1`,
    [organisationId, kind],
  );
  return r ?? null;
}

/** Stores the next version; null when `version` is taken (someone saved first). */
export async function insertReportStructure(
  tx: Tx,
  organisationId: string,
  kind: StructuredReportKind,
  version: number,
  entries: StructureEntry[],
  actorId: string,
): Promise<number | null> {
  const [r] = await tx.query(
    `INSERT INTO report_structure (organisation_id, kind, version, entries, created_by) VALUES ($1,$2,$3,$4,$5)
     ON CONFLICT (organisation_id, kind, version) DO NOTHING RETURNING version`,
    [organisationId, kind, version, JSON.stringify(entries), actorId],
  );
  return r?.version ?? null;
}
