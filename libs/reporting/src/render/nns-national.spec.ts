import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderNationalPdf } from './nns-national';
import { run, unmarkedPainting } from './__fixtures__/pdf-probe';

describe('the national NNS roll-up PDF', () => {
  it('is a tagged PDF/A-2a in Swedish with its title shown', async () => {
    const pdf = await renderNationalPdf({ year: 2024, organisations: 0, nns: null });
    const file = join(mkdtempSync(join(tmpdir(), 'nns-pdfa-')), 'national.pdf');
    writeFileSync(file, pdf);
    const info = run('pdfinfo', [file]);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+NNS indikatorenkät 2024: nationell sammanställning$/m);
    const meta = run('pdfinfo', ['-meta', file]);
    expect(meta).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(meta).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
    const struct = run('pdfinfo', ['-struct', file]);
    expect(struct).toMatch(/^\s+H1/m);
    expect(struct).toMatch(/^\s+P/m);
    expect(await unmarkedPainting(pdf)).toEqual([]);
    expect(run('pdftotext', [file, '-'])).toContain('Inga svar att sammanställa för året.');
    for (const f of run('pdffonts', [file]).split('\n').slice(2).filter(Boolean))
      expect(f).toMatch(/\s+yes\s+yes\s+/);
  });
});
