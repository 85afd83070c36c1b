import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { samspeletInput } from '../../libs/reporting/src/model/__fixtures__/samspelet';
import { buildReport } from '../../libs/reporting/src/model/build-report';
import { renderPdf } from '../../libs/reporting/src/render/pdf-renderer';
import { machineText } from '../helpers/mail-content';

// Issue 13 item 9: no code, JSON path or machine number reaches a reader of the published PDF.
describe('the report PDF as a person reads it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'report-text-'));

  it.each(['delar', 'ar'] as const)(
    'the Samspelet %s has no codes, JSON paths or machine numbers',
    async (kind) => {
      const file = join(dir, `${kind}.pdf`);
      writeFileSync(file, await renderPdf(buildReport(samspeletInput(kind))));
      const text = execFileSync('pdftotext', ['-layout', file, '-'], {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      });
      expect(text.length).toBeGreaterThan(1000);
      const found = text
        .split('\n')
        .flatMap((line, i) => machineText(line).map((f) => `line ${i + 1}: ${f}: ${line.trim()}`));
      expect(found).toEqual([]);
    },
  );

  it('the check itself finds what it looks for', () => {
    expect(machineText('Period HELAR-2025, belopp 5003000.00, andel 0.90, $.mal[0].utfall')).toEqual([
      'period code HELAR-2025',
      'JSON path',
      'amount 5003000.00',
      'share 0.90',
    ]);
    expect(machineText('Belopp 5 003 000 kr, 90,0 %, Helår 2025')).toEqual([]);
  });
});
