import { z } from 'zod';
import { jsonPath, ValidationIssue, withFieldName, zodIssuesToSwedish } from '@app/domain';
import { AppError } from '../common/errors/app-error';
import { FinanceSetupError } from './finance-setup.errors';

/** Zod's issues as Swedish messages that name their field ("Beslutsdatum: ska vara ett datum ÅÅÅÅ-MM-DD"). */
export function namedIssues(issues: readonly z.core.$ZodIssue[]): ValidationIssue[] {
  return issues.map((issue) => {
    const [said] = zodIssuesToSwedish([issue]);
    return { path: said.path, message: withFieldName(issue.path as Array<string | number>, said.message) };
  });
}

/** An issue of a rule across fields, its message naming the field. */
export function namedIssue(path: Array<string | number>, message: string): ValidationIssue {
  return { path: jsonPath(path), message: withFieldName(path, message) };
}

/** Parses with the bundle's schema for the element; refuses with every issue found (plus `more`). */
export function parseOrRefuse<T>(
  schema: z.ZodType<T>,
  input: unknown,
  what: string,
  more: (parsed: T | null) => ValidationIssue[] = () => [],
): T {
  const r = schema.safeParse(input);
  const issues = r.success ? more(r.data) : [...namedIssues(r.error.issues), ...more(null)];
  if (issues.length)
    throw new AppError(FinanceSetupError.INVALID, `${what} innehåller fel och har inte sparats.`, {
      details: issues,
    });
  return r.data!;
}

/**
 * The version guard of a set-up row: no version means "new" (refused if the row exists, so nothing is overwritten
 * unseen); a version must be the row's current one.
 */
export function checkVersion(
  current: { version: number } | null,
  expected: number | null | undefined,
  what: string,
): void {
  if (expected === null || expected === undefined) {
    if (current)
      throw new AppError(
        FinanceSetupError.VERSION_CONFLICT,
        `${what} finns redan. Hämta den senaste versionen och gör ändringen där.`,
        { currentVersion: current.version },
      );
    return;
  }
  if (!current) throw new AppError(FinanceSetupError.NOT_FOUND, `${what} finns inte.`);
  if (current.version !== expected) throw versionConflict(what, current.version);
}

export function versionConflict(what: string, currentVersion?: number): AppError {
  return new AppError(
    FinanceSetupError.VERSION_CONFLICT,
    `Någon annan har ändrat ${what.toLowerCase()} sedan du öppnade den. Hämta den senaste versionen och gör om ändringen.`,
    currentVersion === undefined ? {} : { currentVersion },
  );
}
