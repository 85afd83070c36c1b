import { z } from 'zod';
import { ValidationIssue } from '../common/issues';
import { zodIssuesToSwedish } from './bundle.validate';

/**
 * A person's own profile (issue 11.4): the name and e-mail are the person's, shared by every förbund they belong
 * to. What a förbund keeps about them (personnummer, titles, roles) is that förbund's own.
 */
export const personProfileSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: 'får inte vara tom' })
    .max(300, { message: 'får vara högst 300 tecken' }),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .email({ message: 'är ingen giltig e-postadress' })
    .max(320, { message: 'får vara högst 320 tecken' }),
});
export type PersonProfile = z.infer<typeof personProfileSchema>;

export function validatePersonProfile(
  input: unknown,
): { ok: true; profile: PersonProfile } | { ok: false; issues: ValidationIssue[] } {
  const r = personProfileSchema.safeParse(input);
  return r.success
    ? { ok: true, profile: r.data }
    : { ok: false, issues: zodIssuesToSwedish(r.error.issues) };
}

/** Who changes a person's name or e-mail, as the audit entry records it. */
export type ProfileEditor = 'SELF' | 'PLATFORM_ADMIN' | 'KANSLI';

/**
 * Whether a förbund's kansli may (re)name a person it keeps: only someone who is not yet anyone else's, that is, who
 * has not taken over their account (no password), belongs to no other förbund, and is no platform administrator.
 * Everyone else's name is changed by the person (Mitt konto) or the platform administrator.
 */
export function kansliMayRename(p: {
  hasPassword: boolean;
  otherOrganisations: number;
  isPlatformAdmin: boolean;
}): boolean {
  return !p.hasPassword && p.otherOrganisations === 0 && !p.isPlatformAdmin;
}
