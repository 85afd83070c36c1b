import type { Tx } from '@app/infra';

/**
 * The reads behind "Väntar på dig" that the follow-ups' inbox does not cover: insatser that owe a follow-up,
 * signatures waiting for a person, reports ready to send. One query each per request, never one per row.
 */

export interface OwingInsatsRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  name: string;
  start: string;
  end: string | null;
  workflow_config: unknown;
}

export interface SignatureRow {
  request_id: string;
  report_id: string;
  organisation_id: string;
  organisation_name: string;
  kind: string;
  year: number;
  title: string | null;
  expires_at: Date;
}

export interface ReportToSendRow {
  report_id: string;
  organisation_id: string;
  organisation_name: string;
  kind: string;
  year: number;
  version: number;
  title: string | null;
}

/** The insatser (of my projektägare grants) with their dates and their förbund's workflow. */
export async function insatser(tx: Tx, insatsIds: readonly string[]): Promise<OwingInsatsRow[]> {
  if (!insatsIds.length) return [];
  return tx.query(
    `SELECT i.id, i.organisation_id, o.name AS organisation_name, i.name, i.start_date::text AS start,
            i.end_date::text AS "end", o.workflow_config
       FROM insats i JOIN organisation o ON o.id = i.organisation_id
      WHERE i.id = ANY($1::uuid[]) ORDER BY o.name, i.name`,
    [insatsIds],
  );
}

/** The periods of these insatser that are started (a current follow-up) or exempted, keyed `insatsId:period`. */
export async function periodsTaken(tx: Tx, insatsIds: readonly string[]): Promise<Set<string>> {
  if (!insatsIds.length) return new Set();
  const rows: Array<{ insats_id: string; period: string }> = await tx.query(
    `SELECT insats_id, period FROM submission WHERE insats_id = ANY($1::uuid[]) AND is_current
      UNION SELECT insats_id, period FROM follow_up_exemption WHERE insats_id = ANY($1::uuid[])`,
    [insatsIds],
  );
  return new Set(rows.map((r) => `${r.insats_id}:${r.period}`));
}

/** Open signing requests (in my förbund) where it is my turn: sent to me or opened, not yet signed. */
export async function signaturesWaiting(
  tx: Tx,
  personId: string,
  organisationIds: readonly string[],
): Promise<SignatureRow[]> {
  if (!organisationIds.length) return [];
  return tx.query(
    `SELECT r.id AS request_id, rep.id AS report_id, r.organisation_id, o.name AS organisation_name,
            rep.kind, rep.year, rep.model->>'title' AS title, r.expires_at
       FROM signing_signer s JOIN signing_request r ON r.id = s.request_id
       JOIN report rep ON rep.id = r.report_id JOIN organisation o ON o.id = r.organisation_id
      WHERE s.person_id = $1 AND s.state IN ('SENT','VIEWED') AND r.status = 'OPEN'
        AND r.organisation_id = ANY($2::uuid[]) AND r.expires_at > now()
      ORDER BY r.expires_at, r.created_at`,
    [personId, organisationIds],
  );
}

/**
 * The newest version of each report (per förbund, kind and year) that is ready but has never been sent for
 * signing, or whose requests all ended without a signed document (cancelled, declined, expired).
 */
export async function reportsToSend(tx: Tx, organisationIds: readonly string[]): Promise<ReportToSendRow[]> {
  if (!organisationIds.length) return [];
  return tx.query(
    `SELECT rep.id AS report_id, rep.organisation_id, o.name AS organisation_name, rep.kind, rep.year,
            rep.version, rep.model->>'title' AS title
       FROM report rep JOIN organisation o ON o.id = rep.organisation_id
      WHERE rep.organisation_id = ANY($1::uuid[]) AND rep.status = 'READY'
        AND rep.version = (SELECT max(v.version) FROM report v
                            WHERE v.organisation_id = rep.organisation_id AND v.kind = rep.kind AND v.year = rep.year)
        AND NOT EXISTS (SELECT 1 FROM signing_request r WHERE r.report_id = rep.id
                         AND r.status NOT IN ('CANCELLED','DECLINED','EXPIRED'))
      ORDER BY o.name, rep.year DESC, rep.kind`,
    [organisationIds],
  );
}
