import { seedFixture, tenantBundle, TestApi } from '../helpers/api';
import { expectAccessible } from '../helpers/browser';
import { WebApp } from '../helpers/web-app';

/**
 * Journeys of issue 13 in Debian's Chromium: a report that lacks one insats' follow-up names it and cannot be
 * sent without an override, the förbundschef exempts it with a reason; a projektägare of an insats that started
 * in September sees no Delår owed for that year.
 */
const SLUG = 'webbtacker';
const mail = (local: string) => `${local}@${SLUG}.example`;

describe('web: a report accounts for every insats; periods follow the insats dates', () => {
  let web: WebApp;
  let api: TestApi;
  let org: string;

  beforeAll(async () => {
    web = await WebApp.start({ worker: true });
    api = web.api;
    // Every follow-up approved except Stegen's Helår 2025.
    org = await seedFixture(api, tenantBundle(SLUG, 'Samordningsförbundet Webbtäcker'), [
      'submissions/stegen-helar-2025.json',
    ]);
  });
  afterAll(() => web?.close());

  it('names the insats without a follow-up, refuses signing without an override, and takes an exemption', async () => {
    const token = await api.login(mail('forbundschef'));
    const { done } = await api.compileReport(org, 'ARSREDOVISNING', token);
    expect(done.status).toBe('READY');
    const page = await web.as(mail('forbundschef'));
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
    const page = await web.as(mail('projektagare.forb-hammaro'));
    const table = page.getByRole('table', { name: 'Uppföljningar för Förberedande insats Hammarö' });
    await table.waitFor();
    const periods = await table.getByRole('rowheader').allTextContents();
    expect(periods).toContain('Helår 2025');
    expect(periods).not.toContain('Delår 2025');
    expect(periods).not.toContain('Helår 2024');
    await expectAccessible(page, 'tacker-03-mina-insatser');
  });
});
