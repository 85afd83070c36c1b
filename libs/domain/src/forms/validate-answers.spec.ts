import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UPPFOLJNING_INSATS_V1 as T } from './template';
import { FormContext, initialAnswers, periodKind, periodYear, validateAnswers } from './validate-answers';

const ROOT = join(__dirname, '../../../../demo/samspelet');
const bundle = JSON.parse(readFileSync(join(ROOT, 'organisation.json'), 'utf8'));
const fixtures = readdirSync(join(ROOT, 'submissions')).map((f) =>
  JSON.parse(readFileSync(join(ROOT, 'submissions', f), 'utf8')),
);

function ctxFor(insatsKey: string, period: string): FormContext {
  const i = bundle.insatser.find((x: { key: string }) => x.key === insatsKey);
  return {
    insatsType: i.type,
    period: periodKind(period)!,
    matpunkter: i.matpunkter.filter((m: { year: number }) => m.year === periodYear(period)),
  };
}

const stegen = () =>
  JSON.parse(
    JSON.stringify(fixtures.find((f) => f.insats === 'stegen' && f.period === 'HELAR-2025').answers),
  );

describe('validateAnswers (template uppfoljning-insats v1)', () => {
  it.each(fixtures.map((f) => [`${f.insats} ${f.period}`, f]))('accepts the fixture %s', (_name, f) => {
    expect(validateAnswers(T, f.answers, ctxFor(f.insats, f.period)).issues).toEqual([]);
  });

  it('derives totals and shares exactly, and suggests bedömningar from targets', () => {
    const r = validateAnswers(T, stegen(), ctxFor('stegen', 'HELAR-2025'));
    expect(r.derived.deltagare.inskrivna_totalt).toBe('91');
    expect(r.derived.vald_i_nara_relationer.vald_besvarade_andel).toBe('0.926829');
    expect(r.derived.ekonomi.avvikelse).toBe('275000.00');
    expect(r.suggestions).toMatchObject({
      deltagare: 'UPPFYLLT',
      stod: 'EJ_UPPFYLLT',
      redo: 'UPPFYLLT',
      vald: 'UPPFYLLT',
    });
  });

  it('names the path of each kind of bad answer', () => {
    const a = stegen();
    a.deltagare.inskrivna_kvinnor = '39';
    a.indikatorer.nojda_andel = '1.7';
    a.resultat[2].bedomning = null;
    a.deltagare.avslutade_till_arbete_studier = 45;
    a.ekonomi.kommentar = '';
    a.verksamhet = 'x'.repeat(5001);
    const issues = validateAnswers(T, a, ctxFor('stegen', 'HELAR-2025')).issues;
    expect(issues).toEqual([
      { path: '$.verksamhet', message: 'får vara högst 5000 tecken (är 5001)' },
      { path: '$.resultat[2].bedomning', message: 'obligatoriskt fält saknas' },
      { path: '$.deltagare.inskrivna_kvinnor', message: 'ska vara ett heltal' },
      {
        path: '$.deltagare.avslutade_till_arbete_studier',
        message: 'får inte vara fler än antalet avslutade',
      },
      { path: '$.indikatorer.nojda_andel', message: 'ska vara en andel mellan 0 och 1 (är 1.7)' },
      {
        path: '$.ekonomi.kommentar',
        message: 'kommentar krävs när avvikelsen är större än 10 % av beviljat belopp',
      },
    ]);
  });

  it('keeps strukturinsatser to their own sections and delår to the prognosis', () => {
    const a = stegen();
    const issues = validateAnswers(T, a, { ...ctxFor('tillitsbyran', 'HELAR-2025') }).issues.map(
      (i) => i.path,
    );
    expect(issues).toEqual(expect.arrayContaining(['$.deltagare', '$.strukturdeltagare', '$.indikatorer']));
    const delar = validateAnswers(T, stegen(), ctxFor('stegen', 'DELAR-2025')).issues;
    expect(delar).toContainEqual({ path: '$.ekonomi.prognos_helar', message: 'obligatoriskt fält saknas' });
  });

  it('starts a submission with one row per mätpunkt and the granted budget', () => {
    const init = initialAnswers(T, ctxFor('stegen', 'HELAR-2025'), { insatsBudget: '2520000.00' });
    expect((init.resultat as unknown[]).length).toBe(8);
    expect(init.ekonomi).toEqual({ beviljat: '2520000.00' });
    expect(init.strukturdeltagare).toBeUndefined();
  });
});
