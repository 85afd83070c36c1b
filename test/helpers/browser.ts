import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import axe from 'axe-core';

/** Debian's Chromium (never a downloaded browser), installed by scripts/test.sh. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(__dirname, '..', 'artifacts', 'web');

/** Flags without which Chromium reaches for Google's hosts on this closed network. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium saknas på ${CHROMIUM}; kör npm test (installerar den).`);
  // launch() gives every run a fresh, empty profile (user-data-dir) of its own.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/** A browser window of its own (own sessionStorage), laptop-sized, Swedish. */
export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    baseURL,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
  });
  // How long a step may wait for the page before the test fails: generous, because on a loaded 2-core machine a
  // save and its re-render took over 15 s once (report-structure); a passing step never waits for it.
  ctx.setDefaultTimeout(30_000);
  // A script error in the page shows in the test's output, not only as a missing element later.
  ctx.on('weberror', (e) => console.error(`page error: ${e.error().message}`));
  ctx.on('console', (m) => {
    if (m.type() === 'error') console.error(`browser console: ${m.text()}`);
  });
  return ctx;
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  const signedIn = page.getByRole('button', { name: 'Logga ut' });
  const refused = page.getByRole('alert');
  await signedIn.or(refused).first().waitFor();
  if (!(await signedIn.isVisible()))
    throw new Error(`${email} could not sign in: ${await refused.textContent()}`);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core against WCAG 2.1 A and AA; returns the serious and critical findings. */
export async function seriousA11yViolations(page: Page): Promise<AxeFinding[]> {
  await page.addScriptTag({ content: axe.source });
  const result = await page.evaluate(async () => {
    // Runs in the page: the browser's globals, typed here for the Node-side compiler.
    const w = globalThis as unknown as { axe: typeof axe; document: Parameters<typeof axe.run>[0] };
    const r = await w.axe.run(w.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A screenshot under test/artifacts/web, then zero serious or critical axe findings on the page. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const findings = await seriousA11yViolations(page);
  expect({ page: name, findings }).toEqual({ page: name, findings: [] });
}
