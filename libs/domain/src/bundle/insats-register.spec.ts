import { AUDIT_ACTIONS } from '../audit/audit-events';
import { INSATS_ACTION_LABEL } from '../labels/insats-labels';
import { validateInsatsRegistration } from './insats-register';

const ctx = {
  parties: new Set(['fk', 'region']),
  costCentres: new Set(['200', '300']),
  otherKeys: new Set(['stegen']),
  members: new Set(['11111111-1111-4111-8111-111111111111']),
};
const insats = {
  key: 'bron',
  name: 'Bron',
  type: 'INDIVID',
  ownerParty: 'region',
  costCentre: '300',
  start: '2026-07-01',
  decision: { date: '2026-05-20', body: 'Styrelsen', text: '§ 12' },
  budgets: [{ year: 2026, amount: '400000' }],
  matpunkter: [
    {
      key: 'mp1',
      year: 2026,
      text: 'Minst 20 deltagare',
      metric: 'inskrivna_totalt',
      op: '>=',
      target: '20',
    },
  ],
  projektagare: ['11111111-1111-4111-8111-111111111111'],
};

describe('validateInsatsRegistration', () => {
  it('accepts an insats without an end and with empty optional texts', () => {
    const r = validateInsatsRegistration(
      { ...insats, end: '', decision: { ...insats.decision, text: '' } },
      ctx,
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.insats.end).toBeUndefined();
      expect(r.insats.decision).toEqual({ date: '2026-05-20', body: 'Styrelsen' });
    }
  });

  it('names each field in Swedish, with the bundle rules and the register rules together', () => {
    const r = validateInsatsRegistration(
      {
        ...insats,
        key: 'stegen',
        ownerParty: 'kommun',
        end: '2026-01-01',
        budgets: [
          { year: 2026, amount: '1' },
          { year: 2026, amount: '2' },
        ],
        matpunkter: [{ key: 'a', year: 2026, text: 'x', op: '>=', metric: 'nns:7:nej' }],
        styrgrupp: ['22222222-2222-4222-8222-222222222222'],
      },
      ctx,
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues).toEqual(
        expect.arrayContaining([
          { path: '$.insats.key', message: 'Nyckel: "stegen" används redan av en annan insats' },
          { path: '$.insats.ownerParty', message: 'Ägande part: okänd part "kommun"' },
          { path: '$.insats.end', message: 'Slutdatum: slutdatum ligger före startdatum' },
          { path: '$.insats.budgets[1].year', message: 'Budget rad 2, år: budgeten för 2026 finns redan' },
          {
            path: '$.insats.matpunkter[0].target',
            message: 'Mätpunkt 1, målvärde: op och target anges tillsammans',
          },
          {
            path: '$.insats.matpunkter[0].metric',
            message:
              'Mätpunkt 1, mått: en NNS-indikator skrivs nns:<indikator>:<grupp>:<fråga>, t.ex. nns:7:DELTAGARE_AVSLUT:6',
          },
          { path: '$.insats.styrgrupp[0]', message: 'Styrgrupp (person 1): personen finns inte i förbundet' },
        ]),
      );
  });

  it('refuses a missing name and a bad date with the field named', () => {
    const r = validateInsatsRegistration({ ...insats, name: ' ', start: '2026-02-30' }, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toContainEqual({ path: '$.insats.name', message: 'Namn: obligatoriskt fält saknas' });
      expect(r.issues).toContainEqual({
        path: '$.insats.start',
        message: 'Startdatum: är inget giltigt datum',
      });
    }
  });

  it('keeps the key and refuses an end that would leave follow-ups outside the period', () => {
    const current = { key: 'bron', followUpPeriods: ['DELAR-2026', 'HELAR-2026'] };
    const r = validateInsatsRegistration(
      { ...insats, key: 'bron2', end: '2026-06-30', start: '2026-01-01' },
      {
        ...ctx,
        current,
      },
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues).toEqual([
        { path: '$.insats.key', message: 'Nyckel: kan inte ändras (insatsen heter "bron")' },
      ]);
    const ended = validateInsatsRegistration(
      { ...insats, start: '2026-01-01', end: '2025-12-31' },
      {
        ...ctx,
        current,
      },
    );
    expect(ended.ok).toBe(false);
    const later = validateInsatsRegistration({ ...insats, start: '2027-01-01' }, { ...ctx, current });
    expect(!later.ok && later.issues).toEqual([
      {
        path: '$.insats.start',
        message:
          'Startdatum: insatsen har uppföljningar för Delår 2026, Helår 2026, som då hamnar utanför perioden',
      },
    ]);
    expect(
      validateInsatsRegistration({ ...insats, start: '2026-01-01', end: '2026-12-31' }, { ...ctx, current })
        .ok,
    ).toBe(true);
  });
});

describe('the insats history in words', () => {
  it('has a Swedish label for every insats audit action', () => {
    const actions = AUDIT_ACTIONS.filter((a) => a.startsWith('insats.'));
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.filter((a) => !INSATS_ACTION_LABEL[a])).toEqual([]);
  });
});
