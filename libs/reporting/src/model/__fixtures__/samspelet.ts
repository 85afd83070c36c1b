import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BuildContext, createBuildContext } from '../build-context';
import { ReportInput } from '../report-input';
import { ReportTable } from '../report-model';

/**
 * Samspelet 2025 as the gather step reads it from a seeded database (written by tools/report-input-fixtures.ts),
 * and the figures the published reports should have (demo/samspelet/expected/samspelet-2025.json).
 */
export const samspeletInput = (kind: 'ar' | 'delar'): ReportInput =>
  JSON.parse(readFileSync(join(__dirname, `samspelet-2025-${kind}.input.json`), 'utf8'));

export const samspeletContext = (kind: 'ar' | 'delar'): BuildContext =>
  createBuildContext(samspeletInput(kind));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const expected: any = JSON.parse(
  readFileSync(
    join(__dirname, '..', '..', '..', '..', '..', 'demo', 'samspelet', 'expected', 'samspelet-2025.json'),
    'utf8',
  ),
);

/** Ratios (soliditet, andelar) are compared within 1e-6; amounts to the krona, as strings. */
export const isRatio = (k: string) => /soliditet|andel/.test(k);
export const close = (a: string | null | undefined, b: string, tol = 1e-6) =>
  a !== null && a !== undefined && Math.abs(Number(a) - Number(b)) <= tol;

export const tableIn = (ctx: BuildContext, id: string): ReportTable => {
  const t =
    ctx.tables.find((x) => x.id === id) ??
    ctx.sections.flatMap((s) => s.tables ?? []).find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
};

/** A table's value by row id and column heading (the driftredovisning's columns are "Budget 2025 netto" etc.). */
export const cell = (t: ReportTable, rowId: string, column: string): string | null => {
  const i = t.columns.indexOf(column);
  if (i < 0) throw new Error(`no column ${column} in ${t.id}: ${t.columns.join(', ')}`);
  const r = t.rows.find((x) => x.id === rowId);
  if (!r) throw new Error(`no row ${rowId} in ${t.id}`);
  return r.values[i];
};
