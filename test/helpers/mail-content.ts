import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The paths of the web app's pages, read from its router (apps/web/src/app.tsx), as patterns. */
export function webRoutes(): RegExp[] {
  const app = readFileSync(join(__dirname, '..', '..', 'apps', 'web', 'src', 'app.tsx'), 'utf8');
  return [...app.matchAll(/<Route\s+path="([^"]+)"/g)]
    .map((m) => m[1])
    .filter((p) => p !== '*')
    .map((p) => new RegExp(`^${p.replace(/:[A-Za-z]+/g, '[^/?#]+')}$`));
}

const PERIOD_CODE = /\b(DELAR|HELAR)-\d{4}\b/;
const ROLE_CODE =
  /\b(FORBUNDSCHEF|PROJEKTAGARE|STYRGRUPP|KANSLI|STYRELSELEDAMOT|REVISOR|ORDFORANDE|VICE_ORDFORANDE|PLATFORM_ADMIN|ARSREDOVISNING|DELARSRAPPORT|VERKSAMHETSPLAN)\b/;
const UNDECIMALISED = /\b\d+\.\d{2}\b/;

/**
 * Machine text a person should never read: a period or role code, a JSON path, an amount with a decimal point
 * (5003000.00) or a share written as a decimal (0.90), an API operation name. Returns what was found.
 */
export function machineText(visible: string): string[] {
  const found: string[] = [];
  if (PERIOD_CODE.test(visible)) found.push(`period code ${PERIOD_CODE.exec(visible)?.[0]}`);
  if (ROLE_CODE.test(visible)) found.push(`code ${ROLE_CODE.exec(visible)?.[0]}`);
  if (/\$\.|\$\[/.test(visible)) found.push('JSON path');
  if (UNDECIMALISED.test(visible)) found.push(`amount ${UNDECIMALISED.exec(visible)?.[0]}`);
  const share = /(?<![\d,.])0\.\d{1,4}\b/.exec(visible);
  if (share) found.push(`share ${share[0]}`);
  const op = /\b(verifyDocument|saveSubmission|compileReport|createSigningRequest|importSie)\b/.exec(visible);
  if (op) found.push(`operation ${op[0]}`);
  return found;
}

/**
 * Everything wrong with a mail as a person would read it: machine text in any part (see machineText), a missing
 * förbund name, no link to a page the web app has, no HTML part or an HTML part without that link as <a href>.
 * An empty list means the mail is one people can act on.
 */
export function mailProblems(
  mail: { subject: string; text: string; html: string | null },
  organisationName: string,
): string[] {
  const problems: string[] = [];
  const parts: Array<[string, string]> = [
    ['subject', mail.subject],
    ['text', mail.text],
    ['html', mail.html ?? ''],
  ];
  for (const [name, body] of parts) {
    // What the reader sees: the HTML without its tags, and no link (its ids are not for reading).
    const visible = (name === 'html' ? body.replace(/<[^>]*>/g, ' ') : body).replace(/https?:\/\/\S+/g, '');
    for (const found of machineText(visible)) problems.push(`${name}: ${found}`);
  }
  if (!mail.html) problems.push('no HTML part');
  if (!mail.text.includes(organisationName)) problems.push(`text: no förbund name ${organisationName}`);
  if (mail.html && !mail.html.includes(organisationName)) problems.push('html: no förbund name');
  const link = /https?:\/\/[^\s<>"]+/.exec(mail.text)?.[0];
  if (!link) problems.push('text: no link');
  else {
    const url = new URL(link);
    if (!webRoutes().some((r) => r.test(url.pathname))) problems.push(`link ${url.pathname} is no web page`);
    const escaped = link.replace(/&/g, '&amp;');
    if (mail.html && !mail.html.includes(`<a href="${escaped}"`))
      problems.push('html: no <a href> to the link');
  }
  return problems;
}
