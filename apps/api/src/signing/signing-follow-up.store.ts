import { Tx } from '@app/infra';

/** SQL for following a signing request up: the methods a signer is ready for, reminders, and report summaries. */

export interface ReadinessRow {
  totp: boolean;
  passkeys: number;
  personal_number: boolean;
}

/** Whether the person has a confirmed one-time code, passkeys, and (in this förbund) a personnummer. */
export async function readiness(tx: Tx, personId: string, organisationId: string): Promise<ReadinessRow> {
  const [r] = await tx.query(
    `SELECT EXISTS (SELECT 1 FROM person_totp WHERE person_id = $1 AND confirmed_at IS NOT NULL) AS totp,
            (SELECT count(*)::int FROM person_passkey WHERE person_id = $1) AS passkeys,
            EXISTS (SELECT 1 FROM membership WHERE person_id = $1 AND organisation_id = $2
                     AND personal_number IS NOT NULL) AS personal_number`,
    [personId, organisationId],
  );
  return r;
}

/** The manual reminders sent for a request: how many in all, and when the last one went. */
export async function reminders(tx: Tx, requestId: string): Promise<{ count: number; last: Date | null }> {
  const [r] = await tx.query(
    `SELECT count(*)::int AS count, max(at) AS last FROM audit_entry
      WHERE entity_type = 'signing_request' AND entity_id = $1 AND action = 'signing.reminded'`,
    [requestId],
  );
  return { count: r.count, last: r.last ? new Date(r.last) : null };
}

export interface ReportSigningRow {
  report_id: string;
  status: string | null;
  expires_at: Date | null;
  signed: number;
  signers: number;
  newest_version: number;
  signed_version: number | null;
}

/**
 * For each report: its latest signing request (status, how many have signed), the newest finished version of the
 * same report (kind and year), and the version of it that has been signed and sealed, if any. One query.
 */
export async function reportSigning(tx: Tx, reportIds: readonly string[]): Promise<ReportSigningRow[]> {
  return tx.query(
    `SELECT r.id AS report_id, s.status, s.expires_at,
            COALESCE(s.signed, 0) AS signed, COALESCE(s.signers, 0) AS signers,
            (SELECT max(r2.version) FROM report r2
              WHERE r2.organisation_id = r.organisation_id AND r2.kind = r.kind AND r2.year = r.year
                AND r2.status = 'READY')::int AS newest_version,
            (SELECT max(r3.version) FROM report r3 JOIN signing_request s3 ON s3.report_id = r3.id
              WHERE r3.organisation_id = r.organisation_id AND r3.kind = r.kind AND r3.year = r.year
                AND s3.status = 'COMPLETED')::int AS signed_version
       FROM report r
       LEFT JOIN LATERAL (
         SELECT q.status, q.expires_at,
                (SELECT count(*) FROM signing_signer g WHERE g.request_id = q.id AND g.state = 'SIGNED')::int AS signed,
                (SELECT count(*) FROM signing_signer g WHERE g.request_id = q.id)::int AS signers
           FROM signing_request q WHERE q.report_id = r.id ORDER BY q.created_at DESC LIMIT 1
       ) s ON true
      WHERE r.id = ANY($1::uuid[])`,
    [reportIds],
  );
}
