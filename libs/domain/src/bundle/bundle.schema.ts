import { z } from 'zod';
import { NNS_METRIC } from '../nns/nns-metric';
import { Role } from '../access/roles';
import { KEY_FIGURE_IDS } from './key-figures';
import { bundleMandateSchema } from '../board/board-mandates';

const decimalString = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, { message: 'ska vara ett belopp som decimaltal i text, t.ex. "1200000.00"' });

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'ska vara ett datum ÅÅÅÅ-MM-DD' })
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'är inget giltigt datum',
    },
  );

const year = z
  .number()
  .int({ message: 'ska vara ett heltal' })
  .min(1990, { message: 'ska vara ett år från 1990' })
  .max(2200, { message: 'ska vara ett år före 2200' });
const key = z
  .string()
  .min(1, { message: 'får inte vara tom' })
  .max(100, { message: 'får vara högst 100 tecken' });
const name = z
  .string()
  .trim()
  .min(1, { message: 'får inte vara tom' })
  .max(300, { message: 'får vara högst 300 tecken' });
const amountMap = z.record(z.string(), decimalString);

export const PARTY_KINDS = ['STAT', 'REGION', 'KOMMUN'] as const;
export const COST_CENTRE_CATEGORIES = ['ADMINISTRATION', 'FORBUND', 'INSATS'] as const;
export const INSATS_TYPES = ['INDIVID', 'STRUKTUR'] as const;
export const COMPARISON_OPS = ['<=', '>=', '<', '>', '='] as const;
export const METRIC_IDS = [...KEY_FIGURE_IDS] as const;

export const bundleSchema = z.object({
  bundleVersion: z.literal(1, { message: 'ska vara 1' }),
  organisation: z.object({
    slug: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'ska bestå av a–z, 0–9 och bindestreck (2–63 tecken)' }),
    name,
    reportingUnit: z.enum(['tkr', 'kr'], { message: 'ska vara "tkr" eller "kr"' }),
    vision: z.string().max(2000).optional(),
  }),
  parties: z
    .array(
      z.object({ key, name, kind: z.enum(PARTY_KINDS, { message: 'ska vara STAT, REGION eller KOMMUN' }) }),
    )
    .min(1, { message: 'minst en part krävs' }),
  funding: z.array(
    z.object({
      year,
      party: key,
      amount: decimalString,
      account: z.string().regex(/^\d{4}$/, { message: 'ska vara ett fyrsiffrigt konto' }),
      note: z.string().optional(),
    }),
  ),
  costCentres: z.array(
    z.object({
      code: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, { message: 'ska vara en kod på 1–20 tecken' }),
      name,
      category: z.enum(COST_CENTRE_CATEGORIES, { message: 'ska vara ADMINISTRATION, FORBUND eller INSATS' }),
    }),
  ),
  budgets: z.array(
    z.object({
      year,
      decided: isoDate,
      kind: z
        .enum(['ORDINARY', 'SUPPLEMENTARY'], { message: 'ska vara SUPPLEMENTARY (eller utelämnas)' })
        .optional(),
      fundedBy: z.string().optional(),
      lines: amountMap,
      outlook: z
        .record(z.string().regex(/^\d{4}$/, { message: 'ska vara ett årtal' }), decimalString)
        .optional(),
      financing: amountMap.optional(),
    }),
  ),
  forecasts: z.array(z.object({ year, asOf: isoDate, lines: amountMap })).default([]),
  financialGoals: z
    .array(
      z.object({
        year,
        key,
        text: name,
        metric: z
          .string()
          .refine((v) => (METRIC_IDS as readonly string[]).includes(v) || NNS_METRIC.test(v), {
            message:
              'ska vara ett nyckeltal ur CONTRACT.md §5 eller en NNS-indikator (nns:<indikator>:<grupp>:<fråga>)',
          }),
        op: z.enum(COMPARISON_OPS, { message: 'ska vara <=, >=, <, > eller =' }),
        value: decimalString,
      }),
    )
    .default([]),
  historicalKeyFigures: z
    .array(
      z
        .object({ year, antal_anstallda: z.number().int().min(0).optional() })
        .catchall(z.union([decimalString, z.number().int()])),
    )
    .default([]),
  insatser: z.array(
    z.object({
      key,
      name,
      type: z.enum(INSATS_TYPES, { message: 'ska vara INDIVID eller STRUKTUR' }),
      ownerParty: key,
      costCentre: z.string().min(1),
      start: isoDate,
      end: isoDate,
      budgets: z
        .array(z.object({ year, amount: decimalString, decision: z.string().optional() }))
        .default([]),
      matpunkter: z
        .array(
          z.object({
            key,
            year,
            text: z.string().min(1, { message: 'får inte vara tom' }),
            metric: z.string().optional(),
            op: z.enum(COMPARISON_OPS, { message: 'ska vara <=, >=, <, > eller =' }).optional(),
            target: decimalString.optional(),
          }),
        )
        .default([]),
    }),
  ),
  people: z
    .array(
      z.object({
        name,
        email: z.string().email({ message: 'är ingen giltig e-postadress' }),
        password: z.string().min(12, { message: 'lösenordet ska ha minst 12 tecken' }).optional(),
        personalNumber: z
          .string()
          .regex(/^\d{12}$/, { message: 'ska vara ett personnummer med 12 siffror (ÅÅÅÅMMDDNNNN)' })
          .optional(),
        roles: z.array(
          z.object({
            role: z.enum(Object.values(Role) as [Role, ...Role[]], {
              message: `ska vara en av ${Object.values(Role).join(', ')}`,
            }),
            insats: key.optional(),
            party: key.optional(),
            title: z.string().min(1).max(300, { message: 'får vara högst 300 tecken' }).optional(),
          }),
        ),
      }),
    )
    .default([]),
  workflow: z
    .object({
      steps: z
        .array(
          z.object({
            role: z.enum(Object.values(Role) as [Role, ...Role[]], {
              message: `ska vara en av ${Object.values(Role).join(', ')}`,
            }),
            quorum: z.number().int().min(1).max(20).default(1),
            requireSignature: z.boolean().optional(),
          }),
        )
        .min(1, { message: 'minst ett steg krävs' })
        .optional(),
      deadlines: z
        .object({
          DELAR: z
            .string()
            .regex(/^\d{2}-\d{2}$/, { message: 'ska vara MM-DD' })
            .optional(),
          HELAR: z
            .string()
            .regex(/^\d{2}-\d{2}$/, { message: 'ska vara MM-DD' })
            .optional(),
        })
        .optional(),
    })
    .optional(),
  accountMapping: z
    .array(
      z.object({
        from: z.string().regex(/^\d{4}$/, { message: 'ska vara ett fyrsiffrigt konto' }),
        to: z.string().regex(/^\d{4}$/, { message: 'ska vara ett fyrsiffrigt konto' }),
        line: z.string().min(1),
      }),
    )
    .optional(),
  /** Board mandates (issue 18.2); left out, the board roles of `people` count as open-ended mandates. */
  boardMandates: z.array(bundleMandateSchema).optional(),
});

export type OrganisationBundle = z.infer<typeof bundleSchema>;
