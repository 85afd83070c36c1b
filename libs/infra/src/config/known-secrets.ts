/**
 * Secrets the repository ships or documents (docker-compose defaults, README, demo, tests). Anyone can read
 * them, so production refuses every one of them; see productionSecretProblem().
 */
export const KNOWN_SECRETS: readonly string[] = [
  'change-me-change-me-change-me-change-me',
  'test-secret-that-is-long-enough-for-hs256-0123456789',
  'test-seal-secret-that-is-long-enough-0123456789',
  'Plattform-Admin-2025!',
  'Demo-Samspelet-2025!',
  'samordning',
];

/** The settings that must be the operator's own in production: shortest length, and whether required. */
export const PRODUCTION_SECRETS = {
  JWT_SECRET: { min: 32, required: true },
  SEAL_KEY_SECRET: { min: 32, required: true },
  // Only needed for the first start (admin:ensure creates the admin once); if set, it must not be a known one.
  ADMIN_PASSWORD: { min: 12, required: false },
} as const;

/** Why a production secret is unacceptable, or null. Pure: used by parseConfig. */
export function productionSecretProblem(
  value: string | undefined,
  rule: { min: number; required: boolean },
): string | null {
  if (value === undefined || value === '') return rule.required ? 'is required in production' : null;
  const minLength = rule.min;
  const v = value.trim();
  const lower = v.toLowerCase();
  if (KNOWN_SECRETS.some((s) => s.toLowerCase() === lower) || /change-?me|example|secret-that/i.test(v))
    return 'is a value shipped or documented in the repository; set your own secret';
  if (v.length < minLength) return `must be at least ${minLength} characters`;
  if (new Set(v).size < Math.min(10, Math.ceil(minLength / 3)))
    return 'is too weak (too few different characters); generate a random value';
  return null;
}
