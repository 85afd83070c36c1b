import { z } from 'zod';
import { PRODUCTION_SECRETS, productionSecretProblem } from './known-secrets';

const url = (protocols: string[]) =>
  z.string().refine(
    (s) => {
      try {
        return protocols.includes(new URL(s).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL (${protocols.join(' or ')})` },
  );

/** Every setting the API and the worker read; parsed once at start-up. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  /** The schema owner's connection, used only to run migrations (default: DATABASE_URL). */
  DATABASE_MIGRATION_URL: url(['postgres:', 'postgresql:']).optional(),
  /** Signs audit checkpoints; kept outside the database. Required in production (auditCheckpointKey). */
  AUDIT_CHECKPOINT_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
  REDIS_URL: url(['redis:', 'rediss:']),
  JWT_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }),
  /** Passphrase for the per-förbund seal keys; separate from JWT_SECRET so rotating tokens keeps the seal. */
  SEAL_KEY_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
  JWT_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 3600)
    .default(8 * 3600),
  ADMIN_EMAIL: z.string().email().default('admin@plattform.example'),
  ADMIN_PASSWORD: z.string().min(12, { message: 'must be at least 12 characters' }).optional(),
  PUBLIC_URL: url(['http:', 'https:']).optional(),
  FILE_STORAGE_DIR: z.string().min(1).default('.data/files'),
  /**
   * Where file contents live: `disk` (FILE_STORAGE_DIR, one machine or a shared volume) or `postgres` (the
   * database every API and worker instance already reaches).
   */
  FILE_STORAGE_BACKEND: z.enum(['disk', 'postgres']).default('disk'),
  /** The web application's built files (vite build), served by the API at /. */
  WEB_DIST_DIR: z.string().min(1).default('dist/web'),
  SMTP_URL: url(['smtp:', 'smtps:']).optional(),
  MAIL_FROM: z.string().default('Samordningsplattformen <noreply@plattform.example>'),
  SEAL_P12_PATH: z.string().min(1).optional(),
  SEAL_P12_PASSPHRASE: z.string().optional(),
  /**
   * An RFC 3161 time-stamping authority: the seal asks it for a signature timestamp (PAdES B-T). Unset, seals
   * are PAdES B-B (no timestamp) and the worker logs so.
   */
  TSA_URL: url(['https:', 'http:']).optional(),
  BANKID_URL: url(['https:', 'http:']).optional(),
  BANKID_PFX_PATH: z.string().min(1).optional(),
  BANKID_PFX_PASSPHRASE: z.string().optional(),
  BANKID_CA_PATH: z.string().min(1).optional(),
  WEBAUTHN_RP_ID: z.string().min(1).default('localhost'),
  WEBAUTHN_ORIGIN: url(['https:', 'http:']).optional(),
  /**
   * An OpenTelemetry collector's OTLP/HTTP endpoint (e.g. http://otel-collector:4318): the API and the worker
   * send their traces there (…/v1/traces). Unset: no tracing is started.
   */
  OTEL_EXPORTER_OTLP_ENDPOINT: url(['http:', 'https:']).optional(),
  /** Port of this process' Prometheus endpoint (GET /metrics), apart from the API's; unset: not served. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOGIN_MAX_ATTEMPTS_PER_EMAIL: z.coerce.number().int().min(1).default(10),
  LOGIN_MAX_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).default(100),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).default(12),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).default(30),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(100).default(5000),
  /** Largest graphql-ws frame the API accepts, in bytes. */
  GRAPHQL_WS_MAX_PAYLOAD: z.coerce
    .number()
    .int()
    .min(1024)
    .default(256 * 1024),
  /**
   * Report renderings (PDF and XLSX, each in a thread of its own) one worker process runs at once, and so the
   * report jobs it takes at once. Unset: one per core of the machine.
   */
  REPORT_RENDER_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /**
   * How long a worker's hold on a job lasts without renewal (renewed every half of it while the job runs). A
   * worker that dies mid-job leaves the job to another after at most twice this, when the stalled check finds it.
   */
  JOB_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
  /** PostgreSQL statement_timeout for every pooled connection, in milliseconds. */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  /** The largest SIE file accepted for upload (bytes). */
  SIE_UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(200 * 1024 * 1024),
  /** All of one förbund's stored files together may not exceed this (bytes). */
  FILE_QUOTA_BYTES_PER_ORGANISATION: z.coerce
    .number()
    .int()
    .min(1024)
    .default(5 * 1024 * 1024 * 1024),
});

export type AppConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Parses the environment; the first problem becomes one line naming the setting. */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? 'environment');
    const what =
      issue.code === 'invalid_type' && /received undefined/.test(issue.message)
        ? 'is required'
        : issue.message;
    throw new ConfigError(`Configuration error: ${name} ${what}`);
  }
  if (parsed.data.NODE_ENV === 'production') {
    for (const [name, rule] of Object.entries(PRODUCTION_SECRETS)) {
      const problem = productionSecretProblem(parsed.data[name as keyof typeof PRODUCTION_SECRETS], rule);
      if (problem) throw new ConfigError(`Configuration error: ${name} ${problem}`);
    }
    if (parsed.data.SEAL_KEY_SECRET === parsed.data.JWT_SECRET)
      throw new ConfigError('Configuration error: SEAL_KEY_SECRET must differ from JWT_SECRET');
  }
  return parsed.data;
}

let cached: AppConfig | null = null;

/** The configuration, read once per process. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  if (!cached) cached = parseConfig(env);
  return cached;
}

/** For tests that start several apps with different settings in one process. */
export function resetConfigForTests(): void {
  cached = null;
}

/** Start-up helper: a bad setting prints one line and exits 1, no stack trace. */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}
