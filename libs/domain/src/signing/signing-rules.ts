/** E-signing rules: who may sign when. Pure; the API persists decisions with conditional updates. */
export type SignerState = 'NOT_SENT' | 'SENT' | 'VIEWED' | 'SIGNED' | 'DECLINED';
export type RequestStatus =
  'OPEN' | 'SEALING' | 'SEAL_FAILED' | 'COMPLETED' | 'CANCELLED' | 'DECLINED' | 'EXPIRED';
export type OrderMode = 'PARALLEL' | 'SEQUENTIAL' | 'GROUPS';

export interface SignerView {
  personId: string;
  role: string;
  position: number;
  group: number;
  state: SignerState;
}

export type SignRefusal =
  'NOT_ON_LIST' | 'OUT_OF_TURN' | 'ALREADY_SIGNED' | 'DECLINED' | 'EXPIRED' | 'NOT_OPEN';

export const REFUSAL_MESSAGE: Record<SignRefusal, string> = {
  NOT_ON_LIST: 'Du finns inte bland undertecknarna för det här dokumentet.',
  OUT_OF_TURN: 'Det är inte din tur att underteckna ännu; tidigare undertecknare har inte skrivit under.',
  ALREADY_SIGNED: 'Du har redan undertecknat dokumentet.',
  DECLINED: 'Du har avböjt att underteckna dokumentet.',
  EXPIRED: 'Signeringsbegäran har gått ut.',
  NOT_OPEN: 'Signeringsbegäran är inte öppen (avbruten, avböjd eller redan klar).',
};

/** Groups in which signers are asked: all at once, one by one, or ledamöter before revisorer. */
export function groupFor(mode: OrderMode, position: number, role: string): number {
  if (mode === 'PARALLEL') return 0;
  if (mode === 'SEQUENTIAL') return position;
  return role === 'REVISOR' ? 1 : 0;
}

/** Whether `personId` may sign now; or why not. */
export function decideSign(
  request: { status: RequestStatus; expiresAt: Date },
  signers: readonly SignerView[],
  personId: string,
  now: Date,
): { ok: true } | { ok: false; reason: SignRefusal } {
  if (request.status !== 'OPEN') return { ok: false, reason: 'NOT_OPEN' };
  if (now.getTime() > request.expiresAt.getTime()) return { ok: false, reason: 'EXPIRED' };
  const me = signers.find((s) => s.personId === personId);
  if (!me) return { ok: false, reason: 'NOT_ON_LIST' };
  if (me.state === 'SIGNED') return { ok: false, reason: 'ALREADY_SIGNED' };
  if (me.state === 'DECLINED') return { ok: false, reason: 'DECLINED' };
  if (signers.some((s) => s.group < me.group && s.state !== 'SIGNED'))
    return { ok: false, reason: 'OUT_OF_TURN' };
  return { ok: true };
}

/** The group to ask next once everyone before it has signed; null when all have signed. */
export function nextGroup(signers: readonly SignerView[]): number | null {
  const pending = signers.filter((s) => s.state !== 'SIGNED').map((s) => s.group);
  return pending.length ? Math.min(...pending) : null;
}
