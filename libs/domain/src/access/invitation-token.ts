import { createHash, randomBytes } from 'node:crypto';

/** What is stored of an invitation's token: its SHA-256, hex. The token itself is only ever in the e-mail. */
export function invitationTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A fresh one-time token (256 bits, URL-safe) and the hash to store for it. */
export function mintInvitationToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: invitationTokenHash(token) };
}
