import { readFileSync } from 'node:fs';
import { METHODS } from 'node:http';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  buildSchema,
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLObjectType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { DataSource } from 'typeorm';

/**
 * The cross-förbund isolation matrix (issue 11): every GraphQL operation of the committed schema and every HTTP
 * route the running app registers, each with an isolation case or a reasoned exemption. This module finds the
 * operations and builds the calls; the table and the seeding live in the spec.
 */

export type OperationKind = 'Query' | 'Mutation' | 'Subscription';

export interface GraphqlOperation {
  key: string; // e.g. "Mutation.savePerson"
  kind: OperationKind;
  name: string;
  field: GraphQLField<unknown, unknown>;
}

/** Every Query, Mutation and Subscription field of schema.graphql (as committed; the schema test keeps it live). */
export function committedSchema(): GraphQLSchema {
  return buildSchema(readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8'));
}

export function graphqlOperations(schema: GraphQLSchema): GraphqlOperation[] {
  const out: GraphqlOperation[] = [];
  const roots: Array<[OperationKind, GraphQLObjectType | null | undefined]> = [
    ['Query', schema.getQueryType()],
    ['Mutation', schema.getMutationType()],
    ['Subscription', schema.getSubscriptionType()],
  ];
  for (const [kind, type] of roots)
    for (const field of Object.values(type?.getFields() ?? {}))
      out.push({ key: `${kind}.${field.name}`, kind, name: field.name, field });
  return out;
}

/** The operation names the running app serves (so an operation added in code but not yet in the file counts too). */
export function liveOperationKeys(app: INestApplication): string[] {
  return graphqlOperations(app.get(GraphQLSchemaHost).schema).map((o) => o.key);
}

interface ExpressLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/**
 * Every HTTP route registered on the running app's Express router, as "METHOD /path" ("ALL /path" when the route
 * answers every method, as Nest's middleware for all paths does).
 */
export function httpRoutes(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router?: { stack: ExpressLayer[] } };
  const stack = express.router?.stack ?? [];
  const out = new Set<string>();
  for (const layer of stack) {
    if (!layer.route) continue;
    const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
    const methods = Object.keys(layer.route.methods).filter((m) => layer.route!.methods[m]);
    const all = METHODS.every((m) => methods.includes(m.toLowerCase()));
    for (const method of all ? ['all'] : methods)
      for (const path of paths) out.add(`${method.toUpperCase()} ${path}`);
  }
  return [...out].sort();
}

// ---------------------------------------------------------------------------------------------------------------
// Building a call from the schema

/** Values for arguments, by argument name (ids of the förbund under attack, and plain values). */
export type ArgValues = Record<string, unknown>;

/** A value of the given input type that passes GraphQL validation (the access check comes before any rule). */
export function placeholder(type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType, name);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields()))
      if (isNonNullType(f.type) && f.defaultValue === undefined) out[f.name] = placeholder(f.type, f.name);
    return out;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return /year/i.test(name) ? 2025 : 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return true;
      case 'JSON':
        return {};
      case 'ID':
        return '00000000-0000-0000-0000-000000000000';
      default:
        if (name === 'period') return 'HELAR-2025';
        if (/date|from|to$|At$/.test(name)) return '2025-01-01';
        return 'matris';
    }
  }
  throw new Error(`no placeholder for ${String(type)}`);
}

/**
 * The arguments of a call: `given` first (the case's own), then ids by argument name from `ids`, then a placeholder
 * for every other required argument. Optional arguments are left out unless given.
 */
export function argsFor(
  field: GraphQLField<unknown, unknown>,
  ids: ArgValues,
  given: ArgValues = {},
): ArgValues {
  const out: ArgValues = {};
  for (const a of field.args) {
    if (a.name in given) {
      if (given[a.name] !== undefined) out[a.name] = given[a.name];
    } else if (a.name in ids) out[a.name] = ids[a.name];
    else if (isRequired(a)) out[a.name] = placeholder(a.type, a.name);
  }
  return out;
}

const isRequired = (a: GraphQLArgument) => isNonNullType(a.type) && a.defaultValue === undefined;

/**
 * A selection of the return type: its scalars, and one level of nested objects (their scalars), skipping fields
 * with required arguments. Enough to see whether another förbund's data comes back.
 */
export function selectionFor(field: GraphQLField<unknown, unknown>, depth = 2): string {
  const t = getNamedType(field.type);
  if (!isObjectType(t)) return '';
  return select(t, depth);
}

function select(t: GraphQLObjectType, depth: number): string {
  const parts: string[] = [];
  for (const f of Object.values(t.getFields())) {
    if (f.args.some((a) => isNonNullType(a.type))) continue;
    const named = getNamedType(f.type);
    if (isObjectType(named)) {
      if (depth > 1) parts.push(`${f.name} { ${select(named, depth - 1)} }`);
    } else parts.push(f.name);
  }
  return parts.length ? parts.join(' ') : '__typename';
}

/** The document for one operation with its arguments as variables. */
export function documentFor(op: GraphqlOperation, args: ArgValues, selection?: string): string {
  const argDefs = op.field.args.filter((a) => a.name in args);
  const vars = argDefs.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = argDefs.map((a) => `${a.name}: $${a.name}`).join(', ');
  const sel = selection ?? selectionFor(op.field);
  const keyword = op.kind.toLowerCase();
  return `${keyword} Matrix${vars ? `(${vars})` : ''} { ${op.name}${call ? `(${call})` : ''}${sel ? ` { ${sel} }` : ''} }`;
}

// ---------------------------------------------------------------------------------------------------------------
// What förbund A has, before and after

/** Every table that carries organisation_id, found from the catalogue (a new tenant table is included by itself). */
export async function tenantTables(ds: DataSource): Promise<string[]> {
  const rows: Array<{ table_name: string }> = await ds.query(
    `SELECT c.table_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND c.column_name = 'organisation_id' AND t.table_type = 'BASE TABLE'
      ORDER BY 1`,
  );
  return rows.map((r) => r.table_name);
}

/**
 * A digest of everything förbund A has: each tenant table's rows of A, and A's people as A sees them (name, e-mail,
 * roles). Equal digests before and after a call mean the call changed nothing of A.
 */
export async function fingerprint(
  ds: DataSource,
  tables: string[],
  organisationId: string,
): Promise<Record<string, string>> {
  const parts = tables.map(
    (t) =>
      `SELECT '${t}' AS t, count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${t}" x WHERE x.organisation_id = $1`,
  );
  // A's own organisation row (name, logo, settings held there), which has no organisation_id column
  parts.push(
    `SELECT 'organisation' AS t, count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h
       FROM organisation x WHERE x.id = $1`,
  );
  parts.push(
    `SELECT 'person' AS t, count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h
       FROM (SELECT p.id, p.name, p.email, p.password_hash, p.token_version FROM person p
              WHERE p.id IN (SELECT person_id FROM role_assignment WHERE organisation_id = $1)) x`,
  );
  const rows: Array<{ t: string; n: number; h: string }> = await ds.query(parts.join(' UNION ALL '), [
    organisationId,
  ]);
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
}

/** The parts of two digests that differ (empty when nothing changed). */
export function changed(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => before[k] !== after[k]);
}

/** The strings of A's data found in a response (ids, slug, names, e-mail domain); empty when none leaked. */
export function leaks(response: unknown, markers: string[]): string[] {
  const text = JSON.stringify(response ?? null).toLowerCase();
  return markers.filter((m) => text.includes(m.toLowerCase()));
}
