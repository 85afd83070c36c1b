import { readFileSync } from 'node:fs';
import { decimalString } from '../money/money';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { validateNnsCatalogue } from './nns-catalogue';
import { sumSurveyCounts, validateSurveyCounts } from './nns-counts';
import { computeNns, exactShare, wholePercent } from './nns-shares';

const root = join(__dirname, '..', '..', '..', '..', 'demo');
const load = (p: string) => JSON.parse(readFileSync(join(root, p), 'utf8'));
const catalogueFile = load('nns/nns-katalog.json');
const counts2025 = load('samspelet/nns/samspelet-nns-2025.json');
const expected = load('samspelet/nns/expected-nns-2025.json') as {
  indicators: Array<{
    indicator: number;
    survey: string;
    question: number;
    respondents: number;
    positive: number;
    topShare: string;
    printed: string;
  }>;
};

function catalogue() {
  const r = validateNnsCatalogue(catalogueFile);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.catalogue;
}

describe('NNS shares from counts', () => {
  it('gives the expected shares of the Samspelet 2025 counts, from counts and not from rounded parts', () => {
    const v = validateSurveyCounts(counts2025, catalogue());
    if (!v.ok) throw new Error(JSON.stringify(v.issues));
    const model = computeNns(2025, v.counts, catalogue());
    expect(
      model.indicators.map((i) => ({
        indicator: i.indicator,
        survey: i.survey,
        question: i.question,
        respondents: i.respondents,
        positive: i.positive,
        topShare: decimalString(new Decimal(i.topShare as string), 6),
        printed: `${i.percent} %`,
      })),
    ).toEqual(expected.indicators);
  });

  it('prints 5 of 6 as 83 %, although 17 % + 67 % would print 84 %', () => {
    expect(exactShare(5, 6)).toBe('0.83333333333333333333');
    expect(wholePercent(5, 6)).toBe(83);
    expect(wholePercent(1, 6) + wholePercent(4, 6)).toBe(84);
  });

  it('shows a group under the minimum as too few, never as a share', () => {
    const model = computeNns(
      2025,
      { responses: [{ survey: 'STYRELSE', question: 1, counts: { HELT_OCH_HALLET: 3 } }] },
      catalogue(),
    );
    expect(model.indicators[0]).toMatchObject({
      respondents: 3,
      suppressed: true,
      topShare: null,
      percent: null,
      distribution: [],
    });
  });

  it('reports response rates per group from asked and answered', () => {
    const v = validateSurveyCounts(counts2025, catalogue());
    if (!v.ok) throw new Error('invalid');
    const rates = computeNns(2025, v.counts, catalogue()).collected;
    expect(rates.map((r) => r.survey)).toEqual([
      'DELTAGARE_AVSLUT',
      'PERSONAL',
      'STYRELSE',
      'BEREDNINGSGRUPP',
    ]);
    expect(decimalString(new Decimal(rates[0].responseRate as string), 4)).toBe('0.7500');
  });

  it('refuses counts with every error located by its path', () => {
    const r = validateSurveyCounts(
      {
        collected: { STYRELSE: { asked: 3, answered: 5 } },
        responses: [
          { survey: 'STYRELSE', question: 99, counts: { DELVIS: 1 } },
          { survey: 'STYRELSE', question: 1, counts: { KANSKE: 2 } },
          { survey: 'STYRELSE', question: 2, counts: { DELVIS: -1 } },
        ],
      },
      catalogue(),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['$.responses[1].counts', '$.responses[2].counts.DELVIS']));
    const again = validateSurveyCounts(
      {
        collected: { STYRELSE: { asked: 3, answered: 5 } },
        responses: [{ survey: 'STYRELSE', question: 99, counts: { DELVIS: 1 } }],
      },
      catalogue(),
    );
    expect(again.ok ? [] : again.issues.map((i) => i.path)).toEqual([
      '$.collected.STYRELSE.answered',
      '$.responses[0].question',
    ]);
  });

  it('refuses a catalogue whose question points at an unknown indicator', () => {
    const bad = structuredClone(catalogueFile);
    bad.questions[0].indicator = 77;
    const r = validateNnsCatalogue(bad);
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['$.questions[0].indicator']);
  });
});

describe('the national roll-up', () => {
  it('adds counts, never shares, and suppresses a group that stays small', () => {
    const a = {
      collected: { STYRELSE: { asked: 7, answered: 6 } },
      responses: [
        { survey: 'STYRELSE' as const, question: 1, counts: { DELVIS: 1, TILL_STOR_DEL: 5 } },
        { survey: 'PERSONAL' as const, question: 5, counts: { DELVIS: 1 } },
      ],
    };
    const b = {
      collected: { STYRELSE: { asked: 5, answered: 4 } },
      responses: [
        { survey: 'STYRELSE' as const, question: 1, counts: { TILL_STOR_DEL: 1, HELT_OCH_HALLET: 3 } },
        { survey: 'PERSONAL' as const, question: 5, counts: { HELT_OCH_HALLET: 2 } },
      ],
    };
    const sum = sumSurveyCounts([a, b]);
    expect(sum.collected).toEqual({ STYRELSE: { asked: 12, answered: 10 } });
    const model = computeNns(2025, sum, catalogue());
    const styrelse = model.indicators.find((i) => i.survey === 'STYRELSE');
    expect(styrelse).toMatchObject({ respondents: 10, positive: 9, percent: 90 });
    expect(model.indicators.find((i) => i.survey === 'PERSONAL')).toMatchObject({
      respondents: 3,
      suppressed: true,
      topShare: null,
    });
  });
});
