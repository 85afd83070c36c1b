import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { samspeletInput } from '../model/__fixtures__/samspelet';
import { buildReport } from '../model/build-report';
import { renderChecksPdf } from './checks-pdf';
import { renderPdf } from './pdf-renderer';
import { run } from './__fixtures__/pdf-probe';

const dir = mkdtempSync(join(tmpdir(), 'checks-'));
const write = (name: string, pdf: Buffer) => {
  const file = join(dir, name);
  writeFileSync(file, pdf);
  return file;
};

describe('what is published is what the board signs', () => {
  const input = samspeletInput('ar');
  input.history.push({ year: 2024, figures: { verksamhetens_intakter: '9999000' } });
  input.history = input.history.filter((h) => !(h.year === 2024 && 'antal_anstallda' in h.figures));
  const model = buildReport(input);

  it('the published PDF has no checks chapter and carries the förbund’s name, not the platform’s', async () => {
    const file = write(
      'report.pdf',
      await renderPdf(model, { compiledAt: new Date('2026-02-15T10:00:00Z') }),
    );
    const text = run('pdftotext', [file, '-']);
    expect(text).not.toContain('GODKÄND');
    expect(text).not.toMatch(/kontroller/i);
    expect(text).not.toContain('Samordningsplattformen');
    expect(text).toContain('Samordningsförbundet Samspelet');
    const info = run('pdfinfo', [file]);
    expect(info).toMatch(/^Creator:\s+Samordningsförbundet Samspelet$/m);
    expect(info).not.toContain('Samordningsplattformen');
  });

  it('the checks are a working document of their own: tagged PDF/A, failing checks first, in words', async () => {
    const file = write(
      'checks.pdf',
      await renderChecksPdf(model, { compiledAt: new Date('2026-02-15T10:00:00Z') }),
    );
    const info = run('pdfinfo', [file]);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+Kontroller: Årsredovisning 2025 – Samordningsförbundet Samspelet$/m);
    expect(run('pdfinfo', ['-meta', file])).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    const struct = run('pdfinfo', ['-struct', file]);
    for (const t of ['H1', 'L', 'LI', 'Lbl', 'LBody'])
      expect(struct).toMatch(new RegExp(`^\\s+${t}\\b`, 'm'));
    const text = run('pdftotext', [file, '-']).replace(/\s+/g, ' ');
    expect(text).toContain('Arbetsdokument för förbundschefen och revisorerna');
    expect(text).toContain('1 av');
    // the failing check comes first, its figures in kronor and the row named in words
    expect(text.indexOf('EJ GODKÄND')).toBeLessThan(text.indexOf(' GODKÄND Årets resultat'));
    expect(text).toContain(
      'Verksamhetens intäkter: femårsöversiktens uppgift 9 999 000 kr, huvudboken 10 028 000 kr',
    );
  });
});
