import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import {
  SIGN_METHOD_LABEL,
  SIGNING_REFUSAL_LABEL,
  signingEventLabel,
  swedishDateTime,
  signerRoleText,
} from '@app/domain';
import type { PadesLevel } from '@app/infra';
import type { SealEventRow, SealSignerRow } from './seal.store';

const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export interface CertificateInput {
  title: string;
  organisation: string;
  documentSha256: string;
  requestId: string;
  signers: SealSignerRow[];
  events: SealEventRow[];
  /** The förbund's audit chain head when the seal was made: the newest entry's number and hash. */
  auditHead: { seq: number; hash: string } | null;
  sealedAt: Date;
  level: PadesLevel;
}

const method = (m: unknown) => SIGN_METHOD_LABEL[String(m)] ?? 'annat sätt';

function signerLine(s: SealSignerRow): string {
  const role = signerRoleText({
    role: s.role,
    title: s.title,
    inPlaceOfName: s.in_place_of_name,
    substitutionReason: s.substitution_reason,
  });
  return `${s.name}, ${role} – undertecknade ${swedishDateTime(s.signed_at)} med ${method(s.method)}`;
}

/** One event as a sentence: what happened, by whom or to whom, how, and why when a reason was given. */
export function eventLine(e: SealEventRow): string {
  const p = e.payload ?? {};
  const reason = p.reason ? String(p.reason) : null;
  const detail = [
    e.actor_name ?? (p.to ? `till ${String(p.to)}` : null),
    p.by && p.inPlaceOf ? `${String(p.by)} för ${String(p.inPlaceOf)}` : null,
    p.method ? method(p.method) : null,
    reason
      ? e.action === 'signing.attempt_refused'
        ? (SIGNING_REFUSAL_LABEL[reason] ?? 'avvisat av annat skäl')
        : `motivering: ${reason}`
      : null,
  ]
    .filter(Boolean)
    .join(', ');
  return `${swedishDateTime(e.at)}   ${signingEventLabel(e.action)}${detail ? ` (${detail})` : ''}`;
}

const LEVEL_TEXT: Record<PadesLevel, string> = {
  'B-LT':
    'PAdES baslinje B-LT: förbundets elektroniska sigill med en tidsstämpel (RFC 3161) och, efter sigillet, certifikatkedjan och dess spärrlistor (CRL) inbäddade så att sigillet kan kontrolleras även när certifikatet har gått ut.',
  'B-T':
    'PAdES baslinje B-T: förbundets elektroniska sigill med en tidsstämpel (RFC 3161) från en tidsstämplingstjänst som visar att sigillet fanns vid den tidpunkten.',
  'B-B':
    'PAdES baslinje B-B: förbundets elektroniska sigill utan tidsstämpel (ingen tidsstämplingstjänst är inställd); tidpunkten ovan är serverns egen.',
};

/** The signing certificate page(s): every signer and event in words and Swedish time, and the audit anchor. */
export async function certificatePages(input: CertificateInput): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56 });
  doc.registerFont('regular', join(FONT_DIR, 'DejaVuSans.ttf'));
  doc.registerFont('bold', join(FONT_DIR, 'DejaVuSans-Bold.ttf'));
  const parts: Buffer[] = [];
  doc.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise<Buffer>((r) => doc.on('end', () => r(Buffer.concat(parts))));
  doc.font('bold').fontSize(17).fillColor('#1f4e79').text('Signeringsintyg');
  doc
    .moveDown(0.4)
    .font('regular')
    .fontSize(10)
    .fillColor('#1a1a1a')
    .text(`${input.title} – ${input.organisation}`);
  doc
    .fontSize(8.5)
    .fillColor('#5a5a5a')
    .text(`Dokumentets SHA-256: ${input.documentSha256}`)
    .text(`Signeringsbegäran: ${input.requestId}`)
    .text('Alla tider är svensk tid (Europe/Stockholm).');
  doc
    .moveDown(0.8)
    .font('bold')
    .fontSize(11)
    .fillColor('#1a1a1a')
    .text(`Underskrifter (${input.signers.length})`);
  for (const s of input.signers) doc.font('regular').fontSize(9.5).text(signerLine(s));
  doc.moveDown(0.8).font('bold').fontSize(11).text('Händelser');
  for (const e of input.events) doc.font('regular').fontSize(8.5).text(eventLine(e));
  doc
    .font('regular')
    .fontSize(8.5)
    .text(`${swedishDateTime(input.sealedAt)}   Förseglat med förbundets elektroniska sigill`);
  doc.moveDown(0.8).font('bold').fontSize(11).text('Granskningsloggen vid förseglingen');
  doc
    .font('regular')
    .fontSize(8.5)
    .text(
      input.auditHead
        ? `Senaste posten i förbundets granskningslogg: nr ${input.auditHead.seq}, kedjehash (SHA-256) ${input.auditHead.hash}. Raderas eller ändras en post till och med den stämmer loggen inte längre med detta intyg.`
        : 'Förbundets granskningslogg var tom.',
    );
  doc
    .moveDown(0.8)
    .fontSize(8)
    .fillColor('#5a5a5a')
    .text(
      `${LEVEL_TEXT[input.level]} Sigillet omfattar hela filen: varje ändring av en enda byte gör det ogiltigt; kontrollera med ett program som läser PDF-signaturer, till exempel Adobe Acrobat Reader eller pdfsig.`,
    );
  doc.end();
  return done;
}
