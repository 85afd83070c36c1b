import { z } from 'zod';
import { ValidationIssue } from '../common/issues';
import { zodIssuesToSwedish } from '../bundle/bundle.validate';
import { organisationNumberSchema } from './organisation-number';
import { personProfileSchema } from '../bundle/person-profile';

export { luhnValid, normaliseOrganisationNumber, organisationNumberSchema } from './organisation-number';

/** A förbund created from nothing by the platform admin (issue 18), with its first förbundschef. */
export const newOrganisationSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: 'får inte vara tom' })
    .max(300, { message: 'får vara högst 300 tecken' }),
  organisationNumber: organisationNumberSchema,
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'ska bestå av a–z, 0–9 och bindestreck (2–63 tecken)' }),
  reportingUnit: z.enum(['tkr', 'kr'], { message: 'ska vara "tkr" eller "kr"' }).default('tkr'),
  // the förbundschef's name and e-mail, checked as a person's own profile is
  forbundschef: personProfileSchema,
});
export type NewOrganisation = z.infer<typeof newOrganisationSchema>;

export function validateNewOrganisation(
  input: unknown,
): { ok: true; organisation: NewOrganisation } | { ok: false; issues: ValidationIssue[] } {
  const r = newOrganisationSchema.safeParse(input);
  return r.success
    ? { ok: true, organisation: r.data }
    : { ok: false, issues: zodIssuesToSwedish(r.error.issues) };
}
