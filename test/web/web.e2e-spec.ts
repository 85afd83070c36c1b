import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import PDFDocument from 'pdfkit';
import { FIXTURES, seedFixture, tenantBundle, TestApi } from '../helpers/api';
import { deliverInvitation } from '../helpers/invitations';
import { screenshot, expectAccessible } from '../helpers/browser';
import { WebApp } from '../helpers/web-app';

/**
 * The web application in Debian's Chromium against the real API (which serves the built app), the real worker,
 * PostgreSQL and Redis. A förbund of its own ("Webben") has every follow-up approved except Stegen's annual one,
 * which the browser carries from an empty draft to approval, and then into the årsredovisning.
 */
const SLUG = 'webben';
const mail = (local: string) => `${local}@webben.example`;
const answers = JSON.parse(
  readFileSync(join(FIXTURES, 'submissions', 'stegen-helar-2025.json'), 'utf8'),
).answers;

function pdfBytes(title: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const parts: Buffer[] = [];
    doc.on('data', (c: Buffer) => parts.push(c));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.text(title);
    doc.end();
  });
}

/** Fails with the findings listed, so a report says what to fix. */
const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name }).click();
const adminNav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name }).click();
const id = (path: string) => `#f-${path.replace(/[^A-Za-z0-9_]/g, '-')}`;

describe('web application: every role in a real browser', () => {
  let web: WebApp;
  let api: TestApi;
  let org: string;
  let submissionUrl = '';

  beforeAll(async () => {
    web = await WebApp.start({ worker: true });
    api = web.api;
    // The fixture as a förbund of its own, without Stegen's annual follow-up (the browser writes that one).
    org = await seedFixture(api, tenantBundle(SLUG, 'Samordningsförbundet Webben'), [
      'submissions/stegen-helar-2025.json',
    ]);
  });
  afterAll(() => web?.close());

  it('the login page is in Swedish, refuses a wrong password with a message, and is accessible', async () => {
    const page = await web.page();
    await page.goto('/');
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    await page.getByLabel('E-postadress').fill(mail('projektagare.stegen'));
    await page.getByLabel('Lösenord').fill('fel-lösenord');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/e-post|lösenord/i);
    await expectAccessible(page, '01-logga-in');
  });

  it('a projektägare starts, fills in (with validation beside the fields, autosave and a bilaga) and submits', async () => {
    const page = await web.as(mail('projektagare.stegen'));
    // "Väntar på dig" lists the follow-up owed and not started, with a button to start it.
    await page
      .getByRole('list', { name: 'Väntar på dig' })
      .getByRole('button', { name: 'Påbörja Stegen Kristinehamn, Helår 2025' })
      .waitFor();
    await page.getByRole('table', { name: 'Uppföljningar för Stegen Kristinehamn' }).waitFor();
    await expectAccessible(page, '02-start-projektagare');
    await page.getByRole('button', { name: 'Påbörja helår 2025' }).click();
    await page.getByRole('heading', { level: 1, name: /Stegen.*Helår 2025/ }).waitFor();
    submissionUrl = page.url();

    // Submitting an empty draft lists what is missing, each linked to its field.
    await page.getByRole('button', { name: 'Skicka in uppföljningen' }).click();
    const summary = page.locator('#error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/fält behöver åtgärdas/);
    expect(await summary.textContent()).toContain('Verksamhet: obligatoriskt fält saknas');
    expect(await summary.textContent()).toContain('Ekonomi › Utfall: obligatoriskt fält saknas');

    await page.getByRole('textbox', { name: /^Verksamhet/ }).fill(answers.verksamhet);
    for (const [i, row] of (answers.resultat as Array<Record<string, string>>).entries()) {
      await page.locator(id(`$.resultat[${i}].utfall`)).fill(row.utfall);
      await page.locator(id(`$.resultat[${i}].bedomning`)).selectOption(row.bedomning);
      if (row.kommentar) await page.locator(id(`$.resultat[${i}].kommentar`)).fill(row.kommentar);
    }
    const d = answers.deltagare;
    await page.getByLabel('Inskrivna kvinnor').fill(String(d.inskrivna_kvinnor));
    await page.getByLabel('Inskrivna män').fill(String(d.inskrivna_man));
    await page.getByLabel('Inskrivna icke-binära').fill(String(d.inskrivna_ickebinara));
    await page.locator(id('$.deltagare.nya_under_perioden')).fill(String(d.nya_under_perioden));
    await page
      .getByRole('textbox', { name: 'Avslutade (obligatoriskt)', exact: true })
      .fill(String(d.avslutade));
    // More to work or studies than ended at all: the message stands beside the field once saved.
    await page.getByLabel('Avslutade till arbete eller studier').fill('50');
    await page.locator('.field-error', { hasText: 'får inte vara fler än antalet avslutade' }).waitFor();
    await screenshot(page, '03-uppfoljning-valideringsfel');
    await page
      .getByLabel('Avslutade till arbete eller studier')
      .fill(String(d.avslutade_till_arbete_studier));
    await page.locator(id('$.deltagare.stegforflyttning_andel')).fill('39');
    await page.locator(id('$.indikatorer.nojda_andel')).fill('87');
    await page.locator(id('$.indikatorer.mer_redo_andel')).fill('87');
    await page.locator(id('$.vald_i_nara_relationer.antal_tillfragade')).fill('41');
    await page.locator(id('$.vald_i_nara_relationer.antal_besvarade')).fill('38');
    await page.getByRole('textbox', { name: /^Jämställdhet/ }).fill(answers.jamstalldhet);
    await page.locator(id('$.ekonomi.utfall')).fill('2 245 000');
    await page.locator(id('$.ekonomi.kommentar')).fill('Se bilagan.');
    await page.locator(id('$.bedomning.niva')).selectOption(answers.bedomning.niva);

    // A bilaga dropped on the drop zone uploads with a progress bar and joins the answers.
    const pdf = (await pdfBytes('Verksamhetsberättelse Stegen 2025')).toString('base64');
    const dataTransfer = await page.evaluateHandle((b64) => {
      // Runs in the page: the browser's globals, typed here for the Node-side compiler.
      const g = globalThis as unknown as {
        atob(s: string): string;
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: unknown[], name: string, opts: { type: string }) => unknown;
      };
      const bytes = Uint8Array.from(g.atob(b64), (c) => c.charCodeAt(0));
      const dt = new g.DataTransfer();
      dt.items.add(new g.File([bytes], 'verksamhetsberattelse-2025.pdf', { type: 'application/pdf' }));
      return dt;
    }, pdf);
    await page.dispatchEvent('.dropzone', 'drop', { dataTransfer });
    await page.getByRole('button', { name: 'verksamhetsberattelse-2025.pdf', exact: true }).waitFor();

    await page.getByText(/^Sparat \d\d:\d\d:\d\d$/).waitFor();
    expect(await page.getByText('får inte vara fler än antalet avslutade').count()).toBe(0);
    expect(await page.locator('.derived').first().textContent()).toContain('91');
    await expectAccessible(page, '04-uppfoljning-ifylld');

    await page.getByRole('button', { name: 'Skicka in uppföljningen' }).click();
    await page.locator('.badge', { hasText: 'Inskickad' }).first().waitFor();
    const [row] = await api.ds.query(
      `SELECT s.status, s.answers FROM submission s JOIN insats i ON i.id = s.insats_id
        WHERE s.organisation_id = $1 AND i.key = 'stegen' AND s.period = 'HELAR-2025' AND s.is_current`,
      [org],
    );
    expect(row.status).toBe('SUBMITTED');
    expect(row.answers.ekonomi.utfall).toBe('2245000');
    expect(row.answers.deltagare.stegforflyttning_andel).toBe('0.39');
    expect(row.answers.bilagor).toHaveLength(1);
  });

  it('the styrgrupp comments on a field and returns it with a comment; the chain shows where it stands', async () => {
    const page = await web.as(mail('styrgrupp1.stegen'));
    // Besides what waits for it, the styrgrupp finds every follow-up of its insats, the approved ones too.
    const all = page.getByRole('table', { name: 'Uppföljningar för Stegen Kristinehamn' });
    expect(await all.getByRole('row', { name: /Delår 2025/ }).textContent()).toContain('Godkänd');
    const review = page.getByRole('list', { name: 'Väntar på dig' }).getByRole('listitem');
    // the list loads on its own: wait for it before counting
    await review.filter({ hasText: 'Uppföljning att granska' }).first().waitFor();
    expect(await review.filter({ hasText: 'Uppföljning att granska' }).count()).toBe(1);
    await page.getByRole('link', { name: /Stegen.*Helår 2025/ }).click();
    await page.getByRole('heading', { name: 'Ditt beslut' }).waitFor();
    const current = page.locator('.steps [aria-current="step"]');
    expect(await current.textContent()).toContain('Godkänns av styrgruppen');
    await page.getByRole('button', { name: /Kommentera .*Ekonomi: Kommentar/ }).click();
    await page
      .getByLabel(/Ny kommentar om .*Ekonomi: Kommentar/)
      .fill('Förklara avvikelsen mot beviljat belopp.');
    await page.getByRole('button', { name: /Skicka kommentar om .*Ekonomi: Kommentar/ }).click();
    await page.getByText('Förklara avvikelsen mot beviljat belopp.').waitFor();
    await expectAccessible(page, '05-granskning-styrgrupp');

    // Returning needs a comment: without one, the page says so and nothing changes.
    await page.getByRole('button', { name: 'Skicka tillbaka till projektägaren' }).click();
    await page.getByText('Skriv en kommentar som säger vad projektägaren behöver ändra.').waitFor();
    await page
      .getByLabel('Kommentar till beslutet')
      .fill('Avvikelsen mot budget behöver förklaras i ekonomikommentaren.');
    await page.getByRole('button', { name: 'Skicka tillbaka till projektägaren' }).click();
    await page.locator('.badge', { hasText: 'Återsänd' }).first().waitFor();
  });

  it('the projektägare sees why, fixes it and resubmits', async () => {
    const page = await web.as(mail('projektagare.stegen'));
    await page.goto(submissionUrl);
    await page.getByText('Uppföljningen har skickats tillbaka till dig.').waitFor();
    expect(await page.locator('.alert-info').textContent()).toContain(
      'Avvikelsen mot budget behöver förklaras',
    );
    await page.locator(id('$.ekonomi.kommentar')).fill(answers.ekonomi.kommentar);
    await page.getByText(/^Sparat /).waitFor();
    await screenshot(page, '06-uppfoljning-aterskickad');
    await page.getByRole('button', { name: 'Skicka in uppföljningen' }).click();
    await page.locator('.badge', { hasText: 'Inskickad' }).first().waitFor();
    const history = await page.locator('.history').textContent();
    expect(history).toContain('återsände med kommentar');
    expect(history).toContain('Avvikelsen mot budget behöver förklaras');
  });

  it('the styrgrupp and then the förbundschef approve', async () => {
    const sg = await web.as(mail('styrgrupp1.stegen'));
    await sg.goto(submissionUrl);
    await sg.getByLabel('Kommentar till beslutet').fill('Styrgruppen tillstyrker.');
    // The styrgrupp's comment on the field is still open: the reviewer is warned and confirms having read it.
    await sg.getByRole('checkbox', { name: /läst de olösta kommentarerna/ }).check();
    await sg.getByRole('button', { name: 'Godkänn' }).click();
    await sg.getByText('Du har godkänt uppföljningen.').waitFor();

    const chef = await web.as(mail('forbundschef'));
    await chef.getByRole('link', { name: /Stegen.*Helår 2025/ }).click();
    await chef.getByRole('heading', { name: 'Ditt beslut' }).waitFor();
    expect(await chef.locator('.steps .step-done').count()).toBe(2);
    await chef.getByRole('checkbox', { name: /läst de olösta kommentarerna/ }).check();
    await chef.getByRole('button', { name: 'Godkänn' }).click();
    await chef
      .locator('.badge', { hasText: /^Godkänd$/ })
      .first()
      .waitFor();
    expect(await chef.locator('.steps .step-done').count()).toBe(3);
  });

  it('the förbundschef sees the overview, compiles the årsredovisning with live progress and downloads it', async () => {
    const page = await web.as(mail('forbundschef'));
    await nav(page, 'Översikt');
    await page.getByLabel('År', { exact: true }).selectOption('2025');
    await page.getByRole('table').waitFor();
    const stegen = page.getByRole('row', { name: /Stegen/ });
    expect(await stegen.textContent()).toContain('Godkänd');
    await expectAccessible(page, '07-oversikt');

    await nav(page, 'Rapporter');
    await page.getByLabel('Rapport', { exact: true }).selectOption('ARSREDOVISNING');
    await page.getByLabel('År', { exact: true }).selectOption('2025');
    await page.getByRole('button', { name: 'Sammanställ årsredovisning 2025' }).click();
    // The progress bar appears while the worker compiles, then the finished report with its checks.
    await page.getByRole('progressbar', { name: 'Sammanställningens förlopp' }).waitFor();
    await page.getByText(/Årsredovisning 2025, version \d+, är klar/).waitFor({ timeout: 90_000 });
    await page.getByRole('heading', { name: 'Kontroller' }).waitFor();
    await expectAccessible(page, '08-rapporter');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('button', { name: /Ladda ner PDF/ })
        .first()
        .click(),
    ]);
    const file = await download.path();
    const bytes = readFileSync(file!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('button', { name: /Ladda ner Excel/ })
        .first()
        .click(),
    ]);
    expect(
      readFileSync((await xlsx.path())!)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    // The report's page, and sending it to the board for signing.
    await page.getByRole('link', { name: 'Öppna rapporten' }).click();
    await page.getByRole('heading', { name: 'Underskrifter' }).waitFor();
    const overrideNeeded = await page.getByLabel('Skäl att skicka trots avvikande kontroller').count();
    if (overrideNeeded)
      await page.getByLabel('Skäl att skicka trots avvikande kontroller').fill('Avvikelserna är kända.');
    await page.getByRole('button', { name: 'Skicka för underskrift' }).click();
    await page.getByRole('cell', { name: 'Väntar' }).first().waitFor();
    await expectAccessible(page, '09-rapport-underskrifter');
  });

  it('a board member finds the signature waiting on the start page, reads the report and sees how to sign', async () => {
    const page = await web.as(mail('ledamot1'));
    // The start page's "Väntar på dig" lists the signature waiting, and leads to the report.
    const waiting = page.getByRole('list', { name: 'Väntar på dig' });
    const item = waiting.getByRole('listitem').filter({ hasText: 'Väntar på din underskrift' });
    await item.getByRole('link', { name: 'Årsredovisning 2025' }).waitFor();
    expect(await item.textContent()).toMatch(/Senast \d{1,2} [a-zåäö]+ \d{4}/);
    await expectAccessible(page, '10-start-ledamot');
    await item.getByRole('link', { name: 'Årsredovisning 2025' }).click();
    await page.getByRole('heading', { name: 'Din underskrift' }).waitFor();
    // The document shows in the page through a short-lived signed link, with its hash and a consent line.
    const [request] = await Promise.all([
      page.context().waitForEvent('request', (r) => r.url().includes('/files/')),
      page.getByRole('button', { name: 'Visa dokumentet' }).click(),
    ]);
    expect(request.url()).toMatch(/\/files\/[0-9a-f-]+\?expires=\d+&signature=[\w-]+&disposition=inline$/);
    await page.getByText('Öppnat', { exact: true }).waitFor();
    await page.getByRole('checkbox', { name: /skriver under dokumentet med kontrollsumman/ }).check();
    await page.getByRole('radio', { name: /Lösenord och engångskod/ }).check();
    await expectAccessible(page, '10-styrelsen-underteckna');
  });

  it('the kansli sees people, cost centres and budgets, and a broken SIE file is refused line by line', async () => {
    const page = await web.as(mail('kansli'));
    await nav(page, 'Administration');
    await adminNav(page, 'Personer och roller');
    await page.getByRole('heading', { level: 1, name: 'Personer och roller' }).waitFor();
    // The sub-page's heading shows at once; the register's card once the people have loaded.
    await page.getByRole('region', { name: 'Personer och roller' }).waitFor();
    expect(await page.getByRole('row', { name: /Förbundschef Samspelet/ }).count()).toBe(1);
    await adminNav(page, 'Bokföring');
    await page
      .getByLabel('SIE-fil')
      .setInputFiles(join(__dirname, '..', 'fixtures', 'sie-broken', 'unbalanced-voucher.se'));
    await page.getByRole('button', { name: 'Läs in' }).click();
    await page.getByRole('table', { name: /Fel i filen/ }).waitFor();
    // Each error with its line, as the file has it, and nothing stored.
    const table = page.getByRole('table', { name: /Fel i filen/ });
    expect(await table.getByRole('row', { name: /^22 / }).textContent()).toContain(
      'verifikation A 2 balanserar inte',
    );
    expect(await table.getByRole('row', { name: /^14 / }).textContent()).toContain('konto 1930');
    expect(await page.getByRole('alert').first().textContent()).toContain('inget har sparats');
    const [{ n }] = await api.ds.query(
      'SELECT count(*)::int AS n FROM sie_import WHERE organisation_id = $1',
      [org],
    );
    expect(n).toBe(2);

    // A new projektägare: without an insats the form says which role lacks one; with it, the person is added.
    await adminNav(page, 'Personer och roller');
    await page.getByLabel('E-postadress').fill('ny.projektagare@webben.example');
    await page.getByLabel('Namn', { exact: true }).fill('Ny Projektägare');
    await page.getByRole('button', { name: 'Spara personen' }).click();
    await page.getByText(/Roll 1, insats: /).waitFor();
    await page.getByLabel('Insats för roll 1').selectOption({ label: 'Stegen Kristinehamn' });
    await page.getByRole('button', { name: 'Spara personen' }).click();
    await page.getByText('Ny Projektägare är sparad.').waitFor();
    await page.getByRole('row', { name: /Ny Projektägare/ }).waitFor();
    expect(await page.getByRole('row', { name: /Ny Projektägare/ }).textContent()).toContain('Inbjuden');
    await expectAccessible(page, '11-administration');

    // The förbund's own personnummer for the person, confirmed after saving and kept for this förbund only.
    await page.getByRole('button', { name: 'Ändra Ny Projektägare' }).click();
    await page.getByLabel('Personnummer (för BankID, valfritt)').fill('19700101-1234');
    await page.getByRole('button', { name: 'Spara personen' }).click();
    await page.getByText('Ny Projektägare är sparad.').waitFor();
    const [m] = await api.ds.query(
      `SELECT m.personal_number FROM membership m JOIN person p ON p.id = m.person_id
        WHERE p.email = 'ny.projektagare@webben.example' AND m.organisation_id = $1`,
      [org],
    );
    expect(m.personal_number).toBe('197001011234');
  });

  it('two tabs editing the same draft: the second save gets a clear conflict message and a way forward', async () => {
    // A fresh draft of another insats' half-year follow-up (the demo has approved its Delår 2025).
    const token = await api.login(mail('projektagare.larvux'));
    const [insats] = await api.ds.query(
      "SELECT id FROM insats WHERE organisation_id = $1 AND key = 'larvux'",
      [org],
    );
    const started = await api.ok<{ startSubmission: { id: string } }>(
      'mutation($i: ID!){ startSubmission(insatsId: $i, period: "DELAR-2026"){ id } }',
      { i: insats.id },
      token,
    );
    const url = `/uppfoljningar/${started.startSubmission.id}`;
    const tabA = await web.as(mail('projektagare.larvux'));
    const tabB = await tabA.context().newPage();
    await tabA.goto(url);
    // A new tab opens signed in (the session is the browser's, shared by its tabs).
    await tabB.goto(url);
    await tabA.getByRole('textbox', { name: /^Verksamhet/ }).waitFor();
    await tabB.getByRole('textbox', { name: /^Verksamhet/ }).waitFor();

    await tabA.getByRole('textbox', { name: /^Verksamhet/ }).fill('Skrivet i flik A.');
    await tabA.getByText(/^Sparat /).waitFor();
    await tabB.getByRole('textbox', { name: /^Verksamhet/ }).fill('Skrivet i flik B.');
    await tabB.getByText('Någon annan har sparat uppföljningen medan du skrev.').waitFor();
    await expectAccessible(tabB, '12-krock-mellan-flikar');

    await tabB.getByRole('button', { name: 'Spara mina ändringar ovanpå' }).click();
    await tabB.getByText(/^Sparat /).waitFor();
    const [row] = await api.ds.query('SELECT answers FROM submission WHERE id = $1', [
      started.startSubmission.id,
    ]);
    expect(row.answers.verksamhet).toBe('Skrivet i flik B.');
  });

  it('a person changes their own name under Mitt konto and sees it confirmed', async () => {
    const page = await web.as(mail('revisor2'));
    await nav(page, 'Mitt konto');
    await page.getByRole('heading', { name: 'Mina uppgifter' }).waitFor();
    await page.getByLabel('Namn', { exact: true }).fill('Revisor Två');
    await page.getByRole('button', { name: 'Spara mina uppgifter' }).click();
    await page.getByText(/Dina uppgifter är sparade: Revisor Två/).waitFor();
    await expectAccessible(page, '13-mina-uppgifter');
    const [p] = await api.ds.query('SELECT name FROM person WHERE email = $1', [mail('revisor2')]);
    expect(p.name).toBe('Revisor Två');
  });

  it('an invited person follows the mail’s link, chooses a password and is signed in', async () => {
    const kansli = await api.login(mail('kansli'));
    await api.ok(
      `mutation($o: ID!, $p: PersonInput!){ savePerson(organisationId: $o, person: $p){ id } }`,
      {
        o: org,
        p: { email: mail('inbjuden'), name: 'Inbjuden Person', roles: [{ role: 'BEREDNINGSGRUPP' }] },
      },
      kansli,
    );
    // The worker mails it first (here to no SMTP server); the test then stands in for a retried job, whose
    // mail carries the link that works (each sending mints a new one).
    for (let i = 0; i < 200; i++) {
      const sent = await api.ds.query(
        `SELECT 1 FROM mail_log l JOIN outbox o ON o.job_id = l.job_id
          WHERE o.job_name = 'send-invitation' AND o.payload->>'to' = $1`,
        [mail('inbjuden')],
      );
      if (sent.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const { mail: invitation } = await deliverInvitation(api, mail('inbjuden'), 'webbtest-ny-sandning');
    const link = new URL(/https?:\/\/\S+\/inbjudan\?token=[\w-]+/.exec(invitation.text)![0]);
    const page = await web.page();
    await page.goto(`${link.pathname}${link.search}`);
    await page.getByRole('heading', { name: 'Välj lösenord' }).waitFor();
    await page.getByLabel('Nytt lösenord').fill('Inbjuden-Losenord-2026');
    await page.getByLabel('Upprepa lösenordet').fill('Inbjuden-Losenord-2026');
    await expectAccessible(page, '14-inbjudan');
    await page.getByRole('button', { name: 'Spara lösenord och logga in' }).click();
    await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
    expect(await api.login(mail('inbjuden'), 'Inbjuden-Losenord-2026')).toBeTruthy();
  });
});
