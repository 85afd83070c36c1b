/** How long an invitation's link works. The mail itself is composed in mail/mails.ts. */
export const INVITATION_DAYS = 14;
