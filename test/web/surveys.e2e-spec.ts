import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importBundle, tenantBundle, TestApi } from '../helpers/api';
import { screenshot, expectAccessible } from '../helpers/browser';
import { WebApp } from '../helpers/web-app';

const catalogueFile = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'demo', 'nns', 'nns-katalog.json'), 'utf8'),
);

/**
 * The NNS survey as people meet it: the förbundschef opens a round and gets a link and codes; a participant
 * answers on a phone without logging in, and cannot answer twice with the same code; the answer is counted.
 */
describe('NNS survey in a real browser', () => {
  let web: WebApp;
  let api: TestApi;
  let org: string;

  beforeAll(async () => {
    web = await WebApp.start();
    api = web.api;
    await api.ok(
      'mutation($c: JSON!){ loadNnsCatalogue(catalogue: $c){ version } }',
      { c: catalogueFile },
      await api.adminToken(),
    );
    org = (await importBundle(api, tenantBundle('enkatwebb', 'Samordningsförbundet Enkätwebben'))).id;
  });
  afterAll(() => web?.close());

  it('a participant answers on a phone with a one-time code, once, and the round counts it', async () => {
    const chef = await web.as('forbundschef@enkatwebb.example');
    await chef.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Enkäter' }).click();
    await chef.getByLabel('Vem svarar').selectOption('DELTAGARE_AVSLUT');
    await chef.getByLabel('Insats', { exact: true }).selectOption({ label: 'Stegen Kristinehamn' });
    await chef.getByLabel('Antal engångskoder').fill('2');
    await chef.getByRole('button', { name: 'Öppna omgången' }).click();
    await chef.getByText('Enkätomgången är öppnad.').waitFor();
    const codes = await chef.locator('.survey-codes li').allTextContents();
    expect(codes).toHaveLength(2);
    const link = (await chef
      .getByRole('region', { name: 'Länk och koder' })
      .getByRole('link')
      .getAttribute('href')) as string;
    expect(link).toMatch(/\/enkat\/[\w-]+$/);
    await expectAccessible(chef, 'enkater-kansli');

    const phoneCtx = await web.browser.newContext({
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    web.contexts.push(phoneCtx);
    const phone = await phoneCtx.newPage();
    await phone.goto(link);
    await phone.getByRole('heading', { name: 'Vad tycker du?' }).waitFor();
    expect(
      await phone.evaluate(
        () => (globalThis as unknown as { sessionStorage: { length: number } }).sessionStorage.length,
      ),
    ).toBe(0);
    await phone.getByLabel('Din kod').fill(codes[0].toLowerCase());
    await phone
      .getByRole('group', { name: /Fråga 2 av 3/ })
      .getByLabel('Helt och hållet')
      .check();
    await expectAccessible(phone, 'enkat-deltagare-mobil');
    await phone.getByRole('button', { name: 'Skicka mina svar' }).click();
    await phone.getByRole('heading', { name: 'Tack för dina svar!' }).waitFor();

    const again = await phoneCtx.newPage();
    await again.goto(link);
    await again.getByLabel('Din kod').fill(codes[0]);
    await again
      .getByRole('group', { name: /Fråga 1 av 3/ })
      .getByLabel('Ofta')
      .check();
    await again.getByRole('button', { name: 'Skicka mina svar' }).click();
    const refused = again.getByRole('alert').filter({ hasText: 'Koden' });
    await refused.waitFor();
    expect(await refused.textContent()).toContain('redan använts');
    await screenshot(again, 'enkat-deltagare-kod-anvand');

    await chef.reload();
    await chef.getByRole('cell', { name: /1 av 2/ }).waitFor();
    const [{ answered }] = await api.ds.query(
      'SELECT answered FROM survey_collection WHERE organisation_id = $1',
      [org],
    );
    expect(answered).toBe(1);
  });
});
