import type { ReportSignatures } from '../model/report-model';
import { artifact, COLOR, Doc, ensureSpace, group, MARGIN, paragraph, Struct, tag } from './pdf-style';

const LINE_WIDTH = 220;
const GAP = 30;

/** A dotted line to sign on: decoration, outside the structure tree. */
function signLine(doc: Doc, x: number, y: number): void {
  artifact(doc, 'Layout', () => {
    doc
      .moveTo(x, y)
      .lineTo(x + LINE_WIDTH, y)
      .dash(1, { space: 2 })
      .lineWidth(0.6)
      .strokeColor(COLOR.text)
      .stroke()
      .undash();
  });
}

/** A line to sign on with the name under it and the title under the name, as one Div of two paragraphs. */
function signer(doc: Doc, parent: Struct, s: { name: string; title: string }, x: number, y: number): number {
  signLine(doc, x, y);
  const div = group(doc, parent, 'Div');
  tag(doc, div, 'P', () =>
    doc
      .font('regular')
      .fontSize(10)
      .fillColor(COLOR.text)
      .text(s.name, x, y + 4, { width: LINE_WIDTH }),
  );
  tag(doc, div, 'P', () =>
    doc.font('regular').fontSize(9).fillColor(COLOR.muted).text(s.title, x, doc.y, { width: LINE_WIDTH }),
  );
  div.end();
  return doc.y;
}

/**
 * Styrelsens underskrift as the seed prints it: the statement, a place-and-date line, then two columns of
 * signature lines, each with the signer's name and title under it; the revisorer after their own sentence.
 */
export function signaturePage(doc: Doc, parent: Struct, sig: ReportSignatures): void {
  paragraph(doc, parent, sig.statement);
  if (sig.note) paragraph(doc, parent, `(${sig.note})`);
  ensureSpace(doc, 60);
  const top = doc.y + 28;
  signLine(doc, MARGIN, top);
  tag(doc, parent, 'P', () =>
    doc
      .font('regular')
      .fontSize(9)
      .fillColor(COLOR.muted)
      .text(sig.placeAndDate, MARGIN, top + 4, { width: doc.page.width - 2 * MARGIN }),
  );
  doc.y += 10;
  // Which day the list of signers is for (the decision, else the compile date or the year-end), in words.
  if (sig.boardAsOf) {
    doc.moveDown(0.6);
    paragraph(doc, parent, sig.boardAsOf.text);
  }
  for (const g of sig.groups) {
    if (g.intro) {
      doc.moveDown(0.6);
      paragraph(doc, parent, g.intro);
    }
    for (let i = 0; i < g.signers.length; i += 2) {
      ensureSpace(doc, 70);
      const y = doc.y + 36;
      const bottoms = g.signers
        .slice(i, i + 2)
        .map((s, k) => signer(doc, parent, s, MARGIN + k * (LINE_WIDTH + GAP), y));
      doc.y = Math.max(...bottoms) + 4;
      doc.x = MARGIN;
    }
  }
  doc.moveDown(0.8);
}
