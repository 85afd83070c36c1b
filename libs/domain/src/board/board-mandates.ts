import { z } from 'zod';
import { BoardTitle } from '../access/roles';
import { jsonPath, ValidationIssue } from '../common/issues';

/**
 * Board mandates (issue 18.2): who sits on the styrelse, for whom and when. A ledamot or ersättare is appointed by
 * a party (förbundsmedlem) for a period; a revisor by a party or by the förbund itself. Open ends (no from, no to)
 * are mandates that run from the beginning or until further notice (what an old bundle's role assignment becomes).
 * Pure: the API and the worker read mandates from the database and decide with these functions.
 */

export const MANDATE_ROLES = ['STYRELSELEDAMOT', 'STYRELSEERSATTARE', 'REVISOR'] as const;
export type MandateRole = (typeof MANDATE_ROLES)[number];

/** As the förbund records it for the gender split in its reports; left out, the split is not printed. */
export const MANDATE_GENDERS = ['KVINNA', 'MAN', 'ANNAT'] as const;
export type MandateGender = (typeof MANDATE_GENDERS)[number];

export interface BoardMandate {
  id?: string;
  personId: string;
  name: string;
  role: MandateRole;
  /** ORDFORANDE, VICE_ORDFORANDE for a ledamot; a revisor's own title (e.g. "Sakkunnigt biträde"). */
  title: string | null;
  /** The party (key) that appointed them; null: appointed by the förbund itself (revisorer only). */
  appointedBy: string | null;
  /** First and last day (YYYY-MM-DD); null: open. */
  from: string | null;
  to: string | null;
  gender?: MandateGender | null;
}

/** Whether `s` is a real calendar day written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
}

/** A real calendar day written YYYY-MM-DD, with a Swedish message per fault; the one schema for such a field. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'ska vara ett datum ÅÅÅÅ-MM-DD' })
  .refine(isIsoDate, { message: 'är inget giltigt datum' });

/** The fields of one mandate as the kansli gives them (API and web form); the person is chosen separately. */
export const mandateFieldsSchema = z.object({
  role: z.enum(MANDATE_ROLES, { message: 'ska vara STYRELSELEDAMOT, STYRELSEERSATTARE eller REVISOR' }),
  title: z.string().trim().min(1).max(300, { message: 'får vara högst 300 tecken' }).nullish(),
  appointedBy: z.string().min(1).max(100).nullish(),
  from: isoDateSchema.nullish(),
  to: isoDateSchema.nullish(),
  gender: z.enum(MANDATE_GENDERS, { message: 'ska vara KVINNA, MAN eller ANNAT' }).nullish(),
});
export type MandateFields = z.infer<typeof mandateFieldsSchema>;

/** The optional bundle section: one entry per mandate, the person named by e-mail (and name, for past members). */
export const bundleMandateSchema = mandateFieldsSchema.extend({
  email: z.string().email({ message: 'är ingen giltig e-postadress' }),
  name: z.string().trim().min(1, { message: 'får inte vara tom' }).max(300),
});
export type BundleMandate = z.infer<typeof bundleMandateSchema>;

/**
 * Rules of one mandate beside its shape: ledamöter and ersättare are appointed by a known party, a ledamot's title
 * is ordförande or vice ordförande, an ersättare has none, and the period does not end before it starts.
 */
export function mandateIssues(
  m: MandateFields,
  parties: ReadonlySet<string>,
  base: ReadonlyArray<string | number> = [],
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const at = (f: string) => jsonPath([...base, f]);
  if (m.role !== 'REVISOR' && !m.appointedBy)
    issues.push({
      path: at('appointedBy'),
      message: 'ange vilken part som utsett ledamoten eller ersättaren',
    });
  if (m.appointedBy && !parties.has(m.appointedBy))
    issues.push({ path: at('appointedBy'), message: `okänd part "${m.appointedBy}"` });
  if (m.role === 'STYRELSELEDAMOT' && m.title && !(Object.values(BoardTitle) as string[]).includes(m.title))
    issues.push({
      path: at('title'),
      message: 'en ledamots titel ska vara ORDFORANDE eller VICE_ORDFORANDE',
    });
  if (m.role === 'STYRELSEERSATTARE' && m.title)
    issues.push({ path: at('title'), message: 'en ersättare har ingen titel' });
  if (m.from && m.to && m.to < m.from)
    issues.push({ path: at('to'), message: 'mandatet slutar innan det börjar' });
  return issues;
}

/** Whether two periods (open ends allowed) share a day. */
export function periodsOverlap(
  a: { from: string | null; to: string | null },
  b: { from: string | null; to: string | null },
): boolean {
  return (
    (a.from ?? '0000-01-01') <= (b.to ?? '9999-12-31') && (b.from ?? '0000-01-01') <= (a.to ?? '9999-12-31')
  );
}

/**
 * Rules across a förbund's mandates: one person holds one mandate of a role at a time, and there is one ordförande
 * and one vice ordförande at a time. `index` names the mandate being saved (its issues) in a list of all.
 */
export function mandateConflicts(all: readonly BoardMandate[], mine: BoardMandate): string[] {
  const others = all.filter((o) => o !== mine && !(mine.id && o.id === mine.id) && periodsOverlap(o, mine));
  const out: string[] = [];
  if (others.some((o) => o.personId === mine.personId && o.role === mine.role))
    out.push('personen har redan ett mandat i samma roll under perioden');
  if (mine.role === 'STYRELSELEDAMOT' && mine.title) {
    const clash = others.find((o) => o.role === 'STYRELSELEDAMOT' && o.title === mine.title);
    if (clash) out.push(`${clash.name} har redan den titeln under perioden`);
  }
  return out;
}

/** Whether the mandate runs on `date` (YYYY-MM-DD). */
export function mandateCovers(m: { from: string | null; to: string | null }, date: string): boolean {
  return (m.from === null || m.from <= date) && (m.to === null || date <= m.to);
}

/** Whether the mandate runs on some day of `year`. */
export function mandateInYear(m: { from: string | null; to: string | null }, year: number): boolean {
  return periodsOverlap(m, { from: `${year}-01-01`, to: `${year}-12-31` });
}

const titleRank = (t: string | null) => (t === 'ORDFORANDE' ? 0 : t === 'VICE_ORDFORANDE' ? 1 : 2);
const roleRank = (r: string) => (r === 'STYRELSELEDAMOT' ? 0 : r === 'STYRELSEERSATTARE' ? 1 : 2);

/** Ordförande, vice ordförande, the other ledamöter, the ersättare, the revisorer; by name within each. */
export function compareMandates(a: BoardMandate, b: BoardMandate): number {
  return (
    roleRank(a.role) - roleRank(b.role) ||
    titleRank(a.title) - titleRank(b.title) ||
    a.name.localeCompare(b.name, 'sv') ||
    (a.from ?? '').localeCompare(b.from ?? '')
  );
}

/**
 * Who signs a report decided on `decisionDate`: the ledamöter and revisorer whose mandate covers that day (the board
 * may have changed since the year ended). A verksamhetsplan is signed by the ordförande and the vice ordförande.
 * One entry per person (a person with two roles signs once, as ledamot).
 */
export function signersAt<T extends BoardMandate>(
  mandates: readonly T[],
  decisionDate: string,
  kind: string,
): T[] {
  const sitting = mandates
    .filter((m) => mandateCovers(m, decisionDate))
    .filter((m) =>
      kind === 'VERKSAMHETSPLAN'
        ? m.role === 'STYRELSELEDAMOT' && (m.title === 'ORDFORANDE' || m.title === 'VICE_ORDFORANDE')
        : m.role === 'STYRELSELEDAMOT' || m.role === 'REVISOR',
    )
    .sort(compareMandates);
  const seen = new Set<string>();
  return sitting.filter((m) => !seen.has(m.personId) && seen.add(m.personId));
}

/** The board of a year as a report prints it: everyone whose mandate ran some day of the year. */
export interface BoardOfYear {
  ledamoter: BoardMandate[];
  ersattare: BoardMandate[];
  revisorer: BoardMandate[];
  /** Counted over ledamöter and ersättare (each person once); null when any of them has no recorded gender. */
  genderSplit: { kvinnor: number; man: number; annat: number } | null;
}

export function boardOfYear(mandates: readonly BoardMandate[], year: number): BoardOfYear {
  const inYear = mandates.filter((m) => mandateInYear(m, year)).sort(compareMandates);
  const board = inYear.filter((m) => m.role !== 'REVISOR');
  const byPerson = new Map<string, MandateGender | null>();
  for (const m of board) if (!byPerson.get(m.personId)) byPerson.set(m.personId, m.gender ?? null);
  const genders = [...byPerson.values()];
  const genderSplit =
    genders.length && genders.every((g) => g)
      ? {
          kvinnor: genders.filter((g) => g === 'KVINNA').length,
          man: genders.filter((g) => g === 'MAN').length,
          annat: genders.filter((g) => g === 'ANNAT').length,
        }
      : null;
  return {
    ledamoter: inYear.filter((m) => m.role === 'STYRELSELEDAMOT'),
    ersattare: inYear.filter((m) => m.role === 'STYRELSEERSATTARE'),
    revisorer: inYear.filter((m) => m.role === 'REVISOR'),
    genderSplit,
  };
}

/**
 * A mandate's period in words for a report: "hela året", "från 2025-05-01", "till 2025-04-30",
 * "2025-03-01 – 2025-10-31" (only the part that falls outside the year is said).
 */
export function mandatePeriodText(m: { from: string | null; to: string | null }, year: number): string {
  const from = m.from && m.from > `${year}-01-01` ? m.from : null;
  const to = m.to && m.to < `${year}-12-31` ? m.to : null;
  if (from && to) return `${from} – ${to}`;
  if (from) return `från ${from}`;
  if (to) return `till ${to}`;
  return 'hela året';
}

export type SubstitutionRefusal =
  | 'REASON_REQUIRED'
  | 'NOT_A_LEDAMOT_ON_LIST'
  | 'ALREADY_DONE'
  | 'NOT_AN_ERSATTARE'
  | 'ALREADY_ON_LIST'
  | 'OTHER_PARTY';

export const SUBSTITUTION_REFUSAL_MESSAGE: Record<SubstitutionRefusal, string> = {
  REASON_REQUIRED: 'Ange skälet till att ersättaren skriver under i ledamotens ställe.',
  NOT_A_LEDAMOT_ON_LIST: 'Personen är ingen ledamot bland undertecknarna för det här dokumentet.',
  ALREADY_DONE: 'Ledamoten har redan undertecknat eller avböjt; ingen ersättare kan träda in.',
  NOT_AN_ERSATTARE: 'Personen har inget mandat som ersättare på beslutsdagen.',
  ALREADY_ON_LIST: 'Ersättaren finns redan bland undertecknarna.',
  OTHER_PARTY: 'Ersättaren är utsedd av en annan part än ledamoten.',
};

/**
 * Whether an ersättare may sign in a ledamot's place on a request decided on `decisionDate`: the ledamot is on the
 * list as ledamot and has not signed or declined; the ersättare holds an ersättare mandate on that day (appointed by
 * the ledamot's party, when the ledamot has one), is not already on the list, and a reason is given.
 */
export function decideSubstitution(input: {
  signers: ReadonlyArray<{ personId: string; role: string; state: string }>;
  ledamotPersonId: string;
  ledamotParty: string | null;
  ersattarePersonId: string;
  mandates: readonly BoardMandate[];
  decisionDate: string;
  reason: string;
}): { ok: true; mandate: BoardMandate } | { ok: false; reason: SubstitutionRefusal } {
  if (!input.reason.trim()) return { ok: false, reason: 'REASON_REQUIRED' };
  const ledamot = input.signers.find(
    (s) => s.personId === input.ledamotPersonId && s.role === 'STYRELSELEDAMOT',
  );
  if (!ledamot) return { ok: false, reason: 'NOT_A_LEDAMOT_ON_LIST' };
  if (ledamot.state === 'SIGNED' || ledamot.state === 'DECLINED')
    return { ok: false, reason: 'ALREADY_DONE' };
  if (input.signers.some((s) => s.personId === input.ersattarePersonId))
    return { ok: false, reason: 'ALREADY_ON_LIST' };
  const held = input.mandates.filter(
    (m) =>
      m.personId === input.ersattarePersonId &&
      m.role === 'STYRELSEERSATTARE' &&
      mandateCovers(m, input.decisionDate),
  );
  if (!held.length) return { ok: false, reason: 'NOT_AN_ERSATTARE' };
  const same = input.ledamotParty ? held.find((m) => m.appointedBy === input.ledamotParty) : held[0];
  if (!same) return { ok: false, reason: 'OTHER_PARTY' };
  return { ok: true, mandate: same };
}

/** Cross-checks of the bundle section: known parties, sound periods, no overlapping duplicates. */
export function bundleMandateIssues(
  mandates: readonly BundleMandate[],
  parties: ReadonlySet<string>,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const listed: BoardMandate[] = [];
  mandates.forEach((m, i) => {
    const base = ['boardMandates', i];
    issues.push(...mandateIssues(m, parties, base));
    const mine: BoardMandate = {
      personId: m.email.toLowerCase(),
      name: m.name,
      role: m.role,
      title: m.title ?? null,
      appointedBy: m.appointedBy ?? null,
      from: m.from ?? null,
      to: m.to ?? null,
    };
    for (const message of mandateConflicts(listed, mine)) issues.push({ path: jsonPath(base), message });
    listed.push(mine);
  });
  return issues;
}
