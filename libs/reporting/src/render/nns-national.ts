import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { formatPercent, money, NnsModel, SURVEY_GROUP_LABEL } from '@app/domain';
import { BOLD, REGULAR, tag } from './pdf-style';

export interface NationalPicture {
  year: number;
  organisations: number;
  nns: NnsModel | null;
}

const share = (v: string | null) => (v === null ? 'För få svar' : formatPercent(money(v), 0));
const title = (p: NationalPicture) => `NNS indikatorenkät ${p.year}: nationell sammanställning`;
const intro = (p: NationalPicture) =>
  `Summan av svaren från de ${p.organisations} samordningsförbund som beslutat att bidra. Andelarna räknas ur de summerade antalen; grupper med färre än ${p.nns?.minGroupSize ?? 5} svar redovisas inte. Inget enskilt förbunds andelar visas.`;

/** The national roll-up as a workbook: one row per indicator question, shares as numbers with a percent format. */
export async function renderNationalXlsx(p: NationalPicture): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Samordningsplattformen';
  wb.title = title(p);
  const ws = wb.addWorksheet('Nationellt');
  ws.addRow([title(p)]).font = { bold: true, size: 13 };
  ws.addRow([intro(p)]);
  ws.addRow([]);
  ws.addRow(['Indikator', 'Grupp', 'Fråga', 'Frågetext', 'Svarande', 'Positiva', 'Andel positiva']).font = {
    bold: true,
  };
  for (const i of p.nns?.indicators ?? []) {
    const row = ws.addRow([
      i.indicator,
      SURVEY_GROUP_LABEL[i.survey],
      i.question,
      i.questionText,
      i.respondents,
      i.suppressed ? null : i.positive,
      i.topShare === null ? 'För få svar' : money(i.topShare).toNumber(),
    ]);
    row.getCell(7).numFmt = '0%';
  }
  ws.getColumn(4).width = 60;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The national roll-up as a PDF/A-2a with embedded fonts, tagged: title, how it is made, each indicator question. */
export function renderNationalPdf(p: NationalPicture): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      pdfVersion: '1.7',
      subset: 'PDF/A-2a',
      tagged: true,
      lang: 'sv-SE',
      info: {
        Title: title(p),
        Creator: 'Samordningsplattformen',
        Producer: 'Samordningsplattformen (PDFKit)',
      },
      displayTitle: true,
      font: REGULAR,
    });
    const parts: Buffer[] = [];
    doc.on('data', (c: Buffer) => parts.push(c));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.on('error', reject);
    doc.registerFont('regular', REGULAR);
    doc.registerFont('bold', BOLD);
    doc.addPage();
    const root = doc.struct('Document');
    doc.addStructure(root);
    tag(doc, root, 'H1', () => doc.font('bold').fontSize(16).text(title(p)));
    doc.moveDown(0.5);
    tag(doc, root, 'P', () => doc.font('regular').fontSize(10).text(intro(p)));
    doc.moveDown();
    for (const i of p.nns?.indicators ?? []) {
      tag(doc, root, 'H2', () =>
        doc
          .font('bold')
          .fontSize(10)
          .text(
            `Indikator ${i.indicator}, ${SURVEY_GROUP_LABEL[i.survey].toLowerCase()}, fråga ${i.question}`,
          ),
      );
      tag(doc, root, 'P', () => doc.font('regular').fontSize(9).text(i.questionText));
      tag(doc, root, 'P', () => doc.text(`${i.respondents} svar · andel positiva: ${share(i.topShare)}`));
      doc.moveDown(0.5);
    }
    if (!p.nns?.indicators.length)
      tag(doc, root, 'P', () =>
        doc.font('regular').fontSize(10).text('Inga svar att sammanställa för året.'),
      );
    root.end();
    doc.end();
  });
}
