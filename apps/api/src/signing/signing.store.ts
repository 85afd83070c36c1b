import { OrderMode, RequestStatus, SignerState, SignerView } from '@app/domain';
import { returningRows, Tx } from '@app/infra';
import { SignerType } from './signing.types';

/** All SQL of the signing feature: requests, signers, BankID orders, evidence. Typed rows in and out. */

export interface RequestRow {
  id: string;
  organisation_id: string;
  report_id: string;
  status: RequestStatus;
  order_mode: OrderMode;
  expires_at: Date;
  document_sha256: string;
  document_file_id: string;
  sealed_file_id: string | null;
  failure_reason: string | null;
  seal_retries: number;
  /** The day the board decides the report, which chose the signers (YYYY-MM-DD); null for older requests. */
  decision_date: string | null;
}

export type SignerRow = SignerView & { id: string; name: string };

export interface Candidate {
  person_id: string;
  name: string;
  email: string;
  role: string;
  title: string | null;
}

export interface BankIdOrderRow {
  order_ref: string;
  request_id: string;
  person_id: string;
  qr_start_token: string;
  qr_start_secret: string;
  status: string;
  age: string;
}

const UUID = /^[0-9a-f-]{36}$/i;

export async function request(tx: Tx, id: string, lock = false): Promise<RequestRow | undefined> {
  if (!UUID.test(id)) return undefined;
  const [r] = await tx.query(
    `SELECT *, to_char(decision_date, 'YYYY-MM-DD') AS decision_date FROM signing_request WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return r;
}

export async function latestRequestId(tx: Tx, reportId: string): Promise<string | null> {
  const [r] = await tx.query(
    'SELECT id FROM signing_request WHERE report_id = $1 ORDER BY created_at DESC LIMIT 1',
    [reportId],
  );
  return r?.id ?? null;
}

export async function signers(tx: Tx, requestId: string): Promise<SignerRow[]> {
  const rows = await tx.query(
    'SELECT id, person_id, name, role, position, grp, state FROM signing_signer WHERE request_id = $1 ORDER BY position',
    [requestId],
  );
  return rows.map((r: Record<string, never>) => ({
    id: r.id,
    personId: r.person_id,
    name: r.name,
    role: r.role,
    position: r.position,
    group: r.grp,
    state: r.state,
  }));
}

export async function signerViews(tx: Tx, requestId: string): Promise<Array<Omit<SignerType, 'roleText'>>> {
  return tx.query(
    `SELECT person_id AS "personId", name, role, title, state, to_char(signed_at AT TIME ZONE 'UTC','YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "signedAt", method,
            in_place_of_person_id AS "inPlaceOfPersonId", in_place_of_name AS "inPlaceOfName", substitution_reason AS "substitutionReason"
       FROM signing_signer WHERE request_id = $1 ORDER BY position`,
    [requestId],
  );
}

/** The personnummer the förbund itself keeps for the person (each förbund's own; another's never counts). */
export async function personalNumber(
  tx: Tx,
  personId: string,
  organisationId: string,
): Promise<string | null> {
  const [p] = await tx.query(
    'SELECT personal_number FROM membership WHERE person_id = $1 AND organisation_id = $2',
    [personId, organisationId],
  );
  return p?.personal_number ?? null;
}

export async function people(
  tx: Tx,
  ids: string[],
): Promise<Array<{ id: string; email: string; name: string }>> {
  return tx.query('SELECT id, email, name FROM person WHERE id = ANY($1)', [ids]);
}

export async function documentTitleInfo(
  tx: Tx,
  requestId: string,
): Promise<{ name: string; kind: string; year: number; version: number }> {
  const [info] = await tx.query(
    `SELECT o.name, rep.kind, rep.year, rep.version FROM signing_request r JOIN organisation o ON o.id = r.organisation_id JOIN report rep ON rep.id = r.report_id WHERE r.id = $1`,
    [requestId],
  );
  return info;
}

export async function report(
  tx: Tx,
  reportId: string,
): Promise<
  | {
      id: string;
      organisation_id: string;
      kind: string;
      status: string;
      checks_passed: boolean | null;
      pdf_file_id: string;
    }
  | undefined
> {
  const [rep] = await tx.query(
    'SELECT id, organisation_id, kind, status, checks_passed, pdf_file_id FROM report WHERE id = $1',
    [reportId],
  );
  return rep;
}

export async function fileSha256(tx: Tx, fileId: string): Promise<string | null> {
  const [f] = await tx.query('SELECT sha256 FROM stored_file WHERE id = $1', [fileId]);
  return f?.sha256 ?? null;
}

export async function candidates(tx: Tx, organisationId: string): Promise<Candidate[]> {
  return tx.query(
    `SELECT DISTINCT ON (p.id) p.id AS person_id, p.name, p.email, r.role, r.title FROM role_assignment r JOIN person p ON p.id = r.person_id
      WHERE r.organisation_id = $1 AND r.role IN ('STYRELSELEDAMOT','REVISOR') ORDER BY p.id, r.role DESC`,
    [organisationId],
  );
}

export async function hasOpenRequest(tx: Tx, reportId: string): Promise<boolean> {
  const open = await tx.query(
    `SELECT 1 FROM signing_request WHERE report_id = $1 AND status IN ('OPEN','SEALING','SEAL_FAILED')`,
    [reportId],
  );
  return open.length > 0;
}

export async function insertRequest(
  tx: Tx,
  r: {
    organisationId: string;
    reportId: string;
    fileId: string;
    sha256: string;
    order: OrderMode;
    expiresInDays: number;
    reminderDays: number | null;
    overrideReason: string | null;
    createdBy: string;
    decisionDate: string;
  },
): Promise<string> {
  const [row] = await tx.query(
    `INSERT INTO signing_request (organisation_id, report_id, document_file_id, document_sha256, status, order_mode, expires_at, reminder_days, override_reason, created_by, decision_date)
     VALUES ($1,$2,$3,$4,'OPEN',$5, now() + make_interval(days => $6), $7, $8, $9, $10) RETURNING id`,
    [
      r.organisationId,
      r.reportId,
      r.fileId,
      r.sha256,
      r.order,
      r.expiresInDays,
      r.reminderDays,
      r.overrideReason,
      r.createdBy,
      r.decisionDate,
    ],
  );
  return row.id;
}

export async function insertSigner(
  tx: Tx,
  requestId: string,
  x: Candidate,
  position: number,
  group: number,
  state: SignerState,
): Promise<void> {
  await tx.query(
    `INSERT INTO signing_signer (request_id, person_id, name, role, title, position, grp, state) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
    [requestId, x.person_id, x.name, x.role, x.title, position, group, state],
  );
}

/**
 * An ersättare takes a ledamot's place on the list (same position and group, same state so far): the row names the
 * ersättare, whom they stand in for and why. False when the ledamot is no longer waiting there.
 */
export async function substituteSigner(
  tx: Tx,
  requestId: string,
  ledamot: { personId: string; name: string },
  ersattare: { personId: string; name: string },
  reason: string,
): Promise<boolean> {
  const rows = await returningRows(
    tx,
    `UPDATE signing_signer SET person_id = $3, name = $4, role = 'STYRELSEERSATTARE', title = NULL,
            state = CASE WHEN state = 'VIEWED' THEN 'SENT' ELSE state END, viewed_at = NULL,
            in_place_of_person_id = $2, in_place_of_name = $5, substitution_reason = $6
      WHERE request_id = $1 AND person_id = $2 AND role = 'STYRELSELEDAMOT' AND state IN ('NOT_SENT','SENT','VIEWED')
      RETURNING 1`,
    [requestId, ledamot.personId, ersattare.personId, ersattare.name, ledamot.name, reason],
  );
  return rows.length > 0;
}

/**
 * Moves a signer to `to` (decided by decideSigner) if they are still in one of `from`; false otherwise.
 * `extra` sets the columns that go with the move (viewed_at, signed_at and method, decline_reason).
 */
export async function moveSigner(
  tx: Tx,
  requestId: string,
  personId: string,
  t: { from: readonly SignerState[]; to: SignerState },
  extra: { method?: string; declineReason?: string } = {},
): Promise<boolean> {
  const rows = await returningRows(
    tx,
    `UPDATE signing_signer SET state = $4,
        viewed_at = CASE WHEN $4 = 'VIEWED' THEN now() ELSE viewed_at END,
        signed_at = CASE WHEN $4 = 'SIGNED' THEN now() ELSE signed_at END,
        method = COALESCE($5, method),
        decline_reason = COALESCE($6, decline_reason)
      WHERE request_id = $1 AND person_id = $2 AND state = ANY($3) RETURNING id`,
    [requestId, personId, t.from, t.to, extra.method ?? null, extra.declineReason ?? null],
  );
  return rows.length > 0;
}

/** Moves a request to `to` (decided by decideRequest) if it is still in one of `from`; false otherwise. */
export async function moveRequest(
  tx: Tx,
  requestId: string,
  t: { from: readonly RequestStatus[]; to: RequestStatus },
  cancelReason: string | null = null,
): Promise<boolean> {
  const rows = await returningRows(
    tx,
    `UPDATE signing_request SET status = $3, cancel_reason = COALESCE($4, cancel_reason), version = version + 1, updated_at = now()
      WHERE id = $1 AND status = ANY($2) RETURNING id`,
    [requestId, t.from, t.to, cancelReason],
  );
  return rows.length > 0;
}

/** SEAL_FAILED → SEALING for another seal job; returns that job's retry number, null when no longer failed. */
export async function retrySeal(
  tx: Tx,
  requestId: string,
  t: { from: readonly RequestStatus[]; to: RequestStatus },
): Promise<number | null> {
  const rows = await returningRows<{ seal_retries: number }>(
    tx,
    `UPDATE signing_request SET status = $3, failure_reason = NULL, seal_retries = seal_retries + 1,
            version = version + 1, updated_at = now()
      WHERE id = $1 AND status = ANY($2) RETURNING seal_retries`,
    [requestId, t.from, t.to],
  );
  return rows.length ? rows[0].seal_retries : null;
}

export async function completedBySealedHash(
  tx: Tx,
  sha256: string,
): Promise<{ id: string; report_id: string } | undefined> {
  const [req] = await tx.query(
    `SELECT id, report_id FROM signing_request WHERE sealed_sha256 = $1 AND status = 'COMPLETED' LIMIT 1`,
    [sha256],
  );
  return req;
}

export async function sealedSigners(
  tx: Tx,
  requestId: string,
): Promise<Array<{ name: string; signedAt: string | null; method: string | null }>> {
  return tx.query(
    `SELECT name, to_char(signed_at AT TIME ZONE 'UTC','YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "signedAt", method FROM signing_signer WHERE request_id = $1 ORDER BY position`,
    [requestId],
  );
}

export async function uploadedBy(tx: Tx, fileId: string, personId: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM stored_file WHERE id = $1 AND uploaded_by = $2', [
    fileId,
    personId,
  ]);
  return rows.length > 0;
}

// ---- BankID orders --------------------------------------------------------------------------------

export async function insertBankIdOrder(
  tx: Tx,
  o: { orderRef: string; requestId: string; personId: string; qrStartToken: string; qrStartSecret: string },
): Promise<void> {
  await tx.query(
    'INSERT INTO bankid_order (order_ref, request_id, person_id, qr_start_token, qr_start_secret) VALUES ($1,$2,$3,$4,$5)',
    [o.orderRef, o.requestId, o.personId, o.qrStartToken, o.qrStartSecret],
  );
}

export async function bankIdOrder(
  tx: Tx,
  orderRef: string,
  personId: string,
): Promise<BankIdOrderRow | undefined> {
  const [o] = await tx.query(
    'SELECT *, extract(epoch FROM now() - started_at) AS age FROM bankid_order WHERE order_ref = $1 AND person_id = $2',
    [orderRef, personId],
  );
  return o;
}

export async function setBankIdHint(tx: Tx, orderRef: string, hintCode: string | null): Promise<void> {
  await tx.query('UPDATE bankid_order SET hint_code = $2 WHERE order_ref = $1', [orderRef, hintCode]);
}

/** Ends a pending order as failed, cancelled or complete; false when it was no longer pending. */
export async function finishBankIdOrder(
  tx: Tx,
  orderRef: string,
  status: 'failed' | 'cancelled' | 'complete',
  evidence: { signature: string; ocspResponse: string; completionData: unknown } | null = null,
): Promise<boolean> {
  const rows = await returningRows(
    tx,
    `UPDATE bankid_order SET status = $2, finished_at = now(),
        signature = COALESCE($3, signature), ocsp_response = COALESCE($4, ocsp_response),
        completion_data = COALESCE($5::jsonb, completion_data)
      WHERE order_ref = $1 AND status = 'pending' RETURNING 1`,
    [
      orderRef,
      status,
      evidence?.signature ?? null,
      evidence?.ocspResponse ?? null,
      evidence ? JSON.stringify(evidence.completionData) : null,
    ],
  );
  return rows.length > 0;
}
