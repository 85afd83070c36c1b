import { RequestStatus, SignerState } from './signing-rules';

/**
 * Guarded transition maps for a signing request and for each of its signers (shape of the workflow's
 * decide()): pure, every allowed move listed, a typed decision back. Every status change goes through them;
 * the store then updates only rows still in one of the decision's `from` states.
 */

export type RequestAction =
  'seal' | 'complete' | 'sealFailed' | 'retrySeal' | 'decline' | 'cancel' | 'expire';
export type SignerAction = 'send' | 'view' | 'sign' | 'decline';

export type Transition<S> =
  { ok: true; from: readonly S[]; to: S } | { ok: false; reason: 'INVALID_TRANSITION' };

/** action → (states it may leave from, state it leads to). */
export const REQUEST_TRANSITIONS: Record<
  RequestAction,
  { from: readonly RequestStatus[]; to: RequestStatus }
> = {
  /** The last signature: the document is queued for sealing. */
  seal: { from: ['OPEN'], to: 'SEALING' },
  /** The seal job stored the sealed PDF. */
  complete: { from: ['SEALING'], to: 'COMPLETED' },
  /** The seal job failed for good (its retries spent): the request says why, never SEALING forever. */
  sealFailed: { from: ['SEALING'], to: 'SEAL_FAILED' },
  /** The förbundschef tries the seal again once the cause is fixed; the signatures stand. */
  retrySeal: { from: ['SEAL_FAILED'], to: 'SEALING' },
  decline: { from: ['OPEN'], to: 'DECLINED' },
  cancel: { from: ['OPEN'], to: 'CANCELLED' },
  expire: { from: ['OPEN'], to: 'EXPIRED' },
};

export const SIGNER_TRANSITIONS: Record<SignerAction, { from: readonly SignerState[]; to: SignerState }> = {
  send: { from: ['NOT_SENT'], to: 'SENT' },
  view: { from: ['SENT'], to: 'VIEWED' },
  sign: { from: ['NOT_SENT', 'SENT', 'VIEWED'], to: 'SIGNED' },
  decline: { from: ['NOT_SENT', 'SENT', 'VIEWED'], to: 'DECLINED' },
};

function decide<S extends string, A extends string>(
  map: Record<A, { from: readonly S[]; to: S }>,
  current: S,
  action: A,
): Transition<S> {
  const t = map[action];
  if (!t || !t.from.includes(current)) return { ok: false, reason: 'INVALID_TRANSITION' };
  return { ok: true, from: t.from, to: t.to };
}

/** May a request in `status` take `action`, and where does it lead? */
export function decideRequest(status: RequestStatus, action: RequestAction): Transition<RequestStatus> {
  return decide(REQUEST_TRANSITIONS, status, action);
}

/** May a signer in `state` take `action`, and where does it lead? */
export function decideSigner(state: SignerState, action: SignerAction): Transition<SignerState> {
  return decide(SIGNER_TRANSITIONS, state, action);
}
