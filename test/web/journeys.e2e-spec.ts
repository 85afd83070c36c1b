import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { DEMO_PASSWORD, FIXTURES, seedFixture, tenantBundle, TestApi } from '../helpers/api';
import { expectAccessible } from '../helpers/browser';
import { WebApp } from '../helpers/web-app';

/**
 * Issue 13, the journeys in a real browser (Debian's Chromium) against the real API and worker: signing without
 * friction (items 6), the follow-up flow's promises (7), administration that keeps data (8), the basics of a web
 * app (10), and axe-core at zero serious or critical findings on every page, at laptop and phone width.
 */
const SLUG = 'resor';
const mail = (local: string) => `${local}@${SLUG}.example`;
const SITE = 'Samordningsplattformen';
const PHONE = { width: 390, height: 844 };
const fixtureAnswers = JSON.parse(
  readFileSync(join(FIXTURES, 'submissions', 'stegen-helar-2025.json'), 'utf8'),
).answers;

/** The page's globals, typed for the Node-side compiler (the callbacks below run in the browser). */
interface Browserside {
  document: {
    getElementById(id: string): { compareDocumentPosition(other: unknown): number } | null;
    querySelector(selector: string): unknown;
    documentElement: { scrollWidth: number };
  };
  localStorage: { setItem(key: string, value: string): void };
}

/** Waits until `read` gives something (a dialog's message arrives through an event), then returns it. */
async function until(read: () => string): Promise<string> {
  for (let i = 0; i < 100 && !read(); i++) await new Promise((r) => setTimeout(r, 100));
  return read();
}

describe('issue 13 journeys in the browser', () => {
  let web: WebApp;
  let api: TestApi;
  let org: string;
  let submissionId: string;
  let reportId: string;

  beforeAll(async () => {
    delete process.env.BANKID_URL;
    web = await WebApp.start({ worker: true });
    api = web.api;
    // The fixture as a förbund of its own, without Stegen's annual follow-up (submitted below, then withdrawn).
    org = await seedFixture(api, tenantBundle(SLUG, 'Samordningsförbundet Resor'), [
      'submissions/stegen-helar-2025.json',
    ]);

    // Stegen's projektägare submits the annual follow-up through the API.
    const owner = await api.login(mail('projektagare.stegen'));
    const [insats] = await api.ds.query(
      "SELECT id FROM insats WHERE organisation_id = $1 AND key = 'stegen'",
      [org],
    );
    const started = await api.ok<{ startSubmission: { id: string; version: number } }>(
      'mutation($i: ID!){ startSubmission(insatsId: $i, period: "HELAR-2025"){ id version } }',
      { i: insats.id },
      owner,
    );
    submissionId = started.startSubmission.id;
    const saved = await api.ok<{
      saveSubmission: { version: number; validationErrors: Array<{ path: string; message: string }> };
    }>(
      'mutation($id: ID!, $v: Int!, $a: JSON!){ saveSubmission(id: $id, version: $v, answers: $a){ version validationErrors { path message } } }',
      { id: submissionId, v: started.startSubmission.version, a: { ...fixtureAnswers, bilagor: [] } },
      owner,
    );
    expect(saved.saveSubmission.validationErrors).toEqual([]);
    await api.ok(
      'mutation($id: ID!, $v: Int!){ submitSubmission(id: $id, version: $v){ id } }',
      { id: submissionId, v: saved.saveSubmission.version },
      owner,
    );

    // The årsredovisning, sent to the board for signing.
    const chef = await api.login(mail('forbundschef'));
    const { done } = await api.compileReport(org, 'ARSREDOVISNING', chef);
    expect(done.status).toBe('READY');
    reportId = done.id;
    await api.ok(
      'mutation($r: ID!){ createSigningRequest(reportId: $r, order: PARALLEL, overrideReason: "Stegens helår granskas ännu"){ id } }',
      { r: reportId },
      chef,
    );
  });
  afterAll(() => web?.close());

  it('a submitted follow-up is withdrawn, changed and submitted again, with a confirmation each time', async () => {
    const page = await web.as(mail('projektagare.stegen'));
    await page.goto(`/uppfoljningar/${submissionId}`);
    await page.getByRole('heading', { level: 1, name: /Stegen.*Helår 2025/ }).waitFor();
    expect(await page.title()).toBe(`${await page.locator('h1').textContent()} – ${SITE}`);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Dra tillbaka uppföljningen' }).click();
    await page
      .getByText('Uppföljningen är tillbakadragen. Du kan ändra den och skicka in den igen.')
      .waitFor();
    const [row] = await api.ds.query('SELECT status FROM submission WHERE id = $1', [submissionId]);
    expect(row.status).toBe('WITHDRAWN');

    // The editor again: a share typed above 100 percent is refused in percent, in the summary at the top.
    await page.locator('#f---deltagare-stegforflyttning_andel').fill('120');
    await page.getByText(/^Sparat /).waitFor();
    await page.getByRole('button', { name: 'Skicka in uppföljningen' }).click();
    const summary = page.locator('#error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain(
      'Deltagare › Andel med stegförflyttning: ska vara mellan 0 och 100 procent (du skrev 120 %)',
    );
    // The summary stands before the form.
    expect(
      await page.evaluate(() => {
        const { document: d } = globalThis as unknown as Browserside;
        const s = d.getElementById('error-summary')!;
        // 4: Node.DOCUMENT_POSITION_FOLLOWING
        return Boolean(s.compareDocumentPosition(d.querySelector('.form-sections')) & 4);
      }),
    ).toBe(true);
    await page.locator('#f---deltagare-stegforflyttning_andel').fill('39');
    await page.locator('#f---ekonomi-kommentar').fill('Avvikelsen förklaras i bilagan till styrgruppen.');
    await page.getByText(/^Sparat /).waitFor();
    await page.getByRole('button', { name: 'Skicka in uppföljningen' }).click();
    await page.getByText(/Uppföljningen är inskickad\. Den går nu till .*styrgrupp/).waitFor();
    await expectAccessible(page, 'r01-inskickad-bekraftelse');
  });

  it('the styrgrupp sees what changed since the previous submission, and is warned before leaving a comment unsent', async () => {
    const page = await web.as(mail('styrgrupp1.stegen'));
    await page.goto(`/uppfoljningar/${submissionId}`);
    const changes = page.getByRole('region', { name: /Ändrat sedan förra inskickningen/ });
    await changes.waitFor();
    expect(await changes.textContent()).toContain('Ekonomi › Kommentar');
    expect(await changes.textContent()).toContain('Avvikelsen förklaras i bilagan till styrgruppen.');
    expect(await changes.textContent()).not.toContain('$.');
    await expectAccessible(page, 'r02-granskning-andringar');

    // Unsaved text: moving to another page asks first; staying keeps the text.
    await page.getByLabel('Kommentar till beslutet').fill('Halvskriven kommentar');
    let asked = '';
    page.once('dialog', (d) => {
      asked = d.message();
      void d.dismiss();
    });
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Start' }).click();
    expect(await until(() => asked)).toContain('inte är sparade');
    expect(await page.getByLabel('Kommentar till beslutet').inputValue()).toBe('Halvskriven kommentar');
  });

  it('the ledamot’s inbox lists the signature waiting; the document shows in the page with its hash and a consent line', async () => {
    const page = await web.as(mail('ledamot1'));
    const item = page
      .getByRole('list', { name: 'Väntar på dig' })
      .getByRole('listitem')
      .filter({ hasText: 'Väntar på din underskrift' });
    await item.getByRole('link', { name: 'Årsredovisning 2025' }).click();
    await page.getByRole('heading', { name: 'Din underskrift' }).waitFor();
    // Only the configured methods: no BankID on this installation.
    expect(await page.getByRole('radio', { name: /BankID/ }).count()).toBe(0);
    await page.getByRole('radio', { name: /Lösenord och engångskod/ }).waitFor();
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/files/') && r.url().includes('disposition=inline')),
      page.getByRole('button', { name: 'Visa dokumentet' }).click(),
    ]);
    expect(response.headers()['content-disposition']).toMatch(/^inline/);
    const frame = page.locator('iframe[title^="Dokumentet att underteckna"]');
    await frame.waitFor();
    const [sr] = await api.ds.query('SELECT document_sha256 FROM signing_request WHERE report_id = $1', [
      reportId,
    ]);
    expect(await page.locator('.document-hash').textContent()).toContain(sr.document_sha256);
    // The consent line comes before the method, which says it needs an authenticator app and where to set one up.
    expect(await page.getByRole('radio', { name: /Lösenord och engångskod/ }).isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: /skriver under dokumentet med kontrollsumman/ }).check();
    await page.getByText(/Kräver en autentiseringsapp/).waitFor();
    await expectAccessible(page, 'r03-underteckna-dokumentet');
    await page.getByRole('link', { name: 'Ställ in en autentiseringsapp under Mitt konto' }).click();
    await page.getByRole('heading', { name: 'Engångskoder' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/mitt-konto');
  });

  it('the förbundschef sees who has signed, reminds once (confirmed), and the list shows each version’s signing', async () => {
    const page = await web.as(mail('forbundschef'));
    await page.goto(`/rapporter/${reportId}`);
    await page.getByRole('heading', { name: 'Underskrifter' }).waitFor();
    expect(await page.getByText(/0 av \d+ har undertecknat/).count()).toBe(1);
    await page.getByRole('button', { name: 'Påminn dem som inte har undertecknat' }).click();
    await page.getByText(/En påminnelse är skickad till \d+ personer som inte har undertecknat/).waitFor();
    await page.getByRole('button', { name: 'Påminn dem som inte har undertecknat' }).click();
    await page.getByText(/redan skickats det senaste dygnet/).waitFor();
    const [{ n }] = await api.ds.query(
      "SELECT count(*)::int AS n FROM audit_entry WHERE action = 'signing.reminded' AND organisation_id = $1",
      [org],
    );
    expect(n).toBe(1);
    await expectAccessible(page, 'r04-rapport-paminn');

    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Rapporter' })
      .click();
    const row = page.getByRole('row', { name: /Årsredovisning 2025/ }).first();
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Pågår: 0 av \d+ har undertecknat/);
  });

  it('a person edited in administration keeps their title, party and roles; removing a role asks first', async () => {
    const page = await web.as(mail('kansli'));
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Administration' })
      .click();
    await page
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: 'Personer och roller' })
      .click();
    const titles = async (email: string) =>
      api.ds.query(
        `SELECT r.role, r.title, r.party_key AS party FROM role_assignment r JOIN person p ON p.id = r.person_id
          WHERE p.email = $1 AND r.organisation_id = $2 ORDER BY r.role`,
        [email, org],
      );
    for (const email of [mail('revisor1'), mail('ledamot1')]) {
      const before = await titles(email);
      const [person] = await api.ds.query('SELECT name FROM person WHERE email = $1', [email]);
      await page.getByRole('button', { name: `Ändra ${person.name}` }).click();
      await page.getByLabel('Personnummer (för BankID, valfritt)').fill('19700101-1234');
      await page.getByRole('button', { name: 'Spara personen' }).click();
      await page.getByText(`${person.name} är sparad.`).waitFor();
      expect(await titles(email)).toEqual(before);
    }
    expect((await titles(mail('ledamot1')))[0]).toMatchObject({ title: 'ORDFORANDE', party: 'AF' });

    // Removing a role asks first; saying no keeps everything.
    const [person] = await api.ds.query('SELECT name FROM person WHERE email = $1', [mail('revisor2')]);
    const before = await titles(mail('revisor2'));
    await page.getByRole('button', { name: `Ändra ${person.name}` }).click();
    await page.getByRole('button', { name: 'Ta bort roll 1' }).click();
    let asked = '';
    page.once('dialog', (d) => {
      asked = d.message();
      void d.dismiss();
    });
    await page.getByRole('button', { name: 'Ta bort personen ur förbundet' }).click();
    expect(await until(() => asked)).toContain(`Ta bort ${person.name} ur förbundet?`);
    expect(await titles(mail('revisor2'))).toEqual(before);
  });

  it('a budget opens for editing line by line and its save is confirmed', async () => {
    const page = await web.as(mail('kansli'));
    await page.goto('/administration/budget');
    const [b] = await api.ds.query(
      "SELECT id, year FROM budget WHERE organisation_id = $1 AND kind = 'ORDINARY' ORDER BY year LIMIT 1",
      [org],
    );
    await page
      .getByRole('button', { name: `Ändra budgeten för ${b.year}` })
      .first()
      .click();
    const [line] = await api.ds.query(
      'SELECT cost_centre_code AS code FROM budget_line WHERE budget_id = $1 ORDER BY cost_centre_code LIMIT 1',
      [b.id],
    );
    const input = page.locator(`#line-${line.code}`);
    expect(await input.inputValue()).not.toBe('');
    await input.fill('123 456');
    await page.getByRole('button', { name: 'Spara budgeten' }).click();
    await page.getByText(`Budgeten för ${b.year} är sparad.`).waitFor();
    const [saved] = await api.ds.query(
      `SELECT l.amount::text AS amount FROM budget_line l JOIN budget x ON x.id = l.budget_id
        WHERE x.organisation_id = $1 AND x.year = $2 AND x.kind = 'ORDINARY' AND l.cost_centre_code = $3`,
      [org, b.year, line.code],
    );
    expect(saved.amount).toMatch(/^123456(\.0+)?$/);
  });

  it('the session survives a new tab and an e-mail link, and says so when it has expired', async () => {
    const page = await web.as(mail('revisor1'));
    // A link from an e-mail opens in a new tab: signed in, on the page it names.
    const tab = await page.context().newPage();
    await tab.goto(`/rapporter/${reportId}`);
    await tab.getByRole('heading', { level: 1, name: 'Årsredovisning 2025' }).waitFor();
    expect(await tab.title()).toBe(`Årsredovisning 2025 – ${SITE}`);
    // Signing out in one tab signs out the other.
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await tab.getByRole('button', { name: 'Logga in' }).waitFor();

    // An expired token: the login page says so, and after signing in the same page opens. (The other tab is
    // closed first: it would notice the token arrive and drop it before this tab reads it.)
    await page.close();
    const expired = ['{"alg":"HS256"}', `{"sub":"x","exp":${Math.floor(Date.now() / 1000) - 60}}`]
      .map((s) => Buffer.from(s).toString('base64url'))
      .join('.');
    await tab.evaluate(
      (t) => (globalThis as unknown as Browserside).localStorage.setItem('samordning.token', `${t}.sig`),
      expired,
    );
    await tab.goto('/rapporter');
    await tab.getByText('Din session har gått ut. Logga in igen för att fortsätta där du var.').waitFor();
    expect(await tab.title()).toBe(`Logga in – ${SITE}`);
    await tab.getByLabel('E-postadress').fill(mail('revisor1'));
    await tab.getByLabel('Lösenord').fill(DEMO_PASSWORD);
    await tab.getByRole('button', { name: 'Logga in' }).click();
    await tab.getByRole('heading', { level: 1, name: 'Rapporter' }).waitFor();

    // A token the API refuses although it has not run out by its date (the password changed elsewhere): the
    // login page says the session expired, rather than an error on every part of the page.
    const refused = ['{"alg":"HS256"}', `{"sub":"x","exp":${Math.floor(Date.now() / 1000) + 3600}}`]
      .map((x) => Buffer.from(x).toString('base64url'))
      .join('.');
    await tab.evaluate(
      (t) => (globalThis as unknown as Browserside).localStorage.setItem('samordning.token', `${t}.sig`),
      refused,
    );
    await tab.goto('/oversikt');
    await tab.getByText('Din session har gått ut. Logga in igen för att fortsätta där du var.').waitFor();
  });

  it('serves the app split by route, compressed, with immutable caching for hashed files', async () => {
    const http = request(api.app.getHttpServer());
    const index = await http.get('/').set('accept-encoding', 'gzip');
    expect(index.headers['cache-control']).toBe('no-cache');
    const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(index.text)![1];
    const asset = await http.get(script).set('accept-encoding', 'gzip');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // Pages come as chunks of their own, loaded when visited.
    const chunks = readdirSync(join(__dirname, '..', '..', 'dist', 'web', 'assets'));
    expect(chunks.some((f) => /^report-page-.*\.js$/.test(f))).toBe(true);
    expect(index.text).not.toContain('report-page');
  });

  it('every page has its own title and no serious or critical axe finding, at laptop and at phone width', async () => {
    const pages: Array<[string, string, string]> = [
      ['forbundschef', '/', 'start-chef'],
      ['forbundschef', '/oversikt', 'oversikt'],
      ['forbundschef', '/rapporter', 'rapporter'],
      ['forbundschef', `/rapporter/${reportId}`, 'rapport'],
      ['forbundschef', '/verksamhetsplan', 'verksamhetsplan'],
      ['forbundschef', '/enkater', 'enkater'],
      ['forbundschef', `/uppfoljningar/${submissionId}`, 'granskning'],
      ['kansli', '/administration', 'administration'],
      ['kansli', '/administration/personer', 'administration-personer'],
      ['ledamot1', '/', 'start-ledamot'],
      ['ledamot1', `/rapporter/${reportId}`, 'rapport-ledamot'],
      ['ledamot1', '/mitt-konto', 'mitt-konto'],
      ['projektagare.stegen', '/', 'start-projektagare'],
      ['projektagare.stegen', '/finns-inte', 'sidan-finns-inte'],
    ];
    for (const [width, viewport] of [
      ['dator', undefined],
      ['telefon', PHONE],
    ] as const) {
      const byRole = new Map<string, Page>();
      for (const [who, path, name] of pages) {
        if (!byRole.has(who)) byRole.set(who, await web.as(mail(who), viewport));
        const page = byRole.get(who)!;
        await page.goto(path);
        const h1 = page.locator('main h1').first();
        await h1.waitFor();
        await page.waitForFunction(
          () => !(globalThis as unknown as Browserside).document.querySelector('[aria-busy="true"]'),
        );
        expect(await page.title()).toBe(`${(await h1.textContent())!.replace(/\s+/g, ' ').trim()} – ${SITE}`);
        await expectAccessible(page, `r9-${width}-${name}`);
      }
      for (const p of byRole.values()) await p.context().close();
      // The login page, signed out.
      const login = await web.page(viewport);
      await login.goto('/');
      await login.getByRole('heading', { name: 'Logga in' }).waitFor();
      await expectAccessible(login, `r9-${width}-logga-in`);
    }
    // At phone width the header stacks: the menu fits the screen without scrolling sideways.
    const phone = await web.as(mail('forbundschef'), PHONE);
    await phone.goto(`/rapporter/${reportId}`);
    await phone.getByRole('heading', { name: 'Underskrifter' }).waitFor();
    expect(
      await phone.evaluate(() => (globalThis as unknown as Browserside).document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(PHONE.width);
  }, 600_000);
});
