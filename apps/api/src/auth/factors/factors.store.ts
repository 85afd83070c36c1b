import { returningRows, Tx } from '@app/infra';

/** All SQL for a person's sign-in factors: TOTP secrets, passkeys and WebAuthn challenges. */

export interface PersonContact {
  email: string;
  name: string;
  password_hash: string | null;
}

export async function personContact(tx: Tx, personId: string): Promise<PersonContact | undefined> {
  const [p] = await tx.query('SELECT email, name, password_hash FROM person WHERE id = $1', [personId]);
  return p;
}

/** The förbund whose audit chain records the person's factor changes (null: the platform's chain). */
export async function homeOrganisation(tx: Tx, personId: string): Promise<string | null> {
  const [r] = await tx.query(
    'SELECT organisation_id FROM role_assignment WHERE person_id = $1 AND organisation_id IS NOT NULL ORDER BY organisation_id LIMIT 1',
    [personId],
  );
  return r?.organisation_id ?? null;
}

export async function totpRow(
  tx: Tx,
  personId: string,
): Promise<{ secret: string; confirmed_at: Date | null } | undefined> {
  const [t] = await tx.query('SELECT secret, confirmed_at FROM person_totp WHERE person_id = $1', [personId]);
  return t;
}

export async function saveTotpSecret(tx: Tx, personId: string, secret: string): Promise<void> {
  await tx.query(
    `INSERT INTO person_totp (person_id, secret) VALUES ($1,$2) ON CONFLICT (person_id) DO UPDATE SET secret = EXCLUDED.secret, confirmed_at = NULL, last_used_step = NULL`,
    [personId, secret],
  );
}

/** Confirms the pending secret (once: false when it already was). */
export async function confirmTotpSecret(tx: Tx, personId: string): Promise<boolean> {
  const rows = await returningRows(
    tx,
    'UPDATE person_totp SET confirmed_at = now() WHERE person_id = $1 AND confirmed_at IS NULL RETURNING 1',
    [personId],
  );
  return rows.length > 0;
}

/** Records a code's step as used; false when that step (or a later one) already was: a replay. */
export async function useTotpStep(tx: Tx, personId: string, step: number): Promise<boolean> {
  const rows = await returningRows(
    tx,
    'UPDATE person_totp SET last_used_step = $2 WHERE person_id = $1 AND confirmed_at IS NOT NULL AND (last_used_step IS NULL OR last_used_step < $2) RETURNING 1',
    [personId, step],
  );
  return rows.length > 0;
}

export async function passkeyIds(
  tx: Tx,
  personId: string,
): Promise<Array<{ id: string; transports: string[] | null }>> {
  return tx.query('SELECT id, transports FROM person_passkey WHERE person_id = $1', [personId]);
}

export async function passkey(
  tx: Tx,
  id: string,
  personId: string,
): Promise<{ id: string; public_key: Buffer; counter: string } | undefined> {
  const [c] = await tx.query(
    'SELECT id, public_key, counter FROM person_passkey WHERE id = $1 AND person_id = $2',
    [id, personId],
  );
  return c;
}

export async function insertPasskey(
  tx: Tx,
  row: { id: string; personId: string; publicKey: Buffer; counter: number; transports: string[] },
): Promise<void> {
  await tx.query(
    'INSERT INTO person_passkey (id, person_id, public_key, counter, transports) VALUES ($1,$2,$3,$4,$5)',
    [row.id, row.personId, row.publicKey, row.counter, JSON.stringify(row.transports)],
  );
}

export async function setPasskeyCounter(tx: Tx, id: string, counter: number): Promise<void> {
  await tx.query('UPDATE person_passkey SET counter = $2 WHERE id = $1', [id, counter]);
}

export async function insertChallenge(
  tx: Tx,
  personId: string,
  purpose: 'REGISTER' | 'SIGN',
  challenge: string,
  requestId: string | null = null,
): Promise<void> {
  await tx.query(
    `INSERT INTO webauthn_challenge (person_id, purpose, request_id, challenge, expires_at) VALUES ($1, $2, $3, $4, now() + interval '5 minutes')`,
    [personId, purpose, requestId, challenge],
  );
}

export async function openChallenges(
  tx: Tx,
  personId: string,
  purpose: 'REGISTER' | 'SIGN',
  requestId: string | null = null,
): Promise<Array<{ id: string; challenge: string }>> {
  return tx.query(
    `SELECT id, challenge FROM webauthn_challenge WHERE person_id = $1 AND purpose = $2 AND ($3::uuid IS NULL OR request_id = $3) AND used_at IS NULL AND expires_at > now() ORDER BY expires_at DESC`,
    [personId, purpose, requestId],
  );
}

/** Marks a challenge used; false when it already was (a replay). */
export async function consumeChallenge(tx: Tx, id: string): Promise<boolean> {
  const rows = await returningRows(
    tx,
    'UPDATE webauthn_challenge SET used_at = now() WHERE id = $1 AND used_at IS NULL RETURNING 1',
    [id],
  );
  return rows.length > 0;
}

/** Removes the person's factor of that kind (TOTP: the secret; PASSKEY: every passkey); false when none. */
export async function deleteFactor(tx: Tx, personId: string, factor: 'TOTP' | 'PASSKEY'): Promise<boolean> {
  const rows = await returningRows(
    tx,
    factor === 'TOTP'
      ? 'DELETE FROM person_totp WHERE person_id = $1 RETURNING 1'
      : 'DELETE FROM person_passkey WHERE person_id = $1 RETURNING 1',
    [personId],
  );
  return rows.length > 0;
}
