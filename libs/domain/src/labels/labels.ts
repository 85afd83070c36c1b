/**
 * The one home of the Swedish words for the platform's codes: statuses, roles, periods, report kinds,
 * signing methods, board titles and order, audit actions. Plain TypeScript, used by the web app and the reports.
 */

export const STATUS_LABEL: Record<string, string> = {
  DRAFT: 'Utkast',
  SUBMITTED: 'Inskickad',
  STYRGRUPP_APPROVED: 'Godkänd av styrgruppen',
  APPROVED: 'Godkänd',
  RETURNED: 'Återsänd',
  WITHDRAWN: 'Tillbakadragen',
};

/** "7 godkända", "1 inskickad": status in the plural for counts. */
export const STATUS_PLURAL: Record<string, string> = {
  DRAFT: 'utkast',
  SUBMITTED: 'inskickade',
  STYRGRUPP_APPROVED: 'godkända av styrgruppen',
  APPROVED: 'godkända',
  RETURNED: 'återsända',
  WITHDRAWN: 'tillbakadragna',
};

export const ROLE_LABEL: Record<string, string> = {
  ADMIN: 'Kansli',
  FORBUNDSCHEF: 'Förbundschef',
  PROJEKTAGARE: 'Projektägare',
  STYRGRUPP: 'Styrgrupp',
  STYRELSELEDAMOT: 'Styrelseledamot',
  STYRELSEERSATTARE: 'Styrelseersättare',
  REVISOR: 'Revisor',
  BEREDNINGSGRUPP: 'Beredningsgrupp',
};

export const CHOICE_LABEL: Record<string, string> = {
  UPPFYLLT: 'Uppfyllt',
  DELVIS_UPPFYLLT: 'Delvis uppfyllt',
  EJ_UPPFYLLT: 'Ej uppfyllt',
  EJ_MATBART_AN: 'Ej mätbart än',
  HOG: 'Hög',
  DELVIS_HOG: 'Delvis hög',
  LAG: 'Låg',
};

export const REPORT_KIND_LABEL: Record<string, string> = {
  DELARSRAPPORT: 'Delårsrapport',
  ARSREDOVISNING: 'Årsredovisning',
  VERKSAMHETSPLAN: 'Verksamhetsplan och budget',
};

export const REPORT_STATUS_LABEL: Record<string, string> = {
  QUEUED: 'I kö',
  RUNNING: 'Sammanställs',
  READY: 'Klar',
  FAILED: 'Misslyckades',
};

export const SIGNER_STATE_LABEL: Record<string, string> = {
  NOT_SENT: 'Inte skickad än',
  SENT: 'Väntar',
  VIEWED: 'Har öppnat dokumentet',
  SIGNED: 'Har undertecknat',
  DECLINED: 'Har avböjt',
};

/** Board titles as the bundle stores them, in words. */
export const TITLE_LABEL: Record<string, string> = {
  ORDFORANDE: 'ordförande',
  VICE_ORDFORANDE: 'vice ordförande',
};

export const SIGN_METHOD_LABEL: Record<string, string> = {
  TOTP: 'lösenord och engångskod',
  PASSKEY: 'passkey',
  BANKID: 'BankID',
};

export const SIGNING_STATUS_LABEL: Record<string, string> = {
  OPEN: 'Pågår',
  SEALING: 'Förseglas',
  SEAL_FAILED: 'Förseglingen misslyckades',
  COMPLETED: 'Klar och förseglad',
  CANCELLED: 'Avbruten',
  DECLINED: 'Avböjd',
  EXPIRED: 'Har gått ut',
};

/** "HELAR-2025" → "Helår 2025" */
export function periodLabel(period: string): string {
  const m = /^(DELAR|HELAR)-(\d{4})$/.exec(period);
  if (!m) return period;
  return `${m[1] === 'DELAR' ? 'Delår' : 'Helår'} ${m[2]}`;
}

export const ACTION_LABEL: Record<string, string> = {
  'submission.started': 'påbörjade uppföljningen',
  'submission.saved': 'sparade',
  'submission.submitted': 'skickade in',
  'submission.approved': 'godkände',
  'submission.returned': 'återsände med kommentar',
  'submission.withdrawn': 'drog tillbaka',
  'submission.reopened': 'öppnade som ny revision',
  'submission.commented': 'kommenterade',
  'submission.comment_resolved': 'markerade en kommentar som löst',
};

export function actionLabel(action: string): string {
  return ACTION_LABEL[action] ?? action;
}

/** The gender a förbund records on a board mandate (for the gender split of its reports). */
export const GENDER_LABEL: Record<string, string> = {
  KVINNA: 'Kvinna',
  MAN: 'Man',
  ANNAT: 'Annat',
};

/** A mandate's role as a board list names it. */
export const MANDATE_ROLE_LABEL: Record<string, string> = {
  STYRELSELEDAMOT: 'Ledamot',
  STYRELSEERSATTARE: 'Ersättare',
  REVISOR: 'Revisor',
};

/** Board order: the chair first, then the vice chair, then the other members. */
export const BOARD_TITLE_ORDER: readonly string[] = ['ORDFORANDE', 'VICE_ORDFORANDE'];

/** Sort key of a board title: its place in BOARD_TITLE_ORDER, everything else after. */
export function boardTitleRank(title: string | null | undefined): number {
  const i = title ? BOARD_TITLE_ORDER.indexOf(title) : -1;
  return i < 0 ? BOARD_TITLE_ORDER.length : i;
}

/** A board member's title as a heading under a signature: "Ordförande", "Vice ordförande", "Ledamot"; a revisor's own title. */
export function boardRoleTitle(b: { role: string; title: string | null }): string {
  if (b.role === 'REVISOR') return b.title ?? 'Revisor';
  const t = b.title ? TITLE_LABEL[b.title] : undefined;
  return t ? t.charAt(0).toUpperCase() + t.slice(1) : 'Ledamot';
}

/** A submission status inside a sentence: "Uppföljningen är {statusPhrase}". */
export const STATUS_PHRASE: Record<string, string> = {
  DRAFT: 'ett utkast',
  SUBMITTED: 'inskickad',
  STYRGRUPP_APPROVED: 'godkänd av styrgruppen',
  APPROVED: 'godkänd',
  RETURNED: 'återsänd',
  WITHDRAWN: 'tillbakadragen',
};

/** Who a role is as a group inside a sentence: "väntar på {rolePhrase}". */
export const ROLE_PHRASE: Record<string, string> = {
  ADMIN: 'kansliet',
  FORBUNDSCHEF: 'förbundschefen',
  PROJEKTAGARE: 'projektägaren',
  STYRGRUPP: 'styrgruppen',
  STYRELSELEDAMOT: 'styrelsen',
  STYRELSEERSATTARE: 'styrelsens ersättare',
  REVISOR: 'revisorerna',
  BEREDNINGSGRUPP: 'beredningsgruppen',
};
