import { REQUEST_TRANSITIONS } from '@app/domain';
import { returningRows, Tx } from '@app/infra';

/** A signing request with what the seal prints about it. */
export interface SealRequestRow {
  id: string;
  organisation_id: string;
  report_id: string;
  status: string;
  document_sha256: string;
  org_name: string;
  kind: string;
  year: number;
  report_version: number;
  /** The stored file of the unsigned report (its content address). */
  doc_sha: string;
}

export interface SealSignerRow {
  name: string;
  role: string;
  title: string | null;
  signed_at: Date;
  method: string;
  /** The ledamot an ersättare signed for, and why (issue 18.2). */
  in_place_of_name: string | null;
  substitution_reason: string | null;
}

export interface SealEventRow {
  at: Date;
  action: string;
  actor_name: string | null;
  payload: Record<string, unknown> | null;
}

export async function findSealRequest(tx: Tx, requestId: string): Promise<SealRequestRow | null> {
  const [row] = (await tx.query(
    `SELECT r.id, r.organisation_id, r.report_id, r.status, r.document_sha256, o.name AS org_name, rep.kind,
            rep.year, rep.version AS report_version, f.sha256 AS doc_sha
       FROM signing_request r JOIN organisation o ON o.id = r.organisation_id JOIN report rep ON rep.id = r.report_id
       JOIN stored_file f ON f.id = r.document_file_id
      WHERE r.id = $1`,
    [requestId],
  )) as SealRequestRow[];
  return row ?? null;
}

export function sealSigners(tx: Tx, requestId: string): Promise<SealSignerRow[]> {
  return tx.query(
    `SELECT name, role, title, signed_at, method, in_place_of_name, substitution_reason
       FROM signing_signer WHERE request_id = $1 ORDER BY position`,
    [requestId],
  );
}

/** Every audit entry about the request, oldest first, with the acting person's name. */
export function sealEvents(tx: Tx, requestId: string): Promise<SealEventRow[]> {
  return tx.query(
    `SELECT a.at, a.action, a.payload, p.name AS actor_name FROM audit_entry a LEFT JOIN person p ON p.id = a.actor_id
      WHERE a.entity_type = 'signing_request' AND a.entity_id = $1 ORDER BY a.seq NULLS LAST, a.insert_order`,
    [requestId],
  );
}

export async function insertSealedFile(
  tx: Tx,
  f: { organisationId: string; sha256: string; size: number; name: string },
): Promise<string> {
  const [row] = (await tx.query(
    `INSERT INTO stored_file (organisation_id, sha256, size, content_type, original_name, purpose)
     VALUES ($1,$2,$3,'application/pdf',$4,'sealed') RETURNING id`,
    [f.organisationId, f.sha256, f.size, f.name],
  )) as Array<{ id: string }>;
  return row.id;
}

/** SEALING → COMPLETED with the sealed file; false when another run completed it first. */
export async function completeSealedRequest(
  tx: Tx,
  requestId: string,
  sealedFileId: string,
  sealedSha256: string,
): Promise<boolean> {
  const t = REQUEST_TRANSITIONS.complete;
  // returningRows: TypeORM answers UPDATE … RETURNING with [rows, count], so a plain .length is always 2.
  const done = await returningRows(
    tx,
    `UPDATE signing_request SET status = $4, sealed_file_id = $2, sealed_sha256 = $3, version = version + 1, updated_at = now()
      WHERE id = $1 AND status = ANY($5) RETURNING id`,
    [requestId, sealedFileId, sealedSha256, t.to, t.from],
  );
  return done.length > 0;
}

/** SEALING → SEAL_FAILED with the reason; false when the request is no longer sealing. */
export async function failSealRequest(tx: Tx, requestId: string, reason: string): Promise<boolean> {
  const t = REQUEST_TRANSITIONS.sealFailed;
  const done = await returningRows(
    tx,
    `UPDATE signing_request SET status = $2, failure_reason = $3, version = version + 1, updated_at = now()
      WHERE id = $1 AND status = ANY($4) RETURNING id`,
    [requestId, t.to, reason, t.from],
  );
  return done.length > 0;
}

/** The förbund's stored sealing key (PKCS#12), if it has one. */
export async function sealKey(tx: Tx, organisationId: string): Promise<Buffer | null> {
  const [r] = await tx.query('SELECT p12 FROM seal_key WHERE organisation_id = $1', [organisationId]);
  return r ? (r.p12 as Buffer) : null;
}

/** Stores a key unless the förbund already has one, and returns the one it has: two workers agree on one. */
export async function keepFirstSealKey(tx: Tx, organisationId: string, p12: Buffer): Promise<Buffer> {
  await tx.query(
    'INSERT INTO seal_key (organisation_id, p12) VALUES ($1, $2) ON CONFLICT (organisation_id) DO NOTHING',
    [organisationId, p12],
  );
  return (await sealKey(tx, organisationId)) as Buffer;
}
