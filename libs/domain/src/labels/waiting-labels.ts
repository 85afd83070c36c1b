/** The kinds of thing that wait for a person on their start page ("Väntar på dig"), and their words. */
export type WaitingKind =
  | 'FOLLOW_UP_TO_START'
  | 'FOLLOW_UP_DRAFT'
  | 'FOLLOW_UP_RETURNED'
  | 'FOLLOW_UP_TO_REVIEW'
  | 'SIGNATURE'
  | 'REPORT_TO_SEND';

export const WAITING_KINDS: readonly WaitingKind[] = [
  'FOLLOW_UP_TO_START',
  'FOLLOW_UP_DRAFT',
  'FOLLOW_UP_RETURNED',
  'FOLLOW_UP_TO_REVIEW',
  'SIGNATURE',
  'REPORT_TO_SEND',
];

/** What the person is asked to do, in a few Swedish words. */
export const WAITING_KIND_LABEL: Record<WaitingKind, string> = {
  FOLLOW_UP_TO_START: 'Uppföljning att påbörja',
  FOLLOW_UP_DRAFT: 'Utkast att skicka in',
  FOLLOW_UP_RETURNED: 'Återsänd: rätta och skicka in igen',
  FOLLOW_UP_TO_REVIEW: 'Uppföljning att granska',
  SIGNATURE: 'Väntar på din underskrift',
  REPORT_TO_SEND: 'Rapport att skicka för underskrift',
};
