import { defaultReportStructure, REPORT_TEXT_MISSING, validateReportStructure } from '@app/domain';
import { samspeletInput } from './__fixtures__/samspelet';
import { buildReport } from './build-report';

const outline = (m: ReturnType<typeof buildReport>) =>
  m.sections.map((s) => `${s.level ? '  ' : ''}${s.number ? `${s.number} ` : ''}${s.title}`);

describe('the report structure', () => {
  it('gives the årsredovisning the seed’s förvaltningsberättelse 1.1–1.7 and chapters by default', () => {
    const model = buildReport(samspeletInput('ar'));
    expect(model.structureVersion).toBeNull();
    const o = outline(model);
    expect(o.slice(0, 5)).toEqual([
      'Förvaltningsberättelse',
      '  Organisation',
      '  Uppdrag',
      '  Finansiering',
      '  Verksamhetsidé och vision',
    ]);
    expect(o.filter((l) => /^ {2}1\.\d /.test(l))).toEqual([
      '  1.1 Översikt över verksamhetens utveckling',
      '  1.2 Viktiga förhållanden för resultat och ekonomisk ställning',
      '  1.3 Händelser av väsentlig betydelse',
      '  1.4 Styrning och uppföljning av verksamheten',
      '  1.5 God ekonomisk hushållning, måluppfyllelse och ekonomisk ställning',
      '  1.6 Väsentliga personalförhållanden',
      '  1.7 Förväntad utveckling',
    ]);
    expect(model.sections.filter((s) => !s.level).map((s) => s.id)).toEqual([
      'forvaltningsberattelse',
      'resultatrakning',
      'balansrakning',
      'kassaflodesanalys',
      'driftredovisning',
      'noter',
      'budgetprognos',
      'underskrifter',
      ...(model.nns ? ['nns_indikatorer'] : []),
    ]);
    // required texts nobody wrote say so; the funding per party adds up to the year's 10 006 tkr
    expect(model.sections.find((s) => s.id === 'personal')!.text).toBe(REPORT_TEXT_MISSING);
    const fin = model.sections.find((s) => s.id === 'finansiering')!;
    expect(fin.text).toBe('Medelstilldelningen från parterna för 2025 uppgick till 10\u00a0006 tkr.');
    expect(fin.tables[0].rows.at(-1)!.values).toEqual(['10006000.00', '10028000.00']);
    // the board: printed once, in Styrelse och revisorer right after 1.4, with who appointed each
    expect(o.indexOf('  Styrelse och revisorer')).toBe(o.findIndex((l) => l.startsWith('  1.4 ')) + 1);
    expect(model.sections.find((s) => s.id === 'styrning')!.tables).toEqual([]);
    const board = model.sections.find((s) => s.id === 'styrelse')!.tables[0];
    expect(board.rows[0].label).toBe('Ledamot 1 (AF)');
    expect(board.rows[0].values.slice(0, 2)).toEqual(['Ordförande', 'Arbetsförmedlingen']);
  });

  it('puts the förbundschef’s texts in their sections, after the figures where there are figures', () => {
    const input = samspeletInput('ar');
    input.texts = {
      personal: 'Förbundet har ingen anställd personal.',
      noter: 'Egen kommentar till noterna.',
    };
    const model = buildReport(input);
    expect(model.sections.find((s) => s.id === 'personal')!.text).toBe(
      'Förbundet har ingen anställd personal.',
    );
    expect(model.sections.find((s) => s.id === 'noter')!.text).toMatch(
      /Not 1 .*\n\nEgen kommentar till noterna\.$/s,
    );
  });

  it('compiles a förbund’s own structure as chosen: one section added, one removed, one renamed', () => {
    const input = samspeletInput('ar');
    const entries = [
      { id: 'ordforande_har_ordet' },
      ...defaultReportStructure('ARSREDOVISNING')
        .filter((e) => e.id !== 'kassaflodesanalys')
        .map((e) => (e.id === 'noter' ? { id: 'noter', heading: 'Noter till räkenskaperna' } : e)),
    ];
    expect(validateReportStructure('ARSREDOVISNING', entries)).toEqual([]);
    input.structure = { version: 3, entries };
    input.texts = { ordforande_har_ordet: 'Ett år av samverkan.' };
    const model = buildReport(input);
    expect(model.structureVersion).toBe(3);
    expect(model.sections[0]).toMatchObject({ id: 'ordforande_har_ordet', title: 'Ordförande har ordet' });
    expect(model.sections[0].text).toBe('Ett år av samverkan.');
    expect(model.sections.map((s) => s.id)).not.toContain('kassaflodesanalys');
    expect(model.sections.find((s) => s.id === 'noter')!.title).toBe('Noter till räkenskaperna');
    // the förvaltningsberättelse is now chapter 2: its parts are numbered 2.1–2.7
    expect(model.sections.find((s) => s.id === 'oversikt')!.number).toBe('2.1');
  });

  it('refuses unknown, repeated or misplaced sections and empty headings', () => {
    expect(validateReportStructure('DELARSRAPPORT', [{ id: 'kassaflodesanalys' }])[0].message).toMatch(
      /finns inte i den här rapporten/,
    );
    const issues = validateReportStructure('ARSREDOVISNING', [
      { id: 'organisation' },
      { id: 'noter', heading: ' ' },
      { id: 'noter' },
      { id: 'hemligt' },
    ]);
    expect(issues.map((i) => i.path)).toEqual(['$[0].id', '$[1].heading', '$[2].id', '$[3].id']);
  });

  it('follows the delårsrapport’s seed: the period, the insatser, the assessments, then the outcome', () => {
    const o = outline(buildReport(samspeletInput('delar')));
    expect(o[0]).toBe('Förvaltningsberättelse');
    expect(o).toContain('  Insatserna under perioden');
    expect(o).toContain('  Bedömning av finansiella mål');
    expect(o).toContain('Noter och redovisningsprinciper');
  });
});
