import { TITLE_LABEL } from './labels';

/**
 * The words of the signing certificate page (signeringsintyg): every event a signing request records, the
 * reasons an attempt is refused, and times as a Swede reads them (Europe/Stockholm, not UTC).
 */

/** Each audit action recorded on a signing request, as a Swedish phrase. */
export const SIGNING_EVENT_LABEL: Record<string, string> = {
  'signing.created': 'Signeringsbegäran skapad',
  'signing.override': 'Kontroller förbigångna med skriftlig motivering',
  'signing.sent': 'Skickad för underskrift',
  'signing.viewed': 'Dokumentet öppnat',
  'signing.signed': 'Undertecknat',
  'signing.attempt_refused': 'Försök att underteckna avvisat',
  'signing.declined': 'Underskrift avböjd',
  'signing.cancelled': 'Signeringsbegäran avbruten',
  'signing.reminded': 'Påminnelse skickad till dem som inte har undertecknat',
  'signing.sealed': 'Förseglat med förbundets elektroniska sigill',
  'signing.seal_failed': 'Förseglingen misslyckades',
  'signing.seal_retried': 'Förseglingen försöks igen',
  'signing.substituted': 'Ersättare undertecknar i ledamotens ställe',
  'bankid.order_started': 'BankID-underskrift påbörjad',
  'bankid.order_completed': 'BankID-underskrift slutförd',
};

/** An event in words; an action without a label still reads as a sentence, never as a code. */
export function signingEventLabel(action: string): string {
  return SIGNING_EVENT_LABEL[action] ?? 'Annan händelse i signeringen';
}

/** Why an attempt to sign was refused (the audit payload's reason), in words. */
export const SIGNING_REFUSAL_LABEL: Record<string, string> = {
  OUT_OF_TURN: 'inte i tur',
  NOT_ON_LIST: 'inte bland undertecknarna',
  ALREADY_SIGNED: 'redan undertecknat',
  EXPIRED: 'begäran har gått ut',
  NOT_OPEN: 'begäran är inte öppen',
  BAD_CREDENTIALS: 'fel lösenord eller kod',
  CODE_REUSED: 'engångskoden redan använd',
  DECLINED: 'har avböjt',
  TOTP_NOT_SET_UP: 'engångskod saknas',
};

/**
 * A signer's role as the signing request and the signeringsintyg say it: "ordförande", "ledamot", a revisor's own
 * title, or "ersättare för Anna Andersson (skäl: sjukdom)" for an ersättare signing in a ledamot's place.
 */
export function signerRoleText(s: {
  role: string;
  title: string | null;
  inPlaceOfName?: string | null;
  substitutionReason?: string | null;
}): string {
  if (s.inPlaceOfName)
    return `ersättare för ${s.inPlaceOfName}${s.substitutionReason ? ` (skäl: ${s.substitutionReason})` : ''}`;
  if (s.role === 'REVISOR') return s.title ?? 'revisor';
  if (s.role === 'STYRELSEERSATTARE') return 'ersättare';
  return (s.title && TITLE_LABEL[s.title]) ?? 'ledamot';
}

export { swedishDateTime } from '../format/swedish-time';
