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

/** The signing certificate page(s): every signer and event in words and Swedish time, and the audit anchor. Tagged
 * (PDF/UA) like the report it is appended to, with the same embedded fonts, so the sealed file stays accessible. */
export async function certificatePages(input: CertificateInput): Promise<Buffer> {
  const regular = join(FONT_DIR, 'DejaVuSans.ttf');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    bufferPages: true,
    pdfVersion: '1.7',
    subset: 'PDF/A-2a',
    tagged: true,
    lang: 'sv-SE',
    displayTitle: true,
    font: regular,
    info: { Title: `Signeringsintyg: ${input.title}`, Creator: 'Samordningsplattformen' },
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', join(FONT_DIR, 'DejaVuSans-Bold.ttf'));
  const parts: Buffer[] = [];
  doc.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise<Buffer>((r) => doc.on('end', () => r(Buffer.concat(parts))));
  const root = doc.struct('Document');
  doc.addStructure(root);
  const sect = doc.struct('Sect');
  root.add(sect);
  const el = (type: string, draw: () => void) => sect.add(doc.struct(type, {}, [draw]));
  const list = (lines: string[], size: number) => {
    const l = doc.struct('L');
    sect.add(l);
    for (const line of lines) {
      const li = doc.struct('LI');
      l.add(li);
      li.add(
        doc.struct('LBody', {}, [() => doc.font('regular').fontSize(size).fillColor('#1a1a1a').text(line)]),
      );
      li.end();
    }
    l.end();
  };
  el('H1', () => doc.font('bold').fontSize(17).fillColor('#1f4e79').text('Signeringsintyg'));
  el('P', () =>
    doc
      .moveDown(0.4)
      .font('regular')
      .fontSize(10)
      .fillColor('#1a1a1a')
      .text(`${input.title} – ${input.organisation}`),
  );
  el('P', () =>
    doc
      .fontSize(8.5)
      .fillColor('#5a5a5a')
      .text(`Dokumentets SHA-256: ${input.documentSha256}`)
      .text(`Signeringsbegäran: ${input.requestId}`)
      .text('Alla tider är svensk tid (Europe/Stockholm).'),
  );
  el('H2', () =>
    doc
      .moveDown(0.8)
      .font('bold')
      .fontSize(11)
      .fillColor('#1a1a1a')
      .text(`Underskrifter (${input.signers.length})`),
  );
  list(input.signers.map(signerLine), 9.5);
  el('H2', () => doc.moveDown(0.8).font('bold').fontSize(11).fillColor('#1a1a1a').text('Händelser'));
  list(
    [
      ...input.events.map(eventLine),
      `${swedishDateTime(input.sealedAt)}   Förseglat med förbundets elektroniska sigill`,
    ],
    8.5,
  );
  el('H2', () =>
    doc
      .moveDown(0.8)
      .font('bold')
      .fontSize(11)
      .fillColor('#1a1a1a')
      .text('Granskningsloggen vid förseglingen'),
  );
  el('P', () =>
    doc
      .font('regular')
      .fontSize(8.5)
      .text(
        input.auditHead
          ? `Senaste posten i förbundets granskningslogg: nr ${input.auditHead.seq}, kedjehash (SHA-256) ${input.auditHead.hash}. Raderas eller ändras en post till och med den stämmer loggen inte längre med detta intyg.`
          : 'Förbundets granskningslogg var tom.',
      ),
  );
  el('P', () =>
    doc
      .moveDown(0.8)
      .fontSize(8)
      .fillColor('#5a5a5a')
      .text(
        `${LEVEL_TEXT[input.level]} Sigillet omfattar hela filen: varje ändring av en enda byte gör det ogiltigt; kontrollera med ett program som läser PDF-signaturer, till exempel Adobe Acrobat Reader eller pdfsig.`,
      ),
  );
  sect.end();
  root.end();
  // Its own page numbers: the report's "Sida N av M" counts the report's pages only.
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // below the bottom margin: without this pdfkit would start a new page for the footer
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font('regular')
      .fontSize(8)
      .fillColor('#5a5a5a')
      .text(`Signeringsintyg, sida ${i + 1} av ${range.count}`, 56, doc.page.height - 46, {
        width: doc.page.width - 112,
        align: 'right',
        lineBreak: false,
      });
    doc.endMarkedContent();
  }
  doc.end();
  return done;
}
