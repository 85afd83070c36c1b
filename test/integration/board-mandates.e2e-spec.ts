import { INestApplicationContext } from '@nestjs/common';
import { authenticator } from 'otplib';
import { codes, seedFixture, tenantBundle, TestApi } from '../helpers/api';
import { startWorker } from '../helpers/worker';
import { swedishDate, swedishDay } from '../../libs/domain/src/format/swedish-time';

/**
 * Issue 18.2: board mandates. The board of Samordningsförbundet Mandat changes between year-end and the meeting
 * that decides the 2025 annual report: the ordförande's mandate ends on 2026-03-31 and a new ordförande sits from
 * 2026-04-01. The report prints the board as it was in 2025; the signing request decided on 2026-04-20 goes to the
 * board sitting that day; an ersättare signs in the vice ordförande's place with the reason on the signeringsintyg.
 */
const SLUG = 'mandat';
const PASSWORD = 'Demo-Samspelet-2025!';
const at = (who: string) => `${who}@${SLUG}.example`;

const MANDATE = `id personId name role title appointedBy partyName from to gender version`;
interface Mandate {
  id: string;
  personId: string;
  name: string;
  role: string;
  title: string | null;
  appointedBy: string | null;
  from: string | null;
  to: string | null;
  gender: string | null;
  version: number;
}
const SR = `id status decisionDate sealedPdfFileId signers { personId name role title state inPlaceOfName substitutionReason roleText }`;
interface Req {
  id: string;
  status: string;
  decisionDate: string;
  sealedPdfFileId: string | null;
  signers: Array<{
    personId: string;
    name: string;
    role: string;
    state: string;
    inPlaceOfName: string | null;
    substitutionReason: string | null;
    roleText: string;
  }>;
}
const SAVE = `mutation($o: ID!, $m: BoardMandateInput!){ saveBoardMandate(organisationId: $o, mandate: $m){ ${MANDATE} } }`;
const LIST = `query($o: ID!){ boardMandates(organisationId: $o){ ${MANDATE} } }`;

describe('board mandates: the board of the year prints, the board of the decision date signs', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: string;
  const tokens = new Map<string, string>();
  const secrets = new Map<string, string>();
  const token = async (email: string) => {
    if (!tokens.has(email)) tokens.set(email, await api.login(email));
    return tokens.get(email)!;
  };
  const personId = async (email: string): Promise<string> =>
    (await api.ds.query('SELECT id FROM person WHERE email = $1', [email]))[0].id;

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await startWorker();
    // The bundle keeps its board as mandates: the ordförande's ended on 2026-03-31.
    const bundle = tenantBundle(SLUG, 'Samordningsförbundet Mandat');
    // A small board: the people who only sat on it leave; a board role without any mandate would be an open one.
    const gone = /^(ledamot[5-7]|ersattare[3-7]|revisor2)@/;
    bundle.people = bundle.people.filter((p: { email: string }) => !gone.test(p.email));
    bundle.boardMandates = [
      {
        email: at('ledamot1'),
        name: 'ignored for a known person',
        role: 'STYRELSELEDAMOT',
        title: 'ORDFORANDE',
        appointedBy: 'AF',
        from: '2023-01-01',
        to: '2026-03-31',
        gender: 'KVINNA',
      },
      {
        email: at('ledamot2'),
        name: 'x',
        role: 'STYRELSELEDAMOT',
        title: 'VICE_ORDFORANDE',
        appointedBy: 'REGION',
        gender: 'MAN',
      },
      {
        email: at('ersattare2'),
        name: 'x',
        role: 'STYRELSEERSATTARE',
        appointedBy: 'REGION',
        gender: 'KVINNA',
      },
      { email: at('ersattare1'), name: 'x', role: 'STYRELSEERSATTARE', appointedBy: 'AF', gender: 'MAN' },
      { email: at('revisor1'), name: 'x', role: 'REVISOR', title: 'Auktoriserad revisor' },
      // Kristinehamn's ledamot sat until 2024; Hammarö's has no mandate in the bundle: theirs is open-ended.
      {
        email: at('ledamot4'),
        name: 'x',
        role: 'STYRELSELEDAMOT',
        appointedBy: 'KRISTINEHAMN',
        to: '2024-12-31',
      },
      // A past ledamot no longer among the förbund's people keeps the record of their mandate.
      {
        email: at('tidigare'),
        name: 'Tidigare Ledamot',
        role: 'STYRELSELEDAMOT',
        appointedBy: 'GRUMS',
        to: '2022-12-31',
      },
    ];
    org = await seedFixture(api, bundle);
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('turns an old bundle’s board roles into open-ended mandates, and keeps them on a second import', async () => {
    const admin = await api.adminToken();
    const IMPORT = 'mutation($b: JSON!){ importOrganisationBundle(bundle: $b){ id } }';
    const old = tenantBundle('mandat-gammal', 'Samordningsförbundet Gammal');
    const { id } = (await api.ok<{ importOrganisationBundle: { id: string } }>(IMPORT, { b: old }, admin))
      .importOrganisationBundle;
    const chef = await token('forbundschef@mandat-gammal.example');
    const list = (await api.ok<{ boardMandates: Mandate[] }>(LIST, { o: id }, chef)).boardMandates;
    expect(list.map((m) => m.role).sort()).toEqual(
      [
        ...Array(7).fill('STYRELSELEDAMOT'),
        ...Array(7).fill('STYRELSEERSATTARE'),
        'REVISOR',
        'REVISOR',
      ].sort(),
    );
    expect(list.every((m) => m.from === null && m.to === null)).toBe(true);
    expect(list[0]).toMatchObject({ role: 'STYRELSELEDAMOT', title: 'ORDFORANDE', appointedBy: 'AF' });
    await api.ok(IMPORT, { b: old }, admin);
    expect((await api.ok<{ boardMandates: Mandate[] }>(LIST, { o: id }, chef)).boardMandates).toEqual(list);
  });

  it('lets the kansli keep the board: validation, one ordförande at a time, version guard, audit', async () => {
    const kansli = await token(at('kansli'));
    const list = (await api.ok<{ boardMandates: Mandate[] }>(LIST, { o: org }, kansli)).boardMandates;
    expect(list.find((m) => m.name === 'Tidigare Ledamot')).toMatchObject({
      to: '2022-12-31',
      appointedBy: 'GRUMS',
    });
    // Hammarö's ledamot holds the role without a mandate in the bundle: an open-ended one.
    const ledamot3 = await personId(at('ledamot3'));
    const seat = list.find((m) => m.personId === ledamot3)!;
    expect(seat).toMatchObject({
      role: 'STYRELSELEDAMOT',
      appointedBy: 'HAMMARO',
      from: null,
      to: null,
      version: 1,
    });
    // A new mandate needs the party that appointed the ledamot.
    const ledamot4 = await personId(at('ledamot4'));
    const noParty = await api.gql(
      SAVE,
      { o: org, m: { personId: ledamot4, role: 'STYRELSELEDAMOT' } },
      kansli,
    );
    expect(codes(noParty)).toEqual(['BAD_USER_INPUT']);
    expect(noParty.errors![0].extensions!.details).toEqual([
      { path: '$.mandate.appointedBy', message: 'ange vilken part som utsett ledamoten eller ersättaren' },
    ]);
    const again = {
      personId: ledamot4,
      role: 'STYRELSELEDAMOT',
      appointedBy: 'KRISTINEHAMN',
      from: '2027-01-01',
    };
    const added = (await api.ok<{ saveBoardMandate: Mandate }>(SAVE, { o: org, m: again }, kansli))
      .saveBoardMandate;
    expect(added).toMatchObject({ from: '2027-01-01', to: null, version: 1 });
    // Two ordförande in March 2026: refused.
    const chair = {
      id: seat.id,
      personId: ledamot3,
      role: 'STYRELSELEDAMOT',
      appointedBy: 'HAMMARO',
      title: 'ORDFORANDE',
    };
    const clash = await api.gql(SAVE, { o: org, m: { ...chair, version: 1, from: '2026-03-01' } }, kansli);
    expect(codes(clash)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(clash.errors![0].extensions!.details)).toContain(
      'har redan den titeln under perioden',
    );
    // A projektägare may not touch the board.
    const owner = await token(at('projektagare.stegen'));
    expect(
      codes(await api.gql(SAVE, { o: org, m: { ...chair, version: 1, from: '2026-04-01' } }, owner)),
    ).toEqual(['FORBIDDEN']);
    const saved = (
      await api.ok<{ saveBoardMandate: Mandate }>(
        SAVE,
        { o: org, m: { ...chair, version: 1, from: '2026-04-01', gender: 'MAN' } },
        kansli,
      )
    ).saveBoardMandate;
    expect(saved).toMatchObject({ title: 'ORDFORANDE', from: '2026-04-01', to: null, version: 2 });
    // Changed once more, then a stale version is refused.
    const edit = { ...chair, from: '2026-04-01', gender: 'MAN' };
    await api.ok(SAVE, { o: org, m: { ...edit, version: 2, to: '2029-12-31' } }, kansli);
    expect(codes(await api.gql(SAVE, { o: org, m: { ...edit, version: 2, to: null } }, kansli))).toEqual([
      'VERSION_CONFLICT',
    ]);
    const audit = await api.ds.query(
      `SELECT action, payload FROM audit_entry WHERE organisation_id = $1 AND entity_id = $2 ORDER BY seq, insert_order`,
      [org, seat.id],
    );
    expect(
      audit.map((a: { action: string; payload: { version: number } }) => [a.action, a.payload.version]),
    ).toEqual([
      ['board.mandate_saved', 2],
      ['board.mandate_saved', 3],
    ]);
    // A mistaken mandate is removed (at its version); Kristinehamn's ledamot keeps the role through the old one.
    const REMOVE = 'mutation($id: ID!, $v: Int!){ removeBoardMandate(mandateId: $id, version: $v) }';
    expect(codes(await api.gql(REMOVE, { id: added.id, v: 2 }, kansli))).toEqual(['VERSION_CONFLICT']);
    expect(
      (await api.ok<{ removeBoardMandate: boolean }>(REMOVE, { id: added.id, v: 1 }, kansli))
        .removeBoardMandate,
    ).toBe(true);
    const [removed] = await api.ds.query(
      `SELECT payload FROM audit_entry WHERE entity_id = $1 AND action = 'board.mandate_removed'`,
      [added.id],
    );
    expect(removed.payload).toMatchObject({ role: 'STYRELSELEDAMOT', roleRemoved: false });
    // The bundle carries the mandates, and importing it back changes nothing.
    const admin = await api.adminToken();
    const { exportOrganisationBundle: exported } = await api.ok<{
      exportOrganisationBundle: { boardMandates: Array<Record<string, unknown>> };
    }>(`{ exportOrganisationBundle(slug: "${SLUG}") }`, {}, admin);
    expect(exported.boardMandates).toContainEqual(
      expect.objectContaining({
        email: at('ledamot3'),
        from: '2026-04-01',
        to: '2029-12-31',
        title: 'ORDFORANDE',
      }),
    );
    const before = await api.ok<{ boardMandates: Mandate[] }>(LIST, { o: org }, kansli);
    await api.ok('mutation($b: JSON!){ importOrganisationBundle(bundle: $b){ id } }', { b: exported }, admin);
    expect(await api.ok<{ boardMandates: Mandate[] }>(LIST, { o: org }, kansli)).toEqual(before);
  });

  it('before a signing request, the signature page lists the board on the planned decision date, else today, and says which', async () => {
    const chef = await token(at('forbundschef'));
    const SETTINGS =
      'mutation($o: ID!, $p: String){ saveReportSettings(organisationId: $o, plannedDecisionDate: $p){ plannedDecisionDate } }';
    const signaturePage = async () => {
      const { done } = await api.compileReport<{
        id: string;
        status: string;
        model: Record<string, unknown>;
      }>(org, 'ARSREDOVISNING', chef, 'id status model');
      expect(done.status).toBe('READY');
      const sig = (done.model.sections as Array<{ id: string; signatures?: Record<string, unknown> }>).find(
        (x) => x.id === 'underskrifter',
      )!.signatures!;
      const printed = await reportText(done.id, chef);
      return { sig, page: printed.slice(printed.lastIndexOf('Styrelsens underskrift')).replace(/\s+/g, ' ') };
    };
    // no plan: the day the report is compiled, said in words
    const today = swedishDate(new Date());
    const compiled = await signaturePage();
    expect(compiled.sig.boardAsOf).toEqual(expect.objectContaining({ date: today, basis: 'COMPILED' }));
    expect(compiled.sig.decisionDate).toBeNull();
    expect(compiled.page).toContain(
      `Styrelsen enligt uppdrag den ${swedishDay(today)}, dagen då årsredovisningen sammanställdes.`,
    );

    // a date that is not a date is refused; a planned decision in March 2026: the ordförande whose mandate ends on
    // 31 March signs there, not the one who sits from April
    expect(codes(await api.gql(SETTINGS, { o: org, p: '2026-02-30' }, chef))).toEqual(['BAD_USER_INPUT']);
    const saved = await api.ok<{ saveReportSettings: { plannedDecisionDate: string | null } }>(
      SETTINGS,
      { o: org, p: '2026-03-20' },
      chef,
    );
    expect(saved.saveReportSettings.plannedDecisionDate).toBe('2026-03-20');
    const planned = await signaturePage();
    expect(planned.sig.boardAsOf).toEqual(expect.objectContaining({ date: '2026-03-20', basis: 'PLANNED' }));
    expect(planned.page).toContain(
      'Styrelsen enligt uppdrag den 20 mars 2026, den dag styrelsen planerar att besluta om årsredovisningen.',
    );
    expect(planned.page).toContain('Ledamot 1 (AF)');
    expect(planned.page).not.toContain('Ledamot 3 (HAMMARO)');

    // saving the settings without the date takes the plan away again
    const cleared = await api.ok<{ saveReportSettings: { plannedDecisionDate: string | null } }>(
      SETTINGS,
      { o: org },
      chef,
    );
    expect(cleared.saveReportSettings.plannedDecisionDate).toBeNull();
  });

  it('prints the 2025 board, sends the report to the board of the decision date, and an ersättare signs in place', async () => {
    const chef = await token(at('forbundschef'));
    const names = new Map(
      (await api.ok<{ boardMandates: Mandate[] }>(LIST, { o: org }, chef)).boardMandates.map((m) => [
        m.personId,
        m.name,
      ]),
    );
    const nameOf = async (who: string) => names.get(await personId(at(who)))!;

    const { done } = await api.compileReport<{ id: string; status: string; model: Record<string, unknown> }>(
      org,
      'ARSREDOVISNING',
      chef,
      'id status model',
    );
    expect(done.status).toBe('READY');
    // The report prints the board of 2025: the old ordförande, not the one who sits from April 2026.
    const sections = done.model.sections as Array<{
      id: string;
      text: string;
      tables: Array<{ id: string; rows: Array<{ label: string; values: string[] }> }>;
    }>;
    const board = sections.find((s) => s.id === 'styrelse')!;
    const rows = (id: string) =>
      board.tables.find((t) => t.id === id)!.rows.map((r) => [r.label, ...r.values]);
    expect(rows('styrelse_ledamoter')).toEqual([
      [await nameOf('ledamot1'), 'Ordförande', 'Arbetsförmedlingen', 'hela året'],
      [await nameOf('ledamot2'), 'Vice ordförande', 'Region Värmland', 'hela året'],
    ]);
    expect(rows('styrelse_ersattare').map((r) => r[0])).toEqual(
      [await nameOf('ersattare1'), await nameOf('ersattare2')].sort((a, b) => a.localeCompare(b, 'sv')),
    );
    expect(rows('styrelse_revisorer')).toEqual([
      [await nameOf('revisor1'), 'Auktoriserad revisor', 'Förbundet', 'hela året'],
    ]);
    expect(board.text).toContain('Könsfördelning bland ledamöter och ersättare: 2 kvinnor och 2 män.');
    // In the PDF (long names wrap in their column: the first words are enough)
    const printed = await reportText(done.id, chef);
    const from = printed.indexOf('Styrelse och revisorer');
    expect(from).toBeGreaterThan(0);
    const boardPart = printed.slice(from, printed.indexOf('2 Resultaträkning', from));
    expect(boardPart).toContain('Ledamot 1 (AF)');
    expect(boardPart).not.toContain('Ledamot 3 (HAMMARO)');
    // The signature page names the board sitting when the report is compiled for its decision (no signing
    // request names a decision date yet: today), so the ordförande from April 2026 signs there.
    expect(printed.slice(printed.lastIndexOf('Styrelsens underskrift'))).toContain('Ledamot 3 (HAMMARO)');

    // The request goes to those sitting on 2026-04-20: the new ordförande, the vice ordförande and the revisor.
    const created = (
      await api.ok<{ createSigningRequest: Req }>(
        `mutation($r: ID!){ createSigningRequest(reportId: $r, decisionDate: "2026-04-20"){ ${SR} } }`,
        { r: done.id },
        chef,
      )
    ).createSigningRequest;
    expect(created.decisionDate).toBe('2026-04-20');
    expect(created.signers.map((s) => [s.name, s.role, s.roleText])).toEqual([
      [await nameOf('ledamot3'), 'STYRELSELEDAMOT', 'ordförande'],
      [await nameOf('ledamot2'), 'STYRELSELEDAMOT', 'vice ordförande'],
      [await nameOf('revisor1'), 'REVISOR', 'Auktoriserad revisor'],
    ]);

    // An ersättare steps in for the vice ordförande: not without a reason, not one of another party.
    const IN_PLACE = `mutation($r: ID!, $l: ID!, $e: ID!, $why: String!){ signInPlaceOf(requestId: $r, ledamotPersonId: $l, ersattarePersonId: $e, reason: $why){ ${SR} } }`;
    const vice = await personId(at('ledamot2'));
    const ersattare = await personId(at('ersattare2'));
    const args = { r: created.id, l: vice, e: ersattare, why: 'Ledamoten är sjukskriven.' };
    expect(codes(await api.gql(IN_PLACE, { ...args, why: ' ' }, await token(at('ersattare2'))))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const otherParty = await api.gql(
      IN_PLACE,
      { ...args, e: await personId(at('ersattare1')) },
      await token(at('ersattare1')),
    );
    expect(codes(otherParty)).toEqual(['BAD_USER_INPUT']);
    expect(otherParty.errors![0].message).toBe('Ersättaren är utsedd av en annan part än ledamoten.');
    // one ersättare cannot put another in
    expect(codes(await api.gql(IN_PLACE, args, await token(at('ersattare1'))))).toEqual(['FORBIDDEN']);
    const swapped = (await api.ok<{ signInPlaceOf: Req }>(IN_PLACE, args, await token(at('ersattare2'))))
      .signInPlaceOf;
    expect(swapped.signers[1]).toMatchObject({
      personId: ersattare,
      role: 'STYRELSEERSATTARE',
      state: 'SENT',
      inPlaceOfName: await nameOf('ledamot2'),
      substitutionReason: 'Ledamoten är sjukskriven.',
      roleText: `ersättare för ${await nameOf('ledamot2')} (skäl: Ledamoten är sjukskriven.)`,
    });

    // The three sign (the vice ordförande no longer can); the seal's signeringsintyg says who stood in and why.
    const signersEmails = [at('ledamot3'), at('ersattare2'), at('revisor1')];
    for (const email of [...signersEmails, at('ledamot2')]) await enrolTotp(email);
    expect(codes(await sign(created.id, at('ledamot2')))).toEqual(['FORBIDDEN']);
    for (const email of signersEmails) expect((await sign(created.id, email)).errors).toBeUndefined();
    let sealed: Req | null = null;
    for (let i = 0; i < 600 && !sealed?.sealedPdfFileId; i++) {
      sealed = (
        await api.ok<{ signingRequest: Req }>(
          `query($r: ID!){ signingRequest(reportId: $r){ ${SR} } }`,
          { r: done.id },
          chef,
        )
      ).signingRequest;
      if (!sealed.sealedPdfFileId) await new Promise((res) => setTimeout(res, 100));
    }
    expect(sealed!.status).toBe('COMPLETED');
    const intyg = (await api.pdfText(sealed!.sealedPdfFileId!, chef, 1)).replace(/\s+/g, ' ');
    expect(intyg).toContain('Signeringsintyg');
    expect(intyg).toContain('Underskrifter (3)');
    expect(intyg).toContain(
      `${await nameOf('ersattare2')}, ersättare för ${await nameOf('ledamot2')} (skäl: Ledamoten är sjukskriven.)`,
    );
    expect(intyg).toContain('Ersättare undertecknar i ledamotens ställe');
  }, 240_000);

  async function enrolTotp(email: string): Promise<void> {
    const t = await token(email);
    const s = await api.ok<{ setupTotp: { secret: string } }>(
      'mutation($p: String){ setupTotp(password: $p) { secret } }',
      { p: PASSWORD },
      t,
    );
    await api.ok(
      'mutation($c: String!){ confirmTotp(code: $c) }',
      { c: authenticator.generate(s.setupTotp.secret) },
      t,
    );
    secrets.set(email, s.setupTotp.secret);
  }

  /** Signs with a fresh one-time code (a code is good once: waits for the next 30-second step after the last). */
  async function sign(requestId: string, email: string) {
    const [row] = await api.ds.query(
      'SELECT t.last_used_step FROM person_totp t JOIN person p ON p.id = t.person_id WHERE p.email = $1',
      [email],
    );
    while (row?.last_used_step != null && Math.floor(Date.now() / 30000) <= Number(row.last_used_step) + 1)
      await new Promise((r) => setTimeout(r, 500));
    return api.gql<{ signWithTotp: Req }>(
      `mutation($r: ID!, $p: String!, $c: String!){ signWithTotp(requestId: $r, password: $p, code: $c){ id } }`,
      { r: requestId, p: PASSWORD, c: authenticator.generate(secrets.get(email)!) },
      await token(email),
    );
  }

  async function reportText(reportId: string, as: string): Promise<string> {
    const r = await api.ok<{ report: { pdfFileId: string } }>(
      'query($id: ID!){ report(id: $id){ pdfFileId } }',
      { id: reportId },
      as,
    );
    return api.pdfText(r.report.pdfFileId, as);
  }
});
