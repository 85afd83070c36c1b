import {
  emailChangedMail,
  escapeHtml,
  signingRequestMail,
  submissionReminderMail,
  submissionReturnedMail,
  webBaseUrl,
} from './mails';

const base = {
  organisationName: 'Samordningsförbundet <Väst> & Co',
  link: 'https://p.example/uppfoljningar/1?a=1&b=2',
};

describe('mail composition', () => {
  it('escapes people’s own words in the HTML part and keeps them verbatim in the text part', () => {
    const m = submissionReturnedMail({
      ...base,
      insatsName: 'Insats "A"',
      period: 'HELAR-2025',
      comment: '<script>alert(1)</script>\nRad två',
    });
    expect(m.subject).toBe('Uppföljningen har skickats tillbaka: Insats "A", Helår 2025');
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(m.html).toContain('Samordningsförbundet &lt;Väst&gt; &amp; Co');
    expect(m.html).toContain('<a href="https://p.example/uppfoljningar/1?a=1&amp;b=2"');
    expect(m.text).toContain('> <script>alert(1)</script>\n> Rad två');
    expect(m.text).toContain('Öppna uppföljningen: https://p.example/uppfoljningar/1?a=1&b=2');
    expect(m.text).toContain('Samordningsförbundet <Väst> & Co');
  });

  it('says days and moments in Swedish time', () => {
    const r = submissionReminderMail({
      ...base,
      insatsName: 'X',
      period: 'DELAR-2026',
      deadline: '2026-09-15',
      daysBefore: 1,
    });
    expect(r.subject).toBe('Påminnelse: uppföljningen för X ska lämnas i morgon');
    expect(r.text).toContain('X, Delår 2026');
    expect(r.text).toContain('senast 15 september 2026');
    // 22:30 UTC on 31 March 2026 is 00:30 on 1 April in Stockholm (summer time).
    const s = signingRequestMail({
      ...base,
      name: 'Ada',
      kind: 'ARSREDOVISNING',
      year: 2025,
      expiresAt: '2026-03-31T22:30:00Z',
    });
    expect(s.subject).toBe('Årsredovisning 2025 för Samordningsförbundet <Väst> & Co att underteckna');
    expect(s.text).toContain('till och med 2026-04-01 kl. 00:30 (svensk tid)');
    const e = emailChangedMail({ ...base, newEmail: 'ny@x.se', at: new Date('2026-01-10T12:00:00Z') });
    expect(e.text).toContain('2026-01-10 kl. 13:00 (svensk tid)');
  });

  it('builds links on the public address, or the local API without one', () => {
    expect(webBaseUrl({ PUBLIC_URL: 'https://p.example/', PORT: 3000 })).toBe('https://p.example');
    expect(webBaseUrl({ PORT: 4000 })).toBe('http://localhost:4000');
    expect(escapeHtml(`'"`)).toBe('&#39;&quot;');
  });
});
