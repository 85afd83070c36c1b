import ExcelJS from 'exceljs';
import { AMOUNT_UNIT_LABEL, checkStatusLabel, money } from '@app/domain';
import type { ReportModel } from '../model/report-model';

/** One sheet per statement; numbers are numbers with number formats, in the förbund's unit. */
export async function renderXlsx(model: ReportModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = model.organisation.name;
  wb.title = `${model.title} – ${model.organisation.name}`;
  const divisor = model.unit === 'tkr' ? 1000 : 1;
  const amountFmt = '#,##0;-#,##0';
  const used = new Set<string>();
  const sheetName = (title: string) => {
    let name = title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
    for (let i = 2; used.has(name); i++) name = `${title.slice(0, 28)} ${i}`;
    used.add(name);
    return name;
  };
  for (const section of model.sections) {
    for (const t of section.tables) {
      const ws = wb.addWorksheet(sheetName(t.title ?? section.title));
      ws.addRow([t.title ?? section.title]).font = { bold: true, size: 13 };
      ws.addRow([
        `${model.organisation.name}, ${model.period.start} – ${model.period.end}. ${AMOUNT_UNIT_LABEL[model.unit]}.`,
      ]);
      ws.addRow([]);
      const header = ws.addRow(['', ...t.columns]);
      header.font = { bold: true };
      for (const r of t.rows) {
        const cells = r.values.map((v) => {
          if (v === null || v === '') return null;
          if (r.format === 'text') return v;
          if (r.format === 'integer') return Number(v);
          if (!/^-?\d+(\.\d+)?$/.test(v)) return v;
          // Exact decimal to the cell's number at the last step; the format rounds for display.
          return r.format === 'percent' || r.format === 'share'
            ? money(v).toNumber()
            : money(v).dividedBy(divisor).toNumber();
        });
        const row = ws.addRow([r.label, ...cells]);
        if (r.total || r.heading) row.font = { bold: true };
        r.values.forEach((_, i) => {
          row.getCell(i + 2).numFmt =
            r.format === 'percent'
              ? '0.0%'
              : r.format === 'share'
                ? '0%'
                : r.format === 'integer'
                  ? '0'
                  : amountFmt;
        });
      }
      for (const n of t.notes ?? []) ws.addRow([`Avrundning: ${n}`]);
      ws.getColumn(1).width = 52;
      for (let i = 2; i <= t.columns.length + 1; i++) ws.getColumn(i).width = 16;
    }
  }
  const kf = wb.addWorksheet(sheetName('Nyckeltal (exakta)'));
  kf.addRow(['Nyckeltal', 'Period', 'Jämförelse']).font = { bold: true };
  for (const [k, v] of Object.entries(model.keyFigures.current)) {
    const row = kf.addRow([
      k,
      money(v).toNumber(),
      model.keyFigures.previous[k] !== undefined ? money(model.keyFigures.previous[k]).toNumber() : null,
    ]);
    row.getCell(2).numFmt = row.getCell(3).numFmt = /andel|soliditet|budgetram/.test(k)
      ? '0.000000'
      : '#,##0.00';
  }
  kf.getColumn(1).width = 44;
  kf.getColumn(2).width = 18;
  kf.getColumn(3).width = 18;
  const checks = wb.addWorksheet(sheetName('Kontroller'));
  checks.addRow(['Kontroll', 'Status', 'Beskrivning']).font = { bold: true };
  for (const c of model.checks) checks.addRow([c.id, checkStatusLabel(c.status), c.message]);
  checks.getColumn(1).width = 36;
  checks.getColumn(3).width = 120;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
