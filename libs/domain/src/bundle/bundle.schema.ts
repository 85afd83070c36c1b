import { z } from 'zod';
import { NNS_METRIC } from '../nns/nns-metric';
import { Role } from '../access/roles';
import { KEY_FIGURE_IDS } from './key-figures';
import { financingSchema, lineIncomeSchema } from '../reports/financing';
import { reportSettingsSchema } from '../reports/report-settings';
import { bundleMandateSchema, isoDateSchema as isoDate } from '../board/board-mandates';
import { organisationNumberSchema } from '../organisation/organisation-number';
import { decimalInput } from '../money/decimal-input';

const decimalString = decimalInput;

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
/** What a shared cost centre's costs count as, in part (issue 18): administration, structural work … */
export const COST_SPLIT_PURPOSES = ['ADMINISTRATION', 'STRUKTUR', 'INDIVID', 'FORBUND'] as const;
export type CostSplitPurpose = (typeof COST_SPLIT_PURPOSES)[number];

/** A share as an exact decimal fraction from 0 to 1 ("0.2" is 20 %). */
export const shareString = z.string().regex(/^(0(\.\d{1,10})?|1(\.0{1,10})?)$/, {
  message: 'ska vara en andel mellan 0 och 1, t.ex. "0.2" för 20 %',
});

export const partySchema = z.object({
  key,
  name,
  kind: z.enum(PARTY_KINDS, { message: 'ska vara STAT, REGION eller KOMMUN' }),
});

export const fundingSchema = z.object({
  year,
  party: key,
  amount: decimalString,
  account: z.string().regex(/^\d{4}$/, { message: 'ska vara ett fyrsiffrigt konto' }),
  note: z.string().max(300, { message: 'får vara högst 300 tecken' }).optional(),
});

/** Parts of a shared cost centre's costs that count as something else; the rest keeps the centre's category. */
export const costSplitSchema = z
  .array(
    z.object({
      purpose: z.enum(COST_SPLIT_PURPOSES, {
        message: 'ska vara ADMINISTRATION, STRUKTUR, INDIVID eller FORBUND',
      }),
      share: shareString,
      note: z.string().max(300, { message: 'får vara högst 300 tecken' }).optional(),
    }),
  )
  // Each purpose at most once, so no split has more parts than there are purposes.
  .max(COST_SPLIT_PURPOSES.length, { message: `får ha högst ${COST_SPLIT_PURPOSES.length} delar` });

export const costCentreSchema = z.object({
  code: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, { message: 'ska vara en kod på 1–20 tecken' }),
  name,
  category: z.enum(COST_CENTRE_CATEGORIES, { message: 'ska vara ADMINISTRATION, FORBUND eller INSATS' }),
  split: costSplitSchema.optional(),
});

export const budgetSchema = z.object({
  year,
  decided: isoDate,
  kind: z
    .enum(['ORDINARY', 'SUPPLEMENTARY'], { message: 'ska vara SUPPLEMENTARY (eller utelämnas)' })
    .optional(),
  fundedBy: z.string().max(300, { message: 'får vara högst 300 tecken' }).optional(),
  lines: amountMap,
  outlook: z.record(z.string().regex(/^\d{4}$/, { message: 'ska vara ett årtal' }), decimalString).optional(),
  /** Fixed keys (fromParties, fromEquity, esf, other) or the förbund's own rows [{label, amount, source}]. */
  financing: financingSchema.optional(),
  /**
   * Income budgeted on a cost centre (cost centre → amount and source); the line itself stays the net
   * budget, so the budgeted cost is line + income.
   */
  lineIncome: lineIncomeSchema.optional(),
});

export const forecastSchema = z.object({ year, asOf: isoDate, lines: amountMap });

export const financialGoalSchema = z.object({
  year,
  key,
  text: name,
  metric: z.string().refine((v) => (METRIC_IDS as readonly string[]).includes(v) || NNS_METRIC.test(v), {
    message:
      'ska vara ett nyckeltal ur CONTRACT.md §5 eller en NNS-indikator (nns:<indikator>:<grupp>:<fråga>)',
  }),
  op: z.enum(COMPARISON_OPS, { message: 'ska vara <=, >=, <, > eller =' }),
  value: decimalString,
});

/** The kommuner's key (fördelningsnyckel): kommun party → share of the kommuner's part; the shares sum to 1. */
export const kommunKeySchema = z.record(key, shareString);

/** Limits of one insats: far above any real one (Samspelet's have at most 8 mätpunkter, 2 budget years). */
export const MAX_MATPUNKTER = 200;
export const MAX_INSATS_BUDGETS = 50;

/**
 * An insats as the bundle carries it and the kansli registers it (the API validates the same shape). `end` is
 * optional: an insats without a decided end runs until one is set. `decision` is the decision that granted it.
 */
export const insatsSchema = z.object({
  key,
  name,
  type: z.enum(INSATS_TYPES, { message: 'ska vara INDIVID eller STRUKTUR' }),
  ownerParty: key,
  costCentre: z
    .string()
    .min(1, { message: 'får inte vara tom' })
    .max(20, { message: 'får vara högst 20 tecken' }),
  start: isoDate,
  end: isoDate.optional(),
  decision: z
    .object({
      date: isoDate,
      body: z.string().trim().max(300, { message: 'får vara högst 300 tecken' }).optional(),
      text: z.string().trim().max(5000, { message: 'får vara högst 5 000 tecken' }).optional(),
    })
    .optional(),
  budgets: z
    .array(
      z.object({
        year,
        amount: decimalString,
        decision: z.string().max(300, { message: 'får vara högst 300 tecken' }).optional(),
      }),
    )
    .max(MAX_INSATS_BUDGETS, { message: `får ha högst ${MAX_INSATS_BUDGETS} år` })
    .default([]),
  matpunkter: z
    .array(
      z.object({
        key,
        year,
        text: z
          .string()
          .min(1, { message: 'får inte vara tom' })
          .max(1000, { message: 'får vara högst 1 000 tecken' }),
        metric: z.string().max(100, { message: 'får vara högst 100 tecken' }).optional(),
        op: z.enum(COMPARISON_OPS, { message: 'ska vara <=, >=, <, > eller =' }).optional(),
        target: decimalString.optional(),
      }),
    )
    .max(MAX_MATPUNKTER, { message: `får ha högst ${MAX_MATPUNKTER} mätpunkter` })
    .default([]),
});

export const bundleSchema = z.object({
  bundleVersion: z.literal(1, { message: 'ska vara 1' }),
  organisation: z.object({
    slug: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'ska bestå av a–z, 0–9 och bindestreck (2–63 tecken)' }),
    name,
    reportingUnit: z.enum(['tkr', 'kr'], { message: 'ska vara "tkr" eller "kr"' }),
    /** Optional (issue 18): NNNNNN-NNNN with its Luhn check digit; left out, the förbund keeps the one it has. */
    organisationNumber: organisationNumberSchema.optional(),
    vision: z.string().max(2000).optional(),
    /** The förbund's report choices (delår end, deviation sign, driftredovisning columns); optional. */
    reportSettings: reportSettingsSchema.optional(),
  }),
  parties: z.array(partySchema).min(1, { message: 'minst en part krävs' }),
  /** Optional (issue 18): the kommuner's fördelningsnyckel. */
  kommunKey: kommunKeySchema.optional(),
  funding: z.array(fundingSchema),
  costCentres: z.array(costCentreSchema),
  budgets: z.array(budgetSchema),
  forecasts: z.array(forecastSchema).default([]),
  financialGoals: z.array(financialGoalSchema).default([]),
  historicalKeyFigures: z
    .array(
      z
        .object({ year, antal_anstallda: z.number().int().min(0).optional() })
        .catchall(z.union([decimalString, z.number().int()])),
    )
    .default([]),
  insatser: z.array(insatsSchema),
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
