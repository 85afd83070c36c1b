import { checkStatusLabel, CHECKS_DOCUMENT_TITLE } from '@app/domain';
import type { ReportModel } from '../model/report-model';
import { runningHeaders } from './pdf-frame';
import { openDocument } from './pdf-renderer';
import {
  bookmark,
  COLOR,
  Doc,
  ensureSpace,
  group,
  heading,
  MARGIN,
  paragraph,
  Struct,
  tag,
} from './pdf-style';

/**
 * The report's checks as a working document for the förbundschef and the revisorer: a PDF of its own beside
 * the published report (never a chapter of what the board signs). What does not add up comes first, each
 * check said in words with its figures in kronor.
 */
export async function renderChecksPdf(model: ReportModel, opts: { compiledAt?: Date } = {}): Promise<Buffer> {
  const title = `${CHECKS_DOCUMENT_TITLE}: ${model.title}`;
  const { doc, root, done } = openDocument(
    `${title} – ${model.organisation.name}`,
    model.organisation.name,
    title,
    opts.compiledAt ?? new Date(),
  );
  doc.addPage();
  bookmark(doc, CHECKS_DOCUMENT_TITLE);
  const sect = group(doc, root, 'Sect');
  heading(doc, sect, title);
  paragraph(doc, sect, model.organisation.name);
  paragraph(
    doc,
    sect,
    'Arbetsdokument för förbundschefen och revisorerna. Det ingår inte i den rapport som styrelsen beslutar om och som publiceras. ' +
      'Varje sammanställning kontrollerar sina egna siffror; alla jämförelser görs på exakta belopp i kronor.',
  );
  const failing = model.checks.filter((c) => c.status !== 'PASS');
  tag(doc, sect, 'P', () =>
    doc
      .font('bold')
      .fontSize(11)
      .fillColor(failing.length ? COLOR.fail : COLOR.pass)
      .text(
        failing.length
          ? `${failing.length} av ${model.checks.length} kontroller stämmer inte; de står först.`
          : `Alla ${model.checks.length} kontroller stämmer.`,
        MARGIN,
        doc.y,
        { width: doc.page.width - 2 * MARGIN },
      ),
  );
  doc.moveDown(0.6);
  checkList(doc, sect, [...failing, ...model.checks.filter((c) => c.status === 'PASS')]);
  sect.end();
  runningHeaders(doc, `${model.organisation.name} · ${title}`, doc.bufferedPageRange().count, new Map());
  root.end();
  doc.end();
  return done;
}

/** The checks as a list: label GODKÄND / EJ GODKÄND, body the message. */
function checkList(doc: Doc, sect: Struct, checks: ReportModel['checks']): void {
  const list = group(doc, sect, 'L');
  for (const c of checks) {
    ensureSpace(doc, 30);
    const y = doc.y;
    const item = group(doc, list, 'LI');
    tag(doc, item, 'Lbl', () =>
      doc
        .font('bold')
        .fontSize(9)
        .fillColor(c.status === 'PASS' ? COLOR.pass : COLOR.fail)
        .text(checkStatusLabel(c.status), MARGIN, y, { width: 80 }),
    );
    tag(doc, item, 'LBody', () =>
      doc
        .font('regular')
        .fillColor(COLOR.text)
        .text(c.message, MARGIN + 84, y, { width: doc.page.width - 2 * MARGIN - 84 }),
    );
    item.end();
    doc.moveDown(0.3);
  }
  list.end();
}
