import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DemoSeedService } from '../../apps/api/src/demo/demo-seed.service';
import { DEMO_PASSWORD, FIXTURES, orgId, tenantBundle, TestApi } from '../helpers/api';
import { startWorker } from '../helpers/worker';
import { launchBrowser, expectAccessible, signedInPage } from '../helpers/browser';

/**
 * Journeys of issue 13 in Debian's Chromium: a report that lacks one insats' follow-up names it and cannot be
 * sent without an override, the förbundschef exempts it with a reason; a projektägare of an insats that started
 * in September sees no Delår owed for that year.
 */
const SLUG = 'webbtacker';
const mail = (local: string) => `${local}@${SLUG}.example`;

describe('web: a report accounts for every insats; periods follow the insats dates', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let browser: Browser;
  let org: string;
  const contexts: BrowserContext[] = [];

  const as = (email: string): Promise<Page> => signedInPage(browser, api.url, contexts, email, DEMO_PASSWORD);

  beforeAll(async () => {
    if (!existsSync(join(__dirname, '..', '..', 'dist', 'web', 'index.html')))
      throw new Error('dist/web saknas: bygg webbappen med scripts/build-web.sh (npm test gör det).');
    api = await TestApi.start();
    worker = await startWorker();
    // Every follow-up approved except Stegen's Helår 2025.
    const dir = mkdtempSync(join(tmpdir(), 'webbtacker-'));
    cpSync(FIXTURES, dir, { recursive: true });
    writeFileSync(
      join(dir, 'organisation.json'),
      JSON.stringify(tenantBundle(SLUG, 'Samordningsförbundet Webbtäcker')),
    );
    rmSync(join(dir, 'submissions', 'stegen-helar-2025.json'));
    await api.app.get(DemoSeedService).seed(dir);
    org = await orgId(api, SLUG);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await worker?.close();
    await api?.close();
  });

  it('names the insats without a follow-up, refuses signing without an override, and takes an exemption', async () => {
    const token = await api.login(mail('forbundschef'));
    const { done } = await api.compileReport(org, 'ARSREDOVISNING', token);
    expect(done.status).toBe('READY');
    const page = await as(mail('forbundschef'));
    await page.goto(`/rapporter/${done.id}`);
    await page.getByRole('heading', { name: 'Insatser utan godkänd uppföljning' }).waitFor();
    await page.getByText('Stegen Kristinehamn, Helår 2025: Uppföljning saknas').waitFor();
    await page
      .getByText(/Stegen Kristinehamn: uppföljning saknas för Helår 2025/)
      .first()
      .waitFor();
    await expectAccessible(page, 'tacker-01-uppfoljning-saknas');

    // Sending without a reason is refused, with the API's own words.
    await page.getByRole('button', { name: 'Skicka för underskrift' }).click();
    await page.getByText(/skriftlig motivering/).waitFor();

    await page
      .getByLabel('Skäl att undanta insatsen för perioden')
      .fill('Insatsen pausades under hösten; styrelsen informerad.');
    await page.getByRole('button', { name: 'Undanta insatsen' }).click();
    await page.getByText(/Stegen Kristinehamn är undantagen för helår 2025/).waitFor();

    const again = await api.compileReport(org, 'ARSREDOVISNING', token);
    await page.goto(`/rapporter/${again.done.id}`);
    await page
      .getByText(
        'Stegen Kristinehamn, Helår 2025: Undantagen: Insatsen pausades under hösten; styrelsen informerad.',
      )
      .waitFor();
    await page.getByRole('heading', { name: 'Underskrifter' }).waitFor();
    expect(await page.getByLabel('Skäl att skicka trots avvikande kontroller').count()).toBe(0);
    await expectAccessible(page, 'tacker-02-undantagen');
  });

  it('a projektägare of an insats that started in September sees no Delår owed that year', async () => {
    const page = await as(mail('projektagare.forb-hammaro'));
    const table = page.getByRole('table', { name: 'Uppföljningar för Förberedande insats Hammarö' });
    await table.waitFor();
    const periods = await table.getByRole('rowheader').allTextContents();
    expect(periods).toContain('Helår 2025');
    expect(periods).not.toContain('Delår 2025');
    expect(periods).not.toContain('Helår 2024');
    await expectAccessible(page, 'tacker-03-mina-insatser');
  });
});
