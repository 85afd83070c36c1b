import { periodLabel, REPORT_KIND_LABEL } from '../labels/labels';
import { swedishDay, swedishMinute } from '../format/swedish-time';

/** One e-mail ready to send: a Swedish subject, a plain-text part and an HTML part with the same words and link. */
export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

/** Everything every mail carries: who sends it (the förbund) and where the reader acts on it. */
interface MailBase {
  /** The förbund's name, shown in the subject or text and signed at the end. */
  organisationName: string;
  /** The page in the web app the mail is about (absolute URL). */
  link: string;
}

/** The web's address, e.g. `https://plattform.example`, without a trailing slash (PUBLIC_URL, or the local API). */
export function webBaseUrl(config: { PUBLIC_URL?: string; PORT?: number | string }): string {
  return (config.PUBLIC_URL ?? `http://localhost:${config.PORT ?? 3000}`).replace(/\/+$/, '');
}

/** Who signs mail about a person's own account: their förbund, or the platform when they have none. */
export function accountSender(organisationNames: string[]): string {
  return organisationNames.length ? organisationNames.join(' och ') : 'Samordningsplattformen';
}

/** The web app's pages a mail can point at (routes of apps/web/src/app.tsx). */
export const MAIL_ROUTES = {
  submission: (id: string) => `/uppfoljningar/${id}`,
  report: (id: string) => `/rapporter/${id}`,
  account: () => '/mitt-konto',
  invitation: (token: string) => `/inbjudan?token=${encodeURIComponent(token)}`,
} as const;

export { swedishDay, swedishMinute } from '../format/swedish-time';

/** Text put into HTML: every character that could start markup is escaped. */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A paragraph of the mail; `quote` shows someone's own words (a comment) set apart. */
type Block = { p: string } | { quote: string };

/** Builds both parts from the same blocks, so text and HTML never say different things. */
function compose(
  subject: string,
  greeting: string | null,
  blocks: Block[],
  action: string,
  m: MailBase,
): ComposedMail {
  const all: Block[] = greeting ? [{ p: greeting }, ...blocks] : blocks;
  const text = [
    ...all.map((b) => ('p' in b ? b.p : b.quote.replace(/^/gm, '> '))),
    `${action}: ${m.link}`,
    `Hälsningar\n${m.organisationName}`,
  ].join('\n\n');
  const href = escapeHtml(m.link);
  const html = [
    '<!DOCTYPE html>',
    '<html lang="sv"><head><meta charset="utf-8"><title>' + escapeHtml(subject) + '</title></head>',
    '<body style="font-family: Arial, sans-serif; font-size: 15px; color: #1a1a1a; line-height: 1.5">',
    ...all.map((b) =>
      'p' in b
        ? `<p>${escapeHtml(b.p)}</p>`
        : `<blockquote style="border-left: 3px solid #999; margin: 0; padding-left: 12px; white-space: pre-wrap">${escapeHtml(b.quote)}</blockquote>`,
    ),
    `<p><a href="${href}" style="display: inline-block; padding: 8px 16px; background: #1d4f91; color: #fff; text-decoration: none; border-radius: 4px">${escapeHtml(action)}</a></p>`,
    `<p style="font-size: 13px; color: #555">Fungerar inte knappen? Kopiera länken: <a href="${href}">${href}</a></p>`,
    `<p>Hälsningar<br>${escapeHtml(m.organisationName)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text: `${text}\n`, html };
}

/** What a follow-up is: "Insatsen X, Helår 2025". */
function followUp(insatsName: string, period: string): string {
  return `${insatsName}, ${periodLabel(period)}`;
}

/** A follow-up waits for the reader's decision (styrgrupp, förbundschef). */
export function submissionToReviewMail(m: MailBase & { insatsName: string; period: string }): ComposedMail {
  const what = followUp(m.insatsName, m.period);
  return compose(
    `Uppföljning att granska: ${what}`,
    null,
    [{ p: `Uppföljningen för ${what} i ${m.organisationName} väntar på ditt beslut.` }],
    'Öppna uppföljningen',
    m,
  );
}

/** A follow-up came back to its projektägare with the reviewer's comment. */
export function submissionReturnedMail(
  m: MailBase & { insatsName: string; period: string; comment: string | null },
): ComposedMail {
  const what = followUp(m.insatsName, m.period);
  return compose(
    `Uppföljningen har skickats tillbaka: ${what}`,
    null,
    [
      { p: `Uppföljningen för ${what} i ${m.organisationName} har skickats tillbaka för komplettering.` },
      ...(m.comment?.trim() ? [{ p: 'Kommentar:' }, { quote: m.comment.trim() }] : []),
    ],
    'Öppna uppföljningen',
    m,
  );
}

/** A follow-up is approved for good. */
export function submissionApprovedMail(m: MailBase & { insatsName: string; period: string }): ComposedMail {
  const what = followUp(m.insatsName, m.period);
  return compose(
    `Uppföljningen är godkänd: ${what}`,
    null,
    [{ p: `Uppföljningen för ${what} i ${m.organisationName} är godkänd av förbundschefen.` }],
    'Se uppföljningen',
    m,
  );
}

/** A follow-up's deadline is near and it is not sent in. `deadline` is a day (YYYY-MM-DD) or a moment. */
export function submissionReminderMail(
  m: MailBase & { insatsName: string; period: string; deadline: string; daysBefore: number },
): ComposedMail {
  const when = m.daysBefore === 1 ? 'i morgon' : `om ${m.daysBefore} dagar`;
  const what = followUp(m.insatsName, m.period);
  return compose(
    `Påminnelse: uppföljningen för ${m.insatsName} ska lämnas ${when}`,
    null,
    [
      {
        p: `Uppföljningen för ${what} i ${m.organisationName} ska lämnas senast ${swedishDay(m.deadline)}. Den är ännu inte inskickad.`,
      },
    ],
    'Fyll i uppföljningen',
    m,
  );
}

/** The document's name as people know it: "Årsredovisning 2025". */
export function documentName(kind: string, year: number): string {
  return `${REPORT_KIND_LABEL[kind] ?? 'Dokument'} ${year}`;
}

/** A signer is asked to sign a report (or a reminder that they still are). */
export function signingRequestMail(
  m: MailBase & { name: string; kind: string; year: number; expiresAt: Date | string; reminder?: boolean },
): ComposedMail {
  const doc = documentName(m.kind, m.year);
  return compose(
    `${m.reminder ? 'Påminnelse: ' : ''}${doc} för ${m.organisationName} att underteckna`,
    `Hej ${m.name}!`,
    [
      {
        p: `${m.reminder ? 'Dokumentet' : doc} för ${m.organisationName} väntar ${m.reminder ? 'fortfarande ' : ''}på din underskrift.`,
      },
      { p: `Begäran gäller till och med ${swedishMinute(m.expiresAt)} (svensk tid).` },
    ],
    'Läs och underteckna',
    m,
  );
}

/** A sign-in factor was added to or removed from the reader's account. */
export function factorChangedMail(
  m: MailBase & { name: string; factorName: string; change: 'enrolled' | 'removed'; at: Date },
): ComposedMail {
  const enrolled = m.change === 'enrolled';
  return compose(
    enrolled ? 'Ny inloggningsmetod på ditt konto' : 'En inloggningsmetod har tagits bort från ditt konto',
    `Hej ${m.name}!`,
    [
      {
        p: `${swedishMinute(m.at)} (svensk tid) har ${m.factorName} ${enrolled ? 'lagts till på' : 'tagits bort från'} ditt konto i ${m.organisationName}s samordningsplattform.`,
      },
      { p: 'Var det inte du? Byt lösenord och kontakta kansliet.' },
    ],
    'Se ditt konto',
    m,
  );
}

/** The reader's (old) address was replaced by a new one. */
export function emailChangedMail(m: MailBase & { newEmail: string; at: Date }): ComposedMail {
  return compose(
    'Din e-postadress har ändrats',
    'Hej!',
    [
      {
        p: `${swedishMinute(m.at)} (svensk tid) ändrades e-postadressen för ditt konto i ${m.organisationName}s samordningsplattform till ${m.newEmail}.`,
      },
      { p: 'Var det inte du, kontakta kansliet genast.' },
    ],
    'Se ditt konto',
    m,
  );
}

/** An invitation with its one-time link to what the person is invited to (a förbund, the network's account). */
export function invitationMail(
  m: MailBase & { name: string; invitedTo: string; expires: Date },
): ComposedMail {
  return compose(
    `Inbjudan till ${m.invitedTo}`,
    `Hej ${m.name}!`,
    [
      { p: `Du har bjudits in till ${m.invitedTo} på samordningsplattformen.` },
      { p: `Länken gäller till och med ${swedishDay(m.expires)}.` },
    ],
    'Välj ditt lösenord',
    m,
  );
}
