import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { samspeletInput } from '../model/__fixtures__/samspelet';
import { buildReport } from '../model/build-report';
import { renderPdf } from './pdf-renderer';
import { run, structAlts } from './__fixtures__/pdf-probe';

/** Issue 14's presentation findings, page by page against seeds 000 and 001, read back from the PDFs. */
describe('the Samspelet reports as the seeds present them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'presentation-'));
  const files: Record<'delar' | 'ar', { file: string; pdf: Buffer; text: string; struct: string }> =
    {} as never;

  beforeAll(async () => {
    for (const kind of ['delar', 'ar'] as const) {
      const input = samspeletInput(kind);
      // One follow-up approved by two people, and one whose gender-equality text was left empty.
      input.followUps[0] = {
        ...input.followUps[0],
        approvals: [
          { name: 'Stina Styrgrupp', at: '2025-08-14T08:12:00Z' },
          { name: 'Fia Förbundschef', at: '2025-12-01T16:30:00Z' },
        ],
        answers: { ...input.followUps[0].answers, jamstalldhet: '  ' },
      };
      const pdf = await renderPdf(buildReport(input), { compiledAt: new Date('2026-02-15T10:00:00Z') });
      const file = join(dir, `${kind}.pdf`);
      writeFileSync(file, pdf);
      files[kind] = {
        file,
        pdf,
        // pdftotext gives a no-break space as a space
        text: run('pdftotext', ['-layout', file, '-']).replace(/\u00a0/g, ' '),
        struct: run('pdfinfo', ['-struct-text', file]),
      };
    }
  }, 120_000);

  it('prints the balance sheet with the seed’s groups and subtotals, each a row header', () => {
    const { text, struct } = files.ar;
    const labels = [
      'Tillgångar',
      'Omsättningstillgångar',
      'Fordringar (not 4)',
      'Kassa och bank',
      'Summa omsättningstillgångar',
      'Summa tillgångar',
      'Eget kapital, avsättningar och skulder',
      'Eget kapital',
      'Årets resultat',
      'Övrigt eget kapital',
      'Summa eget kapital',
      'Skulder',
      'Kortfristiga skulder (not 5)',
      'Summa kortfristiga skulder',
      'Summa eget kapital och skulder',
    ];
    const page = text.slice(text.indexOf('3 Balansräkning\n'));
    const lines = page.split('\n').map((l) => l.trim());
    const at = labels.map((l) => lines.findIndex((x) => x === l || x.startsWith(`${l}  `)));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(lines[at[4]]).toMatch(/Summa omsättningstillgångar\s+7 102\s+6 021$/);
    // the group headings are row headers (TH, scope Row) of the table, with empty cells beside them
    for (const h of [
      'Tillgångar',
      'Omsättningstillgångar',
      'Eget kapital, avsättningar och skulder',
      'Skulder',
    ])
      expect(struct).toMatch(
        new RegExp(`TH:\\s*\\n\\s+/Scope /Row\\s*\\n\\s+"${h}"\\s*\\n\\s+TD\\s*\\n\\s+""`),
      );
    expect(struct).toMatch(
      /TH:\s*\n\s+\/Scope \/Row\s*\n\s+"Summa omsättningstillgångar"\s*\n\s+TD\s*\n\s+"7\u00a0102"/,
    );
  });

  it('gives Styrelsens underskrift the statement, a place-and-date line and a signature line per signer', () => {
    const { text } = files.ar;
    const start = text.indexOf('8 Styrelsens underskrift\n');
    const page = text.slice(start, text.indexOf('Bilaga 1:', start));
    expect(page.replace(/\s+/g, ' ')).toContain(
      'Vi intygar att årsredovisningen ger en rättvisande bild av verksamhetens resultat samt kostnader, intäkter och förbundets ekonomiska ställning.',
    );
    expect(page).toContain('Ort och datum');
    // which day the list of signers is for, in words (no signing request and no plan here: the year-end)
    expect(page.replace(/\s+/g, ' ')).toContain(
      'Styrelsen enligt uppdrag den 31 december 2025, räkenskapsårets sista dag. Beslutsdatum är ännu inte fastställt;',
    );
    // name, then title on the line under it; two signers side by side
    expect(page).toMatch(/Ledamot 1 \(AF\)\s+Ledamot 2 \(REGION\)\s*\n\s*Ordförande\s+Vice ordförande/);
    expect(page).toMatch(/Ledamot 7 \(FK\)\s*\n\s*Ledamot\s*\n/);
    expect(page).toContain('Revisionsberättelse har avgivits den dag som framgår av digital signatur.');
    expect(page).not.toMatch(/Roll\s+Part/);
  });

  it('never breaks a number across lines in the rounding remark of delår not 2', () => {
    const lines = files.delar.text.split('\n');
    const i = lines.findIndex((l) => l.includes('Avrundning: jan–juni 2025'));
    const remark = lines.slice(i, i + 3).join('\n');
    for (const n of ['5 005', '5 003', '5 016', '5 014'])
      expect(remark.split('\n').some((l) => l.includes(n))).toBe(true);
    // anywhere in either report: no line ends in digits that the next line continues with a thousands group or a unit
    for (const { text } of Object.values(files)) {
      const ls = text.split('\n').map((l) => l.trim());
      const broken = ls.flatMap((l, k) =>
        /[^\s\d-]\s\d{1,3}$/.test(l) && /^(\d{3}\b|%|kr\b|tkr\b)/.test(ls[k + 1] ?? '') && !/\s{3,}/.test(l)
          ? [`${l} / ${ls[k + 1]}`]
          : [],
      );
      expect(broken).toEqual([]);
    }
  });

  it('prints bilagor with "–" for what was not measured, no empty headings, and the approval in words', () => {
    const { text } = files.ar;
    const start = text.indexOf('Bilaga 1:', text.indexOf('8 Styrelsens underskrift\n'));
    const first = text.slice(start, text.indexOf('Bilaga 2:', start));
    expect(first).toMatch(/Andel nöjda\s+– \(ej mätt\)/);
    expect(first).not.toMatch(/Andel nöjda\s+0 %/);
    expect(first).not.toMatch(/^\s*Jämställdhet\s*$/m);
    // who approved, when, in Swedish time (CEST in August, CET in December); no hash in the published text
    expect(first.replace(/\s+/g, ' ')).toContain(
      'Godkänd av Stina Styrgrupp 2025-08-14 kl. 10:12 och Fia Förbundschef 2025-12-01 kl. 17:30.',
    );
    expect(text).not.toMatch(/SHA-256|[0-9a-f]{64}/);
  });

  it('points a chart whose figures are a printed table to that table instead of printing them twice', async () => {
    const { text, pdf } = files.delar;
    expect(text).not.toContain('Diagrammets värden');
    const alts = await structAlts(pdf, 'Figure');
    expect(alts).toContainEqual(
      expect.stringMatching(
        /^Stapeldiagram: Budget och prognos per kostnadsställe\..*Värdena står i tabellen "Helårsprognos i förhållande till budget" ovan\.$/,
      ),
    );
    // the årsredovisning's five-year chart names the five-year overview (its rows are the chart's series)
    expect(await structAlts(files.ar.pdf, 'Figure')).toContainEqual(
      expect.stringMatching(/Värdena står i tabellen "Femårsöversikt" ovan\.$/),
    );
  });
});
