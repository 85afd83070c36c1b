import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { DEMO_PASSWORD, importBundle, tenantBundle, TestApi } from '../helpers/api';
import { launchBrowser, newContext, screenshot, signIn, expectAccessible } from '../helpers/browser';

const catalogueFile = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'demo', 'nns', 'nns-katalog.json'), 'utf8'),
);

/**
 * The NNS survey as people meet it: the förbundschef opens a round and gets a link and codes; a participant
 * answers on a phone without logging in, and cannot answer twice with the same code; the answer is counted.
 */
describe('NNS survey in a real browser', () => {
  let api: TestApi;
  let browser: Browser;
  let org: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    if (!existsSync(join(__dirname, '..', '..', 'dist', 'web', 'index.html')))
      throw new Error('dist/web saknas: bygg webbappen med scripts/build-web.sh (npm test gör det).');
    api = await TestApi.start();
    await api.ok(
      'mutation($c: JSON!){ loadNnsCatalogue(catalogue: $c){ version } }',
      { c: catalogueFile },
      await api.adminToken(),
    );
    org = (await importBundle(api, tenantBundle('enkatwebb', 'Samordningsförbundet Enkätwebben'))).id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await api?.close();
  });

  it('a participant answers on a phone with a one-time code, once, and the round counts it', async () => {
    const chefCtx = await newContext(browser, api.url);
    contexts.push(chefCtx);
    const chef = await chefCtx.newPage();
    await signIn(chef, 'forbundschef@enkatwebb.example', DEMO_PASSWORD);
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

    const phoneCtx = await browser.newContext({
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    contexts.push(phoneCtx);
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
