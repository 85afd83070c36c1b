import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { INestApplicationContext } from '@nestjs/common';
import { authenticator } from 'otplib';
import { codes, FIXTURES, TestApi, upload } from '../helpers/api';
import { deliverInvitation } from '../helpers/invitations';
import { CaughtMail } from '../helpers/mail';
import { startWorker } from '../helpers/worker';

/**
 * Issue 18, "Must show", second bullet: a second förbund built from nothing but the API (no bundle, no SQL). The
 * platform admin creates it with its förbundschef, who accepts the invitation and registers everything else: parties
 * and the kommuner's key, cost centres (one shared, with a split), insatser with budgets and mätpunkter, budgets with
 * its own financing rows and staff, a delår to 31 August, the board (a ledamot and an ersättare of the same party),
 * the ledger; then both reports compile with its choices, and an ersättare signs in the ledamot's place.
 */
const SLUG = 'norrsken';
const NAME = 'Samordningsförbundet Norrsken';
const PASSWORD = 'Norrsken-Losenord-2025!';
const at = (who: string) => `${who}@${SLUG}.example`;

const CREATE = `mutation($o: NewOrganisationInput!){ createOrganisation(organisation: $o){ id slug name organisationNumber } }`;
const FIELDS = 'id status model pdfFileId';

interface Table {
  id: string;
  columns: string[];
  rows: Array<{ id: string; label: string; values: Array<string | null> }>;
}
interface Compiled {
  id: string;
  status: string;
  pdfFileId: string;
  model: {
    title: string;
    period: { start: string; end: string };
    sections: Array<{ id: string; text?: string; tables: Table[] }>;
  };
}
const table = (r: Compiled, id: string) =>
  r.model.sections.flatMap((s) => s.tables).find((t) => t.id === id)!;
const row = (t: Table, id: string) => t.rows.find((x) => x.id === id);

/** The Samspelet ledger's cost centres, registered by this förbund as its own; 801 is shared. */
const CENTRES: Array<{ code: string; name: string; category: string; split?: unknown[] }> = [
  { code: '800', name: 'Kansli', category: 'ADMINISTRATION' },
  {
    code: '801',
    name: 'Förbundschef',
    category: 'FORBUND',
    split: [
      { purpose: 'ADMINISTRATION', share: '0.2', note: 'administration' },
      { purpose: 'STRUKTUR', share: '0.5', note: 'strukturarbete' },
    ],
  },
  { code: '802', name: 'Styrelse och revision', category: 'ADMINISTRATION' },
  { code: '803', name: 'Kompetensutveckling', category: 'FORBUND' },
  { code: '806', name: 'Jämställdhet', category: 'FORBUND' },
  { code: '822', name: 'Stegen', category: 'INSATS' },
  { code: '824', name: 'Stegen Syd', category: 'INSATS' },
  { code: '834', name: 'Lärling', category: 'INSATS' },
  { code: '835', name: 'ESF-projekt', category: 'FORBUND' },
  { code: '850', name: 'Tillit', category: 'INSATS' },
  { code: '851', name: 'Tris', category: 'INSATS' },
  { code: '852', name: 'Förberedande A', category: 'INSATS' },
  { code: '853', name: 'Förberedande B', category: 'INSATS' },
  { code: '854', name: 'Förberedande C', category: 'INSATS' },
];

describe('a second förbund, built from nothing through the API', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let admin: string;
  let chef: string;
  let org: string;
  const tokens = new Map<string, string>();
  const people = new Map<string, string>();
  const mails = new Map<string, CaughtMail>();

  /** The kansli adds a person; they accept the mailed invitation and choose a password. */
  async function invite(who: string, name: string, roles: unknown[]): Promise<void> {
    await api.ok(
      'mutation($o: ID!, $p: PersonInput!){ savePerson(organisationId: $o, person: $p){ id } }',
      { o: org, p: { email: at(who), name, roles } },
      chef,
    );
    tokens.set(who, await accept(at(who)));
    const [p] = await api.ds.query('SELECT id FROM person WHERE email = $1', [at(who)]);
    people.set(who, p.id);
  }

  async function accept(email: string): Promise<string> {
    const { mail, token } = await deliverInvitation(api, email);
    expect(mail.to).toEqual([email]);
    mails.set(email, mail);
    const d = await api.ok<{ acceptInvitation: { token: string } }>(
      'mutation($t: String!, $p: String!){ acceptInvitation(token: $t, password: $p){ token } }',
      { t: token, p: PASSWORD },
    );
    return d.acceptInvitation.token;
  }

  beforeAll(async () => {
    // The worker starts once everyone has taken their invitation: its relay would mail each invitation again,
    // minting a new link that replaces the one the test delivered.
    api = await TestApi.start();
    admin = await api.adminToken();
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('the platform admin creates the förbund; the organisationsnummer is checked; others are refused', async () => {
    const o = {
      name: NAME,
      organisationNumber: '2220003103',
      slug: SLUG,
      forbundschef: { name: 'Frida Förbundschef', email: at('forbundschef').toUpperCase() },
    };
    const wrong = await api.gql(CREATE, { o: { ...o, organisationNumber: '222000-3104' } }, admin);
    expect(codes(wrong)).toEqual(['BAD_USER_INPUT']);
    expect(wrong.errors![0].extensions!.details).toEqual([
      {
        path: '$.organisationNumber',
        message: expect.stringContaining('kontrollsiffra'),
      },
    ]);
    const created = await api.ok<{ createOrganisation: { id: string; organisationNumber: string } }>(
      CREATE,
      { o },
      admin,
    );
    org = created.createOrganisation.id;
    expect(created.createOrganisation).toMatchObject({ slug: SLUG, organisationNumber: '222000-3103' });
    // the same slug or number twice is refused, naming the field
    const again = await api.gql(CREATE, { o: { ...o, slug: 'norrsken-2' } }, admin);
    expect(codes(again)).toEqual(['BAD_USER_INPUT']);
    expect(again.errors![0].extensions!.details).toEqual([
      { path: '$.organisationNumber', message: 'finns redan på plattformen' },
    ]);
    const [audit] = await api.ds.query(
      "SELECT payload FROM audit_entry WHERE organisation_id = $1 AND action = 'organisation.created'",
      [org],
    );
    expect(audit.payload).toMatchObject({ slug: SLUG, organisationNumber: '222000-3103', invited: true });

    // the admin web's list of förbund (the same query) shows it with its number
    const listed = await api.ok<{
      organisations: Array<{ name: string; organisationNumber: string | null }>;
    }>('{ organisations { name organisationNumber } }', {}, admin);
    expect(listed.organisations).toContainEqual({ name: NAME, organisationNumber: '222000-3103' });

    // the förbundschef takes the invitation mailed to them: no password went over the wire
    chef = await accept(at('forbundschef'));
    expect(mails.get(at('forbundschef'))!.text).toContain(NAME);
    const me = await api.ok<{ organisations: Array<{ slug: string; myRoles: string[] }> }>(
      '{ organisations { slug myRoles } }',
      {},
      chef,
    );
    expect(me.organisations).toEqual([{ slug: SLUG, myRoles: ['ADMIN', 'FORBUNDSCHEF'] }]);
    // a förbundschef may not create a förbund
    expect(
      codes(await api.gql(CREATE, { o: { ...o, slug: 'egen', organisationNumber: '8024001235' } }, chef)),
    ).toEqual(['FORBIDDEN']);
  });

  it('registers parties, the kommun key, cost centres, people, the board and insatser', async () => {
    for (const p of [
      { key: 'FK', name: 'Försäkringskassan', kind: 'STAT' },
      { key: 'AF', name: 'Arbetsförmedlingen', kind: 'STAT' },
      { key: 'REGION', name: 'Region Norr', kind: 'REGION' },
      { key: 'NORRBY', name: 'Norrby kommun', kind: 'KOMMUN' },
      { key: 'SODERBY', name: 'Söderby kommun', kind: 'KOMMUN' },
    ])
      await api.ok(
        'mutation($o: ID!, $p: JSON!){ saveParty(organisationId: $o, party: $p){ key } }',
        { o: org, p },
        chef,
      );
    await api.ok(
      'mutation($o: ID!, $k: JSON!){ saveKommunKey(organisationId: $o, key: $k){ version } }',
      { o: org, k: { version: 0, shares: { NORRBY: '0.6', SODERBY: '0.4' } } },
      chef,
    );
    for (const c of CENTRES)
      await api.ok(
        'mutation($o: ID!, $c: JSON!){ saveCostCentre(organisationId: $o, costCentre: $c){ id } }',
        { o: org, c },
        chef,
      );

    await invite('ledamot', 'Lars Ledamot', [{ role: 'STYRELSELEDAMOT', party: 'REGION' }]);
    await invite('ersattare', 'Eva Ersättare', [{ role: 'STYRELSEERSATTARE', party: 'REGION' }]);
    await invite('revisor', 'Rut Revisor', [{ role: 'REVISOR' }]);
    // The board roles became open-ended mandates; the kansli completes them: title, party and period.
    const MANDATE =
      'mutation($o: ID!, $m: BoardMandateInput!){ saveBoardMandate(organisationId: $o, mandate: $m){ id } }';
    const mandates = (
      await api.ok<{ boardMandates: Array<{ id: string; personId: string; role: string; version: number }> }>(
        'query($o: ID!){ boardMandates(organisationId: $o){ id personId role version } }',
        { o: org },
        chef,
      )
    ).boardMandates;
    expect(mandates).toHaveLength(3);
    for (const [who, title] of [
      ['ledamot', 'ORDFORANDE'],
      ['ersattare', null],
      ['revisor', 'Förtroendevald revisor'],
    ] as const) {
      const m = mandates.find((x) => x.personId === people.get(who))!;
      await api.ok(
        MANDATE,
        {
          o: org,
          m: {
            id: m.id,
            version: m.version,
            personId: m.personId,
            role: m.role,
            ...(title ? { title } : {}),
            ...(m.role === 'REVISOR' ? {} : { appointedBy: 'REGION' }),
            from: '2023-01-01',
          },
        },
        chef,
      );
    }
    await api.ok(
      'mutation($o: ID!, $g: JSON!){ saveFinancialGoal(organisationId: $o, goal: $g){ key } }',
      {
        o: org,
        g: {
          year: 2025,
          key: 'admin_andel',
          text: 'Administrationens andel av kostnaderna är högst 25 %.',
          metric: 'administrativ_kostnadsandel',
          op: '<=',
          value: '0.25',
        },
      },
      chef,
    );

    await api.ok(
      'mutation($o: ID!, $i: JSON!){ saveInsats(organisationId: $o, insats: $i){ id } }',
      {
        o: org,
        i: {
          key: 'stegen',
          name: 'Stegen',
          type: 'INDIVID',
          ownerParty: 'NORRBY',
          costCentre: '822',
          start: '2024-01-01',
          decision: { date: '2023-11-20', body: 'Styrelsen', text: '§ 12' },
          budgets: [{ year: 2025, amount: '2520000.00' }],
          matpunkter: [{ key: 'deltagare', year: 2025, text: 'Minst 40 deltagare.', op: '>=', target: '40' }],
        },
      },
      chef,
    );
    await invite('projektagare', 'Petra Projektägare', [{ role: 'PROJEKTAGARE', insats: 'stegen' }]);
    const insatser = await api.ok<{
      organisation: { insatser: Array<{ key: string; matpunkter: Array<{ key: string }> }> };
    }>(
      'query($s: String!){ organisation(slug: $s){ insatser { key matpunkter { key } } } }',
      { s: SLUG },
      chef,
    );
    expect(insatser.organisation.insatser).toEqual([{ key: 'stegen', matpunkter: [{ key: 'deltagare' }] }]);
  });

  it('registers budgets with its own financing rows and staff, its delår end and the ledger', async () => {
    const SAVE_BUDGET = 'mutation($o: ID!, $b: BudgetInput!){ saveBudget(organisationId: $o, budget: $b) }';
    await api.ok(
      SAVE_BUDGET,
      {
        o: org,
        b: {
          year: 2025,
          decided: '2024-11-20',
          lines: {
            '800': '1200000',
            '801': '350000',
            '802': '275000',
            '803': '200000',
            '806': '50000',
            '822': '2520000',
            '834': '833000',
            '835': '-150000',
            '850': '375000',
            '851': '3710000',
          },
          financing: [
            { label: 'Staten (FK och AF)', amount: '5003000', source: 'PARTIES' },
            { label: 'Region Norr', amount: '2501500', source: 'PARTIES' },
            { label: 'Norrby och Söderby', amount: '2501500', source: 'PARTIES' },
            { label: 'ESF-rådet', amount: '600000', source: 'ESF' },
            { label: 'Ur eget kapital', amount: '861000', source: 'EQUITY' },
          ],
          lineIncome: { '835': { amount: '600000', source: 'ESF-rådet' } },
        },
      },
      chef,
    );
    await api.ok(
      SAVE_BUDGET,
      {
        o: org,
        b: {
          year: 2025,
          decided: '2025-05-20',
          kind: 'SUPPLEMENTARY',
          fundedBy: 'EQUITY',
          lines: { '852': '310000', '853': '215000', '854': '215000' },
        },
      },
      chef,
    );
    // next year's budget, with the financing the förbund names (the årsredovisning's budgetprognos)
    await api.ok(
      SAVE_BUDGET,
      {
        o: org,
        b: {
          year: 2026,
          decided: '2025-11-18',
          lines: { '800': '1200000', '801': '400000', '822': '2579000', '851': '3823000' },
          outlook: { '2027': '8000000' },
          financing: [
            { label: 'Medlemmarnas bidrag', amount: '7500000', source: 'PARTIES' },
            { label: 'NNS-uppdrag', amount: '150000', source: 'NNS' },
            { label: 'Ur eget kapital', amount: '352000', source: 'EQUITY' },
          ],
        },
      },
      chef,
    );
    const budgets = await api.ok<{
      budgets: Array<{ kind: string; financing: unknown; lineIncome: unknown }>;
    }>(
      'query($o: ID!){ budgets(organisationId: $o, year: 2025){ kind financing lineIncome } }',
      { o: org },
      chef,
    );
    expect(budgets.budgets.find((b) => b.kind === 'ORDINARY')).toMatchObject({
      lineIncome: { '835': { amount: '600000.00', source: 'ESF-rådet' } },
    });
    for (const [year, staff] of [
      [2024, 1],
      [2025, 2],
    ])
      await api.ok(
        'mutation($o: ID!, $y: Int!, $s: Int!){ saveStaffCount(organisationId: $o, year: $y, staff: $s) }',
        { o: org, y: year, s: staff },
        chef,
      );
    await api.ok(
      'mutation($o: ID!){ saveReportSettings(organisationId: $o, delarEnd: "08-31"){ delarEnd } }',
      { o: org },
      chef,
    );
    for (const y of ['2024', '2025']) {
      const up = await upload(
        api,
        chef,
        readFileSync(join(FIXTURES, 'sie', `samspelet-${y}.se`)),
        `${y}.se`,
        { organisationId: org, purpose: 'sie' },
      );
      expect(up.status).toBe(201);
      await api.ok(
        'mutation($o: ID!, $f: ID!){ importSie(organisationId: $o, fileId: $f){ id } }',
        { o: org, f: up.body.id },
        chef,
      );
    }
  });

  it('compiles the delårsrapport to 31 August and the årsredovisning with its choices, the same budget in both', async () => {
    worker = await startWorker();
    const delar = (await api.compileReport<Compiled>(org, 'DELARSRAPPORT', chef, FIELDS)).done;
    const ar = (await api.compileReport<Compiled>(org, 'ARSREDOVISNING', chef, FIELDS)).done;
    expect([delar.status, ar.status]).toEqual(['READY', 'READY']);

    expect(delar.model.period).toEqual({ start: '2025-01-01', end: '2025-08-31' });
    expect(delar.model.title).toBe('Delårsrapport januari–augusti 2025');

    // financing rows named by the förbund
    const bp = table(ar, 'budgetprognos');
    expect(bp.rows.filter((r) => r.id.startsWith('finansiering_')).map((r) => r.label)).toEqual([
      'Medlemmarnas bidrag',
      'NNS-uppdrag',
      'Ur eget kapital',
    ]);

    // staff as registered
    const five = table(ar, 'femarsoversikt');
    const years = five.columns;
    expect(years.slice(-2)).toEqual(['2024', '2025']);
    expect(row(five, 'antal_anstallda')!.values.slice(-2)).toEqual(['1', '2']);

    // the shared cost centre counts 20 % as administration in the administrative cost share
    const centres = await api.ok<{ ledgerBalances: Array<{ costCentre: string; amount: string }> }>(
      'query($o: ID!){ ledgerBalances(organisationId: $o, from: "2025-01-01", to: "2025-12-31", groupBy: COST_CENTRE){ costCentre amount } }',
      { o: org },
      chef,
    );
    const cc = (code: string) =>
      new Decimal(centres.ledgerBalances.find((b) => b.costCentre === code)?.amount ?? 0);
    const adminCost = cc('800').plus(cc('802')).plus(cc('801').times('0.2'));
    expect(cc('801').isZero()).toBe(false);
    const costs = new Decimal(row(five, 'kostnader')!.values.at(-1)!).abs();
    const goal = (
      ar.model as unknown as { financialGoals: Array<{ key: string; value: string }> }
    ).financialGoals.find((g) => g.key === 'admin_andel')!;
    expect(new Decimal(goal.value).minus(adminCost.dividedBy(costs)).abs().lessThan('1e-9')).toBe(true);

    // the delårsrapport's forecast of the share uses the same rule: per line the forecast net of income budgeted on
    // it, 800 and 802 whole and 20 % of the shared 801, against all lines' forecast (decisions during the year too)
    const forecastRows = ['helarsprognos', 'beslut_under_aret']
      .map((id) => delar.model.sections.flatMap((x) => x.tables).find((t) => t.id === id))
      .filter((t): t is Table => !!t)
      .flatMap((t) => {
        const at = (label: (c: string) => boolean) => t.columns.findIndex(label);
        const p = at((c) => c === 'Årsprognos');
        const inc = at((c) => /^Budget/.test(c) && c.endsWith('intäkt'));
        return t.rows
          .filter((r) => /^(beslut_)?\d+$/.test(r.id))
          .map((r): [string, Decimal] => [
            r.id.replace('beslut_', ''),
            new Decimal(r.values[p] ?? 0).minus(inc >= 0 ? (r.values[inc] ?? 0) : 0),
          ]);
      });
    const fc = (code: string) => forecastRows.find(([c]) => c === code)?.[1] ?? new Decimal(0);
    expect(fc('801').isZero()).toBe(false);
    const forecastCosts = forecastRows.reduce((a, [, v]) => a.plus(v), new Decimal(0));
    const delarShare = fc('800').plus(fc('802')).plus(fc('801').times('0.2')).dividedBy(forecastCosts);
    const delarGoal = (
      delar.model as unknown as { financialGoals: Array<{ key: string; value: string; basis?: string }> }
    ).financialGoals.find((g) => g.key === 'admin_andel')!;
    expect(delarGoal.basis).toBe('PROGNOS');
    expect(new Decimal(delarGoal.value).minus(delarShare).abs().lessThan('1e-9')).toBe(true);

    // both reports show the same budget for every driftredovisning line: the line itself, the cost and the income
    // budgeted on it, and the total (the tilläggsbudget included)
    const drift = table(ar, 'driftredovisning');
    const prognos = table(delar, 'helarsprognos');
    const decided = delar.model.sections.flatMap((x) => x.tables).find((t) => t.id === 'beslut_under_aret');
    const budget = (t: Table | undefined, id: string, part: string): string | null => {
      const i = t ? t.columns.findIndex((c) => /^Budget/.test(c) && c.endsWith(part)) : -1;
      return t && i >= 0 ? (row(t, id)?.values[i] ?? null) : null;
    };
    const lines = drift.rows
      .filter((r) => /^\d+$/.test(r.id))
      .map((r) => r.id)
      .filter((c) => ![null, '0.00'].includes(budget(drift, c, 'kostnad')));
    expect(lines.length).toBeGreaterThan(5);
    const pairs: Array<[string, string | null, string | null]> = lines.flatMap((code) =>
      ['intäkt', 'kostnad', 'netto'].map((part): [string, string | null, string | null] => [
        `${code} ${part}`,
        row(prognos, code) ? budget(prognos, code, part) : budget(decided, `beslut_${code}`, part),
        budget(drift, code, part),
      ]),
    );
    // the total: the delår's prognos table and its decisions during the year together are the ÅR's budget total
    const decidedIds = decided?.rows.filter((r) => r.id.startsWith('beslut_')).map((r) => r.id) ?? [];
    const delarTotal = decidedIds.reduce(
      (a, id) => a.plus(budget(decided, id, 'netto') ?? 0),
      new Decimal(budget(prognos, 'summa', 'netto') ?? 0),
    );
    pairs.push(['total', delarTotal.toFixed(2), budget(drift, 'summa_kostnader', 'netto')]);
    expect(pairs.filter(([, delarBudget, arBudget]) => delarBudget !== arBudget)).toEqual([]);
  });

  it('an ersättare signs in the ledamot’s place, with the reason', async () => {
    const ar = (await api.compileReport<Compiled>(org, 'ARSREDOVISNING', chef, FIELDS)).done;
    const SR = 'id signers { personId role state inPlaceOfName substitutionReason }';
    const created = (
      await api.ok<{
        createSigningRequest: {
          id: string;
          signers: Array<{ personId: string; role: string; state: string; inPlaceOfName: string | null }>;
        };
      }>(
        `mutation($r: ID!){ createSigningRequest(reportId: $r, decisionDate: "2026-04-20", overrideReason: "Testförbundet saknar uppföljningar."){ ${SR} } }`,
        { r: ar.id },
        chef,
      )
    ).createSigningRequest;
    expect(created.signers.map((s) => s.personId).sort()).toEqual(
      [people.get('ledamot'), people.get('revisor')].sort(),
    );
    const swapped = await api.ok<{
      signInPlaceOf: {
        signers: Array<{ personId: string; inPlaceOfName: string; substitutionReason: string }>;
      };
    }>(
      `mutation($r: ID!, $l: ID!, $e: ID!){ signInPlaceOf(requestId: $r, ledamotPersonId: $l, ersattarePersonId: $e, reason: "Ledamoten är föräldraledig."){ ${SR} } }`,
      { r: created.id, l: people.get('ledamot'), e: people.get('ersattare') },
      tokens.get('ersattare'),
    );
    expect(swapped.signInPlaceOf.signers.find((s) => s.personId === people.get('ersattare'))).toMatchObject({
      inPlaceOfName: 'Lars Ledamot',
      substitutionReason: 'Ledamoten är föräldraledig.',
    });
    // the ersättare signs with a one-time code
    const t = tokens.get('ersattare')!;
    const s = await api.ok<{ setupTotp: { secret: string } }>(
      'mutation($p: String){ setupTotp(password: $p){ secret } }',
      { p: PASSWORD },
      t,
    );
    await api.ok(
      'mutation($c: String!){ confirmTotp(code: $c) }',
      { c: authenticator.generate(s.setupTotp.secret) },
      t,
    );
    await new Promise((r) => setTimeout(r, 31_000 - (Date.now() % 30_000)));
    const signed = await api.ok<{ signWithTotp: { signers: Array<{ personId: string; state: string }> } }>(
      `mutation($r: ID!, $p: String!, $c: String!){ signWithTotp(requestId: $r, password: $p, code: $c){ signers { personId state } } }`,
      { r: created.id, p: PASSWORD, c: authenticator.generate(s.setupTotp.secret) },
      t,
    );
    expect(signed.signWithTotp.signers.find((x) => x.personId === people.get('ersattare'))!.state).toBe(
      'SIGNED',
    );
  }, 90_000);

  it('gives back a bundle that imports unchanged, and whose organisationsnummer no other förbund may take', async () => {
    const exported = (
      await api.ok<{ exportOrganisationBundle: Record<string, Record<string, unknown>> }>(
        'query($s: String!){ exportOrganisationBundle(slug: $s) }',
        { s: SLUG },
        admin,
      )
    ).exportOrganisationBundle;
    expect(exported.organisation.organisationNumber).toBe('222000-3103');
    const count = async () =>
      (
        await api.ds.query(
          "SELECT count(*)::int AS n FROM audit_entry WHERE organisation_id = $1 AND action = 'organisation.bundle_imported'",
          [org],
        )
      )[0].n;
    const before = await count();
    const IMPORT = 'mutation($b: JSON!){ importOrganisationBundle(bundle: $b){ id } }';
    const again = await api.ok<{ importOrganisationBundle: { id: string } }>(IMPORT, { b: exported }, admin);
    expect(again.importOrganisationBundle.id).toBe(org);
    expect(await count()).toBe(before);
    const copy = {
      ...exported,
      organisation: { ...exported.organisation, slug: 'norrsken-kopia' },
      people: [],
    };
    const taken = await api.gql(IMPORT, { b: copy }, admin);
    expect(codes(taken)).toEqual(['BAD_USER_INPUT']);
    expect(taken.errors![0].extensions!.details).toEqual([
      { path: '$.organisation.organisationNumber', message: 'finns redan på plattformen' },
    ]);
  });
});
