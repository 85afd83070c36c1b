import type { Page } from 'playwright-core';
import { ADMIN, importBundle, tenantBundle, TestApi } from '../helpers/api';
import { expectAccessible, signIn } from '../helpers/browser';
import { WebApp } from '../helpers/web-app';

const SLUG = 'adminsidor';
const SITE = 'Samordningsplattformen';
const mail = (local: string) => `${local}@${SLUG}.example`;

/** The register sub-pages the kansli of a förbund keeps, in the menu's order (the förbund list is the platform's). */
const KANSLI_PAGES = [
  ['Personer och roller', '/administration/personer'],
  ['Styrelse och revisorer', '/administration/styrelse'],
  ['Parter och fördelningsnyckel', '/administration/parter'],
  ['Kostnadsställen', '/administration/kostnadsstallen'],
  ['Budgetar', '/administration/budget'],
  ['Finansiella mål', '/administration/mal'],
  ['Prognoser', '/administration/prognoser'],
  ['Insatser', '/administration/insatser'],
  ['Bokföring', '/administration/bokforing'],
  ['Logotyp', '/administration/logotyp'],
];

interface Browserside {
  document: { querySelector: (selector: string) => unknown };
}

const h1 = (page: Page) => page.locator('main h1');
const adminNav = (page: Page) => page.getByRole('navigation', { name: 'Administration' });

/** The page's heading once it and its data have loaded, and the document title it gives. */
async function heading(page: Page): Promise<string> {
  await h1(page).waitFor();
  await page.waitForFunction(
    () => !(globalThis as unknown as Browserside).document.querySelector('[aria-busy="true"]'),
  );
  return (await h1(page).textContent())!.trim();
}

/**
 * The administration split into sub-pages in Debian's Chromium: the overview links what the person may keep, the
 * menu marks where one is, every link leads to a page with its own heading and title, an unknown sub-path is the
 * not-found page, and a projektägare is told in Swedish that the administration is not theirs.
 */
describe('web: the administration’s sub-pages and their menu', () => {
  let web: WebApp;
  let api: TestApi;

  beforeAll(async () => {
    web = await WebApp.start();
    api = web.api;
    await importBundle(api, tenantBundle(SLUG, 'Samordningsförbundet Adminsidor'));
  });
  afterAll(() => web?.close());

  it('the overview links each register with a line on it; every menu link opens its own page, marked current', async () => {
    const page = await web.as(mail('kansli'));
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Administration' })
      .click();
    expect(await heading(page)).toBe('Administration');
    expect(await page.title()).toBe(`Administration – ${SITE}`);
    expect(await adminNav(page).getByRole('link', { name: 'Översikt' }).getAttribute('aria-current')).toBe(
      'page',
    );

    // The overview: one link per register the kansli keeps, each with its description; not the platform's list.
    const overview = page.locator('main ul.admin-overview > li');
    expect(await overview.count()).toBe(KANSLI_PAGES.length);
    for (const [i, [title, path]] of KANSLI_PAGES.entries()) {
      const link = overview.nth(i).getByRole('link');
      expect(await link.textContent()).toBe(title);
      expect(await link.getAttribute('href')).toBe(path);
      expect((await overview.nth(i).textContent())!.length).toBeGreaterThan(title.length + 10);
    }
    expect(await page.getByRole('link', { name: 'Förbund på plattformen' }).count()).toBe(0);
    await expectAccessible(page, 'admin-01-oversikt');

    // Every link in the menu: its page, its own heading and title, only that link current, no error.
    const links = adminNav(page).getByRole('link');
    const names = (await links.allTextContents()).map((t) => t.trim());
    expect(names).toEqual(['Översikt', ...KANSLI_PAGES.map(([t]) => t)]);
    for (const name of names) {
      await adminNav(page).getByRole('link', { name, exact: true }).click();
      const title = await heading(page);
      expect(title).toBe(name === 'Översikt' ? 'Administration' : name);
      expect(await page.title()).toBe(`${title} – ${SITE}`);
      const current = await adminNav(page).locator('[aria-current="page"]').allTextContents();
      expect(current).toEqual([name]);
      expect(await page.getByRole('heading', { name: 'Sidan finns inte' }).count()).toBe(0);
      expect(await page.locator('main .alert-error').count()).toBe(0);
      const path = new URL(page.url()).pathname;
      expect(path).toBe(name === 'Översikt' ? '/administration' : KANSLI_PAGES.find(([t]) => t === name)![1]);
    }
    // The register's own card stays as it was, below the sub-page's heading.
    await page.getByRole('region', { name: 'Förbundets logotyp' }).waitFor();
    await expectAccessible(page, 'admin-02-logotyp');

    // A sub-page opened by its address (a bookmark) is the same page.
    await page.goto('/administration/budget');
    expect(await heading(page)).toBe('Budgetar');
    await page.getByRole('region', { name: 'Budgetar' }).waitFor();
    expect(await adminNav(page).getByRole('link', { name: 'Budgetar' }).getAttribute('aria-current')).toBe(
      'page',
    );
  });

  it('an unknown sub-path is the not-found page; the platform’s förbund list is refused to the kansli in words', async () => {
    const page = await web.as(mail('kansli'));
    await page.goto('/administration/finns-inte');
    expect(await heading(page)).toBe('Sidan finns inte');
    expect(await page.title()).toBe(`Sidan finns inte – ${SITE}`);
    await page.goto('/administration/personer/extra');
    expect(await heading(page)).toBe('Sidan finns inte');

    await page.goto('/administration/forbund');
    expect(await heading(page)).toBe('Förbund på plattformen');
    await page.getByText('Den här sidan är till för plattformens administratör.').waitFor();
    expect(await page.getByRole('table', { name: 'Alla förbund på plattformen' }).count()).toBe(0);
  });

  it('a projektägare has no Administration link and is told the administration is the kansli’s', async () => {
    const page = await web.as(mail('projektagare.tris'));
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Start' }).waitFor();
    expect(await page.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    for (const path of ['/administration', '/administration/personer', '/administration/forbund']) {
      await page.goto(path);
      expect(await heading(page)).toBe('Administration');
      await page.getByText('Administrationen är till för förbundets kansli').waitFor();
      expect(await page.getByRole('navigation', { name: 'Administration' }).count()).toBe(0);
      expect(await page.getByRole('table').count()).toBe(0);
    }
    await expectAccessible(page, 'admin-03-projektagare');
  });

  it('the platform administrator also has the förbund list, as a sub-page of its own', async () => {
    const page = await web.page();
    await signIn(page, ADMIN.email, ADMIN.password);
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Administration' })
      .click();
    await heading(page);
    await page
      .locator('main ul.admin-overview')
      .getByRole('link', { name: 'Förbund på plattformen' })
      .click();
    expect(await heading(page)).toBe('Förbund på plattformen');
    expect(
      await adminNav(page).getByRole('link', { name: 'Förbund på plattformen' }).getAttribute('aria-current'),
    ).toBe('page');
    await page
      .getByRole('table', { name: 'Alla förbund på plattformen' })
      .getByRole('row', { name: /Samordningsförbundet Adminsidor/ })
      .waitFor();
  });
});
