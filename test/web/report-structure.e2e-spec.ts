import { seedFixture, tenantBundle, TestApi } from '../helpers/api';
import { expectAccessible } from '../helpers/browser';
import { WebApp } from '../helpers/web-app';

/**
 * Issue 14 items 3–4 in Debian's Chromium: the förbundschef chooses the årsredovisning's sections (adds one,
 * removes one, renames one), then writes the new section's text and sees it in the preview.
 */
const SLUG = 'webbstruktur';
const mail = (local: string) => `${local}@${SLUG}.example`;

describe('web: the report structure and the förbundschef’s texts', () => {
  let web: WebApp;
  let api: TestApi;
  let org: string;

  beforeAll(async () => {
    web = await WebApp.start();
    api = web.api;
    org = await seedFixture(api, tenantBundle(SLUG, 'Samordningsförbundet Webbstruktur'));
  });
  afterAll(() => web?.close());

  it('adds, removes, moves and renames sections, saves a version, and writes the new section’s text with a preview', async () => {
    const page = await web.as(mail('forbundschef'));
    await page.goto('/rapporter');
    await page.getByText('Rapportens avsnitt, ordning och rubriker').click();
    await page.getByText('Förbundet följer förlagornas standardstruktur.').waitFor();

    await page.getByLabel('Rubrik för Noter').fill('Noter till räkenskaperna');
    await page.getByRole('button', { name: 'Ta bort Kassaflödesanalys' }).click();
    await page.getByLabel('Lägg till avsnitt').selectOption('ordforande_har_ordet');
    await page.getByRole('button', { name: 'Lägg till sist' }).click();
    // a chapter of its own first: moved from the end to the top
    const up = page.getByRole('button', { name: 'Flytta upp Ordförande har ordet' });
    while (await up.isEnabled()) await up.click();
    await expectAccessible(page, 'struktur-01-redigerad');
    await page.getByRole('button', { name: 'Spara strukturen' }).click();
    await page.getByText(/Strukturen är sparad som version 1/).waitFor();

    const [saved] = await api.ds.query(
      `SELECT entries FROM report_structure WHERE organisation_id = $1 AND kind = 'ARSREDOVISNING' AND version = 1`,
      [org],
    );
    const ids = (saved.entries as Array<{ id: string; heading?: string }>).map((e) => e.id);
    expect(ids[0]).toBe('ordforande_har_ordet');
    expect(ids).not.toContain('kassaflodesanalys');
    expect(saved.entries.find((e: { id: string }) => e.id === 'noter').heading).toBe(
      'Noter till räkenskaperna',
    );

    // the texts follow the new structure: the new section first, its text in the preview
    await page.reload();
    await page.getByText('Förbundschefens texter, avsnitt för avsnitt').click();
    await page
      .getByLabel('Ordförande har ordet', { exact: true })
      .fill('Ett år av samverkan.\n\nTack till alla parter.');
    await page.getByRole('button', { name: 'Förhandsgranska texterna' }).click();
    const preview = page.getByRole('region', { name: 'Förhandsgranskning av texterna' });
    await preview.getByRole('heading', { name: 'Ordförande har ordet' }).waitFor();
    await preview.getByText('Tack till alla parter.').waitFor();
    await preview.getByRole('heading', { name: 'Noter till räkenskaperna' }).waitFor();
    await page.getByRole('button', { name: 'Spara texterna' }).click();
    await page.getByText('Texterna är sparade.').waitFor();
    await expectAccessible(page, 'struktur-02-texter-forhandsgranskning');
  });
});
