import { Tx } from '@app/infra';

export interface ReminderSubjectRow {
  status: string;
  period: string;
  organisation_id: string;
  insats_id: string;
  insats_name: string;
  organisation_name: string;
}

/** The current revision a reminder is about, or null when it was superseded or never existed. */
export async function reminderSubject(tx: Tx, submissionId: string): Promise<ReminderSubjectRow | null> {
  const [s] = await tx.query(
    `SELECT s.status, s.period, s.organisation_id, s.insats_id, i.name AS insats_name, o.name AS organisation_name
       FROM submission s JOIN insats i ON i.id = s.insats_id JOIN organisation o ON o.id = s.organisation_id
      WHERE s.id = $1 AND s.is_current`,
    [submissionId],
  );
  return s ?? null;
}

export interface SigningRequestState {
  organisation_id: string;
  status: string;
  expires_at: Date;
  organisation_name: string;
  report_id: string;
  kind: string;
  year: number;
}

export async function signingRequestState(tx: Tx, requestId: string): Promise<SigningRequestState | null> {
  const [r] = await tx.query(
    `SELECT r.organisation_id, r.status, r.expires_at, o.name AS organisation_name, r.report_id, rep.kind, rep.year
       FROM signing_request r JOIN organisation o ON o.id = r.organisation_id JOIN report rep ON rep.id = r.report_id
      WHERE r.id = $1`,
    [requestId],
  );
  return r ?? null;
}

/** The signers who have been asked (SENT or VIEWED) but have not yet signed. */
export function signersToRemind(tx: Tx, requestId: string): Promise<Array<{ email: string; name: string }>> {
  return tx.query(
    `SELECT p.email, p.name FROM signing_signer s JOIN person p ON p.id = s.person_id WHERE s.request_id = $1 AND s.state IN ('SENT','VIEWED')`,
    [requestId],
  );
}
