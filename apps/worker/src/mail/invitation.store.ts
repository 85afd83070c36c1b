import { returningRows, Tx } from '@app/infra';

export interface ArmedInvitation {
  name: string;
  expires_at: Date;
}

/**
 * Stores the hash of a freshly minted link on the invitation the job names, while it is still the person's
 * open invitation to that address: a retried job replaces the hash (only the newest link works), and a job of
 * an accepted, replaced or expired invitation arms nothing (null).
 */
export async function armInvitation(
  tx: Tx,
  i: { personId: string; invitationId: string; to: string; tokenHash: string },
): Promise<ArmedInvitation | null> {
  const [row] = await returningRows<ArmedInvitation>(
    tx,
    `UPDATE person SET invitation_token_hash = $4
      WHERE id = $1 AND invitation_id = $2 AND lower(email) = lower($3) AND invitation_expires_at > now()
      RETURNING name, invitation_expires_at AS expires_at`,
    [i.personId, i.invitationId, i.to, i.tokenHash],
  );
  return row ?? null;
}
