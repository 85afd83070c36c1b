import {
  BoardMandate,
  boardOfYear,
  bundleMandateIssues,
  decideSubstitution,
  mandateConflicts,
  mandateCovers,
  mandateIssues,
  mandatePeriodText,
  signersAt,
} from './board-mandates';
import { validateBundle } from '../bundle/bundle.validate';

const m = (over: Partial<BoardMandate> & { personId: string }): BoardMandate => ({
  name: over.personId,
  role: 'STYRELSELEDAMOT',
  title: null,
  appointedBy: 'AF',
  from: null,
  to: null,
  ...over,
});

// The board changes on 2026-03-31: Berit (ordförande for the region) leaves, Cecilia takes over.
const board: BoardMandate[] = [
  m({ personId: 'anna', name: 'Anna', appointedBy: 'FK', title: 'VICE_ORDFORANDE', gender: 'KVINNA' }),
  m({
    personId: 'berit',
    name: 'Berit',
    appointedBy: 'RG',
    title: 'ORDFORANDE',
    to: '2026-03-31',
    gender: 'KVINNA',
  }),
  m({
    personId: 'cecilia',
    name: 'Cecilia',
    appointedBy: 'RG',
    title: 'ORDFORANDE',
    from: '2026-04-01',
    gender: 'KVINNA',
  }),
  m({ personId: 'david', name: 'David', role: 'STYRELSEERSATTARE', appointedBy: 'FK', gender: 'MAN' }),
  m({ personId: 'erik', name: 'Erik', role: 'STYRELSEERSATTARE', appointedBy: 'RG', gender: 'MAN' }),
  m({ personId: 'rev', name: 'Rut Revisor', role: 'REVISOR', appointedBy: null }),
];

describe('board mandates', () => {
  it('covers a day by its open or closed ends', () => {
    expect(mandateCovers({ from: null, to: null }, '2026-01-01')).toBe(true);
    expect(mandateCovers({ from: '2026-04-01', to: null }, '2026-03-31')).toBe(false);
    expect(mandateCovers({ from: null, to: '2026-03-31' }, '2026-03-31')).toBe(true);
    expect(mandateCovers({ from: null, to: '2026-03-31' }, '2026-04-01')).toBe(false);
  });

  it('asks those sitting on the decision date to sign, ordförande first and revisorer last', () => {
    expect(signersAt(board, '2026-04-20', 'ARSREDOVISNING').map((x) => x.personId)).toEqual([
      'cecilia',
      'anna',
      'rev',
    ]);
    expect(signersAt(board, '2026-03-15', 'ARSREDOVISNING').map((x) => x.personId)).toEqual([
      'berit',
      'anna',
      'rev',
    ]);
    expect(signersAt(board, '2026-04-20', 'VERKSAMHETSPLAN').map((x) => x.personId)).toEqual([
      'cecilia',
      'anna',
    ]);
  });

  it('prints the board of the year with the gender split when everyone has one', () => {
    const y2025 = boardOfYear(board, 2025);
    expect(y2025.ledamoter.map((x) => x.personId)).toEqual(['berit', 'anna']);
    expect(y2025.ersattare.map((x) => x.personId)).toEqual(['david', 'erik']);
    expect(y2025.revisorer.map((x) => x.personId)).toEqual(['rev']);
    expect(y2025.genderSplit).toEqual({ kvinnor: 2, man: 2, annat: 0 });
    expect(boardOfYear(board, 2026).ledamoter.map((x) => x.personId)).toEqual(['berit', 'cecilia', 'anna']);
    const unknown = boardOfYear([...board, m({ personId: 'x', name: 'X', from: '2025-06-01' })], 2025);
    expect(unknown.genderSplit).toBeNull();
  });

  it('says the part of a period that falls inside the year', () => {
    expect(mandatePeriodText({ from: null, to: null }, 2026)).toBe('hela året');
    expect(mandatePeriodText({ from: '2022-01-01', to: '2026-03-31' }, 2026)).toBe('till 2026-03-31');
    expect(mandatePeriodText({ from: '2026-04-01', to: null }, 2026)).toBe('från 2026-04-01');
    expect(mandatePeriodText({ from: '2026-04-01', to: '2026-06-30' }, 2026)).toBe('2026-04-01 – 2026-06-30');
  });

  it('validates a mandate: a party for ledamöter and ersättare, titles, periods', () => {
    const parties = new Set(['AF', 'RG']);
    expect(mandateIssues({ role: 'STYRELSELEDAMOT' }, parties).map((i) => i.path)).toEqual(['$.appointedBy']);
    expect(mandateIssues({ role: 'REVISOR' }, parties)).toEqual([]);
    expect(
      mandateIssues({ role: 'STYRELSELEDAMOT', appointedBy: 'XX', title: 'KASSOR' }, parties).map(
        (i) => i.message,
      ),
    ).toEqual(['okänd part "XX"', 'en ledamots titel ska vara ORDFORANDE eller VICE_ORDFORANDE']);
    expect(
      mandateIssues(
        { role: 'STYRELSEERSATTARE', appointedBy: 'AF', from: '2026-05-01', to: '2026-04-01' },
        parties,
      ).map((i) => i.message),
    ).toEqual(['mandatet slutar innan det börjar']);
  });

  it('refuses two ordförande at a time and a second mandate of the same role for one person', () => {
    const again = m({ personId: 'anna', name: 'Anna', appointedBy: 'FK', from: '2026-01-01' });
    expect(mandateConflicts(board, again)).toEqual([
      'personen har redan ett mandat i samma roll under perioden',
    ]);
    const second = m({
      personId: 'fia',
      name: 'Fia',
      title: 'ORDFORANDE',
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(mandateConflicts(board, second)).toEqual(['Berit har redan den titeln under perioden']);
    const after = m({ personId: 'berit', name: 'Berit', from: '2027-01-01' });
    expect(mandateConflicts(board, after)).toEqual([]);
  });

  describe('an ersättare signing in a ledamot’s place', () => {
    const signers = [
      { personId: 'cecilia', role: 'STYRELSELEDAMOT', state: 'SENT' },
      { personId: 'anna', role: 'STYRELSELEDAMOT', state: 'SIGNED' },
      { personId: 'rev', role: 'REVISOR', state: 'SENT' },
    ];
    const base = {
      signers,
      ledamotPersonId: 'cecilia',
      ledamotParty: 'RG',
      ersattarePersonId: 'erik',
      mandates: board,
      decisionDate: '2026-04-20',
      reason: 'Cecilia är sjukskriven.',
    };
    it('is allowed with a reason, for the ersättare of the same party', () => {
      expect(decideSubstitution(base)).toMatchObject({ ok: true, mandate: { personId: 'erik' } });
    });
    it('is refused without reason, for another party, for a signed ledamot or a revisor', () => {
      expect(decideSubstitution({ ...base, reason: ' ' })).toEqual({ ok: false, reason: 'REASON_REQUIRED' });
      expect(decideSubstitution({ ...base, ersattarePersonId: 'david' })).toEqual({
        ok: false,
        reason: 'OTHER_PARTY',
      });
      expect(
        decideSubstitution({
          ...base,
          ledamotPersonId: 'anna',
          ledamotParty: 'FK',
          ersattarePersonId: 'david',
        }),
      ).toEqual({ ok: false, reason: 'ALREADY_DONE' });
      expect(decideSubstitution({ ...base, ledamotPersonId: 'rev' })).toEqual({
        ok: false,
        reason: 'NOT_A_LEDAMOT_ON_LIST',
      });
      expect(decideSubstitution({ ...base, ersattarePersonId: 'berit' })).toEqual({
        ok: false,
        reason: 'NOT_AN_ERSATTARE',
      });
      expect(decideSubstitution({ ...base, ersattarePersonId: 'anna' })).toEqual({
        ok: false,
        reason: 'ALREADY_ON_LIST',
      });
    });
  });

  it('checks the bundle section and keeps old bundles without it valid', () => {
    const parties = new Set(['AF']);
    const issues = bundleMandateIssues(
      [
        { email: 'a@x.se', name: 'A', role: 'STYRELSELEDAMOT', appointedBy: 'AF', title: 'ORDFORANDE' },
        { email: 'b@x.se', name: 'B', role: 'STYRELSELEDAMOT', appointedBy: 'AF', title: 'ORDFORANDE' },
      ],
      parties,
    );
    expect(issues).toEqual([
      { path: '$.boardMandates[1]', message: 'A har redan den titeln under perioden' },
    ]);
    const minimal = {
      bundleVersion: 1,
      organisation: { slug: 'x-forbund', name: 'X', reportingUnit: 'tkr' },
      parties: [{ key: 'AF', name: 'Arbetsförmedlingen', kind: 'STAT' }],
      funding: [],
      costCentres: [],
      budgets: [],
      insatser: [],
    };
    expect(validateBundle(minimal).ok).toBe(true);
    const bad = validateBundle({
      ...minimal,
      boardMandates: [{ email: 'a@x.se', name: 'A', role: 'STYRELSELEDAMOT', appointedBy: 'FK' }],
    });
    expect(bad).toEqual({
      ok: false,
      issues: [{ path: '$.boardMandates[0].appointedBy', message: 'okänd part "FK"' }],
    });
  });
});
