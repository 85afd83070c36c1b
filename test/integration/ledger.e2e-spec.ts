import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import {
  codes,
  FIXTURES,
  importBundle,
  orgId,
  otherBundle,
  tenantBundle,
  TestApi,
  upload,
} from '../helpers/api';

const BROKEN = join(__dirname, '..', 'fixtures', 'sie-broken');
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected', 'samspelet-2025.json'), 'utf8'));
const IMPORT_SIE =
  'mutation($o: ID!, $f: ID!){ importSie(organisationId: $o, fileId: $f){ id year version fiscalYearStart fiscalYearEnd vouchers transactions warnings encoding } }';
const BALANCES =
  'query($o: ID!, $from: String!, $to: String!, $g: LedgerGrouping!){ ledgerBalances(organisationId: $o, from: $from, to: $to, groupBy: $g){ account costCentre amount } }';

describe('ledger: SIE 4 import, balances, budgets', () => {
  let api: TestApi;
  let kansli: string;
  let org: string;

  async function importFile(path: string, token = kansli, organisationId = org) {
    const up = await upload(api, token, readFileSync(path), path.split('/').pop()!, {
      organisationId,
      purpose: 'sie',
    });
    expect(up.status).toBe(201);
    return api.gql<{ importSie: Record<string, unknown> }>(
      IMPORT_SIE,
      { o: organisationId, f: up.body.id },
      token,
    );
  }

  const counts = async () =>
    (
      await api.ds.query(
        `SELECT (SELECT count(*) FROM sie_import WHERE version > 0)::int AS imports, (SELECT count(*) FROM ledger_transaction)::int AS trans,
            (SELECT count(*) FROM ledger_balance)::int AS balances, (SELECT count(*) FROM audit_entry)::int AS audit`,
      )
    )[0];

  beforeAll(async () => {
    api = await TestApi.start();
    await importBundle(api, tenantBundle('bokforbundet', 'Samordningsförbundet Boken'));
    await importBundle(api, otherBundle());
    org = await orgId(api, 'bokforbundet');
    kansli = await api.login('kansli@bokforbundet.example');
  });
  afterAll(() => api.close());

  it('imports both Samspelet files clean', async () => {
    for (const [file, year] of [
      ['samspelet-2024.se', 2024],
      ['samspelet-2025.se', 2025],
    ] as const) {
      const r = await importFile(join(FIXTURES, 'sie', file));
      expect(r.errors).toBeUndefined();
      expect(r.data!.importSie).toEqual(
        expect.objectContaining({
          year,
          version: 1,
          fiscalYearStart: `${year}-01-01`,
          fiscalYearEnd: `${year}-12-31`,
          vouchers: 292,
          transactions: 608,
          encoding: 'cp437',
          warnings: [],
        }),
      );
    }
  });

  it('gives per cost centre outcomes for the year and for Jan–Jun that equal the expected figures', async () => {
    const byCc = async (from: string, to: string) => {
      const d = await api.ok<{ ledgerBalances: Array<{ costCentre: string | null; amount: string }> }>(
        BALANCES,
        { o: org, from, to, g: 'COST_CENTRE' },
        kansli,
      );
      return Object.fromEntries(
        d.ledgerBalances.filter((r) => r.costCentre).map((r) => [r.costCentre, r.amount]),
      );
    };
    const year = await byCc('2025-01-01', '2025-12-31');
    for (const row of expected.arsredovisning_2025.driftredovisning.rows)
      expect([row.costCentre, year[row.costCentre]]).toEqual([row.costCentre, row.utfall]);
    const h1 = await byCc('2025-01-01', '2025-06-30');
    for (const row of expected.delarsrapport_2025.helarsprognos.rows)
      expect([row.costCentre, h1[row.costCentre] ?? '0.00']).toEqual([row.costCentre, row.utfall]);
    expect(h1['822']).toBe('1184000.00');
    expect(year['822']).toBe('2245000.00');
    const h1of2024 = await byCc('2024-01-01', '2024-06-30');
    expect(h1of2024).toEqual(expected.delarsrapport_2025.utfall_per_kostnadsstalle_h1_2024);
  });

  it('gives per account outcomes that match the notes', async () => {
    const d = await api.ok<{ ledgerBalances: Array<{ account: string; amount: string }> }>(
      BALANCES,
      { o: org, from: '2025-01-01', to: '2025-12-31', g: 'ACCOUNT' },
      kansli,
    );
    const acc = Object.fromEntries(d.ledgerBalances.map((r) => [r.account, r.amount]));
    for (const [a, v] of Object.entries(expected.arsredovisning_2025.noter.not3_verksamhetens_kostnader))
      expect(acc[a]).toBe(v);
    for (const [a, v] of Object.entries(expected.arsredovisning_2025.noter.not2_verksamhetens_intakter))
      expect(acc[a]).toBe(`-${v}`);
  });

  it('maps every account to a report line', async () => {
    const d = await api.ok<{
      accountMapping: Array<{ account: string; line: string | null; mapped: boolean }>;
    }>(
      'query($o: ID!){ accountMapping(organisationId: $o, year: 2025){ account line mapped } }',
      { o: org },
      kansli,
    );
    expect(d.accountMapping.find((r) => r.account === '4610')).toEqual({
      account: '4610',
      line: 'verksamhetens_kostnader',
      mapped: true,
    });
    expect(d.accountMapping.find((r) => r.account === '8410')?.line).toBe('finansiella_kostnader');
    expect(d.accountMapping.every((r) => r.mapped)).toBe(true);
  });

  describe('refuses each broken file with the right line number and stores nothing', () => {
    const exp: Record<string, { line: number | null; message: string }> = JSON.parse(
      readFileSync(join(BROKEN, 'expected.json'), 'utf8'),
    );
    const files = readdirSync(BROKEN).filter((f) => f.endsWith('.se') && exp[f]?.line);
    it.each(files)('%s', async (name) => {
      const before = await counts();
      if (name === 'empty.se') {
        // an empty upload is refused already at the door
        const up = await upload(api, kansli, Buffer.alloc(0), name, { organisationId: org, purpose: 'sie' });
        expect(up.status).toBe(400);
      } else {
        const r = await importFile(join(BROKEN, name));
        expect(codes(r)).toEqual(['BAD_USER_INPUT']);
        const details = r.errors![0].extensions!.details as Array<{
          path: string;
          message: string;
          line: number;
        }>;
        expect(details).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              line: exp[name].line,
              path: `rad ${exp[name].line}`,
              message: expect.stringContaining(exp[name].message),
            }),
          ]),
        );
      }
      // The import stores nothing; the only new audit entry is the upload's own 'file.uploaded' (issue 11 item 5).
      expect(await counts()).toEqual({ ...before, audit: before.audit + (name === 'empty.se' ? 0 : 1) });
    });
  });

  it('reads a UTF-8 file that claims PC8 with å ä ö intact and says which encoding it assumed', async () => {
    const neighbour = await orgId(api, 'grannforbundet');
    const token = await api.login('kansli@grannen.example');
    const r = await importFile(
      join(__dirname, '..', 'fixtures', 'sie-utf8-declared-pc8.se'),
      token,
      neighbour,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.importSie.encoding).toBe('utf-8');
    expect((r.data!.importSie.warnings as string[])[0]).toMatch(/UTF-8/);
    const [acc] = await api.ds.query(
      `SELECT a.name FROM ledger_account a JOIN sie_import i ON i.id = a.import_id WHERE i.organisation_id = $1 AND a.account = '3010'`,
      [neighbour],
    );
    expect(acc.name).toBe('Driftbidrag från staten');
  });

  it('keeps the old version when a year is imported again', async () => {
    const r = await importFile(join(FIXTURES, 'sie', 'samspelet-2025.se'));
    expect(r.data!.importSie.version).toBe(2);
    const d = await api.ok<{ sieImports: Array<{ year: number; version: number; active: boolean }> }>(
      'query($o: ID!){ sieImports(organisationId: $o){ year version active } }',
      { o: org },
      kansli,
    );
    expect(d.sieImports).toEqual([
      { year: 2025, version: 2, active: true },
      { year: 2025, version: 1, active: false },
      { year: 2024, version: 1, active: true },
    ]);
  });

  it('lets only kansli and förbundschef import, and never into another förbund', async () => {
    const chef = await api.login('forbundschef@bokforbundet.example');
    const up = await upload(api, chef, readFileSync(join(FIXTURES, 'sie', 'samspelet-2025.se')), 'x.se', {
      organisationId: org,
      purpose: 'sie',
    });
    expect(up.status).toBe(201);
    const owner = await api.login('projektagare.stegen@bokforbundet.example');
    expect(codes(await api.gql(IMPORT_SIE, { o: org, f: up.body.id }, owner))).toEqual(['FORBIDDEN']);
    const neighbour = await orgId(api, 'grannforbundet');
    const other = await api.login('kansli@grannen.example');
    // Row-level security hides the other förbund's file from the neighbour's import, as from its download (404).
    expect(codes(await api.gql(IMPORT_SIE, { o: neighbour, f: up.body.id }, other))).toEqual(['NOT_FOUND']);
    expect(codes(await api.gql(IMPORT_SIE, { o: org, f: up.body.id }, other))).toEqual(['NOT_FOUND']);
    const dl = await request(api.url).get(`/files/${up.body.id}`).set('authorization', `Bearer ${other}`);
    expect(dl.status).toBe(404);
    expect(
      codes(await api.gql(BALANCES, { o: org, from: '2025-01-01', to: '2025-12-31', g: 'ACCOUNT' }, other)),
    ).toEqual(['NOT_FOUND']);
  });

  it('saves budgets and forecasts with their decision dates, audited, and refuses bad lines by path', async () => {
    const chef = await api.login('forbundschef@bokforbundet.example');
    const save = 'mutation($o: ID!, $b: BudgetInput!){ saveBudget(organisationId: $o, budget: $b) }';
    const bad = await api.gql(
      save,
      { o: org, b: { year: 2027, decided: '2026-11-24', lines: { '800': '12 000', '999': '5' } } },
      chef,
    );
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect((bad.errors![0].extensions!.details as Array<{ path: string }>).map((d) => d.path).sort()).toEqual(
      ['$.lines["800"]', '$.lines["999"]'],
    );
    const ok = await api.ok<{ saveBudget: string }>(
      save,
      { o: org, b: { year: 2027, decided: '2026-11-24', lines: { '800': '1250000', '822': '2600000.50' } } },
      chef,
    );
    const d = await api.ok<{
      budgets: Array<{ id: string; decided: string; lines: Record<string, string> }>;
    }>('query($o: ID!){ budgets(organisationId: $o, year: 2027){ id decided lines } }', { o: org }, chef);
    expect(d.budgets).toEqual([
      { id: ok.saveBudget, decided: '2026-11-24', lines: { '800': '1250000.00', '822': '2600000.50' } },
    ]);
    const [audit] = await api.ds.query(`SELECT action FROM audit_entry WHERE entity_id = $1`, [
      ok.saveBudget,
    ]);
    expect(audit.action).toBe('budget.saved');
    const owner = await api.login('projektagare.stegen@bokforbundet.example');
    expect(
      codes(await api.gql(save, { o: org, b: { year: 2027, decided: '2026-11-24', lines: {} } }, owner)),
    ).toEqual(['FORBIDDEN']);
  });
});
