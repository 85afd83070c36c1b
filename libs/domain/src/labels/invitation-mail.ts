/** How long an invitation's link works. */
export const INVITATION_DAYS = 14;

const DAY = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** The invitation e-mail: its subject and text with the one-time link (Swedish, dates in Stockholm time). */
export function invitationMail(m: { name: string; invitedTo: string; link: string; expires: Date }): {
  subject: string;
  text: string;
} {
  return {
    subject: `Inbjudan till ${m.invitedTo}`,
    text: `Hej ${m.name}!\n\nDu har bjudits in till ${m.invitedTo} på samordningsplattformen.\nVälj ditt lösenord här (länken gäller till och med ${DAY.format(m.expires)}):\n\n${m.link}\n`,
  };
}
