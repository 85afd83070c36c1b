import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeNns, validateNnsCatalogue, validateSurveyCounts } from '@app/domain';
import type { ReportInput } from '../report-input';
import { nnsAnnex } from './nns-annex';

const demo = join(__dirname, '..', '..', '..', '..', '..', 'demo');
const read = (p: string) => JSON.parse(readFileSync(join(demo, p), 'utf8'));

function inputWith(utfall: string | null, metric = 'nns:7:DELTAGARE_AVSLUT:6'): ReportInput {
  const c = validateNnsCatalogue(read('nns/nns-katalog.json'));
  if (!c.ok) throw new Error('catalogue');
  const v = validateSurveyCounts(read('samspelet/nns/samspelet-nns-2025.json'), c.catalogue);
  if (!v.ok) throw new Error('counts');
  return {
    financialGoals: [],
    followUps: [
      {
        insatsKey: 'stegen',
        insatsName: 'Stegen',
        matpunkter: [{ key: 'redo', text: 'Minst 70 % känner sig mer redo', metric }],
        answers: { resultat: utfall === null ? [] : [{ matpunkt: 'redo', utfall }] },
      },
    ],
    nns: { model: computeNns(2025, v.counts, c.catalogue), source: 'IMPORT' },
  } as unknown as ReportInput;
}

describe('the NNS annex', () => {
  it('passes a mätpunkt whose reported share is the annex share', () => {
    const r = nnsAnnex(inputWith('0.83'));
    expect(r.checks).toEqual([expect.objectContaining({ id: 'nns_matpunkt_stegen_redo', status: 'PASS' })]);
  });

  it('fails a mätpunkt that prints 80 % where the answers give 83 %, naming both', () => {
    const [c] = nnsAnnex(inputWith('0.80')).checks;
    expect(c.status).toBe('FAIL');
    expect(c.message).toContain('uppföljningen anger 80\u00a0%');
    expect(c.message).toContain('ger 83\u00a0% (5 av 6)');
  });

  it('fails a mätpunkt measured by an indicator the year has no answers for', () => {
    const [c] = nnsAnnex(inputWith('0.9', 'nns:15:BEREDNINGSGRUPP:5')).checks;
    expect(c.status).toBe('FAIL');
  });

  it("gives the contract's nns with exact shares, and shows each question's distribution", () => {
    const r = nnsAnnex(inputWith(null));
    expect(r.model?.indicators.find((i) => i.indicator === 7)).toMatchObject({
      respondents: 6,
      positive: 5,
      topShare: '0.83333333333333333333',
    });
    const t = r.section?.tables.find((x) => x.id === 'nns_7_DELTAGARE_AVSLUT_6');
    expect(t?.rows.map((x) => [x.label, x.values[0]])).toEqual([
      ['Delvis', '1'],
      ['Till mycket stor del', '1'],
      ['Helt och hållet', '4'],
      ['Svarande', '6'],
      ['Andel positiva svar', '0.83333333333333333333'],
    ]);
  });
});
