import { TemplateDef } from '@app/domain';
import { samspeletInput } from './__fixtures__/samspelet';
import { buildReport } from './build-report';
import { ReportInput } from './report-input';

/** Samspelet 2025 with one approved follow-up taken out (and optionally the insats exempted from periods). */
const without = (kind: 'ar' | 'delar', key: string, exempt?: Record<string, string>): ReportInput => {
  const input = samspeletInput(kind);
  const period = kind === 'ar' ? 'HELAR-2025' : 'DELAR-2025';
  return {
    ...input,
    insatser: input.insatser.map((i) => (i.key === key && exempt ? { ...i, exempt } : i)),
    followUps: input.followUps.filter((f) => !(f.insatsKey === key && f.period === period)),
  };
};

describe('the report accounts for every insats funded in the period', () => {
  it('shows a missing follow-up as "Uppföljning saknas" and fails a check that names the insats', () => {
    const model = buildReport(without('ar', 'stegen'));
    const failing = model.checks.filter((c) => c.status === 'FAIL');
    expect(failing.map((c) => c.id)).toEqual(['uppfoljning_finns_stegen']);
    expect(failing[0].message).toContain('Stegen Kristinehamn');
    expect(failing[0].message).toContain('uppföljning saknas för Helår 2025');

    const row = model.sections
      .flatMap((s) => s.tables)
      .find((t) => t.id === 'insatsernas_uppfoljning')!
      .rows.find((r) => r.id === 'stegen')!;
    expect(row.values).toEqual(['Uppföljning saknas']);
    const sub = model.sections
      .find((s) => s.id === 'maluppfoljning')!
      .subsections!.find((s) => s.id === 'insats_stegen')!;
    expect(sub.text).toBe('Uppföljning saknas');
    const bilaga = model.bilagor.find((b) => b.insatsKey === 'stegen')!;
    expect(bilaga.coverage).toBe('SAKNAS');
    expect(bilaga.title).toMatch(/^Bilaga \d+: Uppföljning Stegen Kristinehamn, Helår 2025$/);
    expect(bilaga.sections[0].title).toBe('Uppföljning saknas');
    expect(model.followUpCoverage!.find((c) => c.insatsKey === 'stegen')!.state).toBe('SAKNAS');
  });

  it('keeps the bilagor in insats order, one per insats of the period', () => {
    const model = buildReport(without('ar', 'larvux'));
    expect(model.bilagor.map((b) => b.insatsKey)).toEqual(samspeletInput('ar').insatser.map((i) => i.key));
    expect(model.bilagor.map((b) => b.id)).toEqual(model.bilagor.map((_, i) => `bilaga_${i + 1}`));
  });

  it('an exempted insats shows "Undantagen: <skäl>" and its check passes', () => {
    const reason = 'Insatsen pausades under året; styrelsen informerad 2025-10-14.';
    const model = buildReport(without('ar', 'stegen', { 'HELAR-2025': reason }));
    expect(model.checks.filter((c) => c.status === 'FAIL')).toEqual([]);
    const check = model.checks.find((c) => c.id === 'uppfoljning_finns_stegen')!;
    expect(check.message).toContain(reason);
    const row = model.sections
      .flatMap((s) => s.tables)
      .find((t) => t.id === 'insatsernas_uppfoljning')!
      .rows.find((r) => r.id === 'stegen')!;
    expect(row.values).toEqual([`Undantagen: ${reason}`]);
    expect(model.bilagor.find((b) => b.insatsKey === 'stegen')!.sections[0].lines[0][1]).toBe(
      `Undantagen: ${reason}`,
    );
  });

  it('an exemption for another period does not count', () => {
    const model = buildReport(without('ar', 'stegen', { 'DELAR-2025': 'Gäller delåret.' }));
    expect(model.checks.filter((c) => c.status === 'FAIL').map((c) => c.id)).toEqual([
      'uppfoljning_finns_stegen',
    ]);
  });

  it('an insats that starts after the Delår owes no Delår follow-up (its dates decide)', () => {
    const input = samspeletInput('delar');
    const dated: ReportInput = {
      ...input,
      insatser: input.insatser.map((i) =>
        i.key.startsWith('forb-')
          ? { ...i, start: i.key === 'forb-karlstad' ? '2025-08-01' : '2025-09-01', end: '2026-12-31' }
          : { ...i, start: '2020-01-01', end: '2026-12-31' },
      ),
    };
    const model = buildReport(dated);
    expect(model.followUpCoverage!.map((c) => c.insatsKey)).not.toContain('forb-hammaro');
    expect(model.checks.filter((c) => c.status === 'FAIL')).toEqual([]);
    // Starting on 30 June (inside the Delår) it owes one, and its absence fails the check.
    const june = buildReport({
      ...dated,
      insatser: dated.insatser.map((i) => (i.key === 'forb-hammaro' ? { ...i, start: '2025-06-30' } : i)),
    });
    expect(june.checks.filter((c) => c.status === 'FAIL').map((c) => c.id)).toEqual([
      'uppfoljning_finns_forb-hammaro',
    ]);
  });

  it('an insats that ended before the period owes nothing', () => {
    const input = samspeletInput('ar');
    const model = buildReport({
      ...without('ar', 'tillitsbyran'),
      insatser: input.insatser.map((i) =>
        i.key === 'tillitsbyran' ? { ...i, start: '2020-10-01', end: '2024-12-31' } : i,
      ),
    });
    expect(model.followUpCoverage!.map((c) => c.insatsKey)).not.toContain('tillitsbyran');
    expect(model.checks.filter((c) => c.status === 'FAIL')).toEqual([]);
  });
});

describe('bilagor render each follow-up with its own template version', () => {
  it("shows a förbund's own section and field with their own labels", () => {
    const input = samspeletInput('ar');
    const own: TemplateDef = {
      key: 'uppfoljning-insats',
      version: 7,
      title: 'Uppföljning, förbundets version',
      sections: [
        { key: 'verksamhet', title: 'Så gick året', kind: 'text' },
        {
          key: 'lokalt',
          title: 'Förbundets egna frågor',
          kind: 'group',
          fields: [
            { key: 'samverkansmoten', label: 'Antal samverkansmöten', type: 'integer' },
            { key: 'extra_medel', label: 'Extra medel', type: 'money' },
          ],
        },
      ],
    };
    const f = input.followUps.find((x) => x.insatsKey === 'stegen' && x.period === 'HELAR-2025')!;
    const mine = {
      ...f,
      template: own,
      answers: { ...f.answers, lokalt: { samverkansmoten: 12, extra_medel: '25000.00' } },
    };
    const model = buildReport({
      ...input,
      followUps: input.followUps.map((x) => (x === f ? mine : x)),
    });
    const b = model.bilagor.find((x) => x.insatsKey === 'stegen')!;
    expect(b.sections.map((s) => s.title)).toEqual(['Så gick året', 'Förbundets egna frågor']);
    expect(b.sections[1].lines).toEqual([
      ['Antal samverkansmöten', '12'],
      ['Extra medel', '25 000 kr'],
    ]);
    // The others keep the standard template's sections.
    expect(model.bilagor.find((x) => x.insatsKey === 'tris')!.sections[0].title).not.toBe('Så gick året');
  });
});
