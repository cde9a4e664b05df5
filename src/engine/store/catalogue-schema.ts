/**
 * The schema the entity catalogue calls for, compared with the schema a
 * database has after its migrations: what the test that keeps the two in
 * step and `npm run draft-migration` share. Reading a live schema is the
 * caller's (it owns the database handle); everything here is pure.
 */
import { catalogue, listKeys, type ColumnKind, type EntityDecl } from '../model/catalogue.js';
import { snakeCase, tableSpecs, viewOf, type TableSpec } from '../model/tables.js';
import { usesDictionary } from './dictionary.js';
import { packsRows, storedColumns, storedKey, type StoredColumn } from './packing.js';
import type { Dialect } from './migrations.js';

export interface ColumnShape {
  name: string;
  /** As the database names it: INTEGER, TEXT, BOOLEAN (SQLite); INTEGER, VARCHAR, BOOLEAN (DuckDB). */
  type: string;
  notNull: boolean;
}

export interface TableShape {
  name: string;
  columns: ColumnShape[];
  /** Primary-key columns in key order; [] for none. DuckDB child tables have none on purpose. */
  key: string[];
  /** Columns of the `<table>_by_save` index, when the table has one (a SQLite table without a natural key). */
  lookup: string[] | null;
}

const typeName: { readonly [D in Dialect]: { readonly [K in ColumnKind]: string } } = {
  sqlite: { int: 'INTEGER', text: 'TEXT', bool: 'BOOLEAN' },
  duckdb: { int: 'INTEGER', text: 'VARCHAR', bool: 'BOOLEAN' },
};

/** The DDL type each kind is declared with (DuckDB reads TEXT back as VARCHAR). */
const ddlType: { readonly [K in ColumnKind]: string } = { int: 'INTEGER', text: 'TEXT', bool: 'BOOLEAN' };

/** What the catalogue calls for, per dialect (see migrations.ts for why the dialects differ). */
export function expectedTables(dialect: Dialect): TableShape[] {
  return tableSpecs.map((spec) => {
    const columns = [
      { name: 'save_id', type: 'INTEGER', notNull: true },
      ...storedColumns(spec, dialect).map((c) => ({
        name: c.name,
        type: typeName[dialect][c.kind],
        notNull: !c.nullable,
      })),
    ];
    if (dialect === 'duckdb') return { name: spec.table, columns, key: [], lookup: null };
    const key = storedKey(spec, dialect);
    return {
      name: spec.table,
      columns,
      key: key ? ['save_id', ...key] : [],
      lookup: key ? null : ['save_id', ...(entityOfTable(spec.table).lookup ?? []).map(snakeCase)],
    };
  });
}

export type Difference =
  | { kind: 'missing-table'; table: string }
  | { kind: 'missing-column'; table: string; column: string }
  | { kind: 'extra-table'; table: string }
  | { kind: 'extra-column'; table: string; column: string }
  /** Type, nullability, key or index differ: a migration a person writes (SQLite cannot alter them in place). */
  | { kind: 'changed'; table: string; what: string };

/** Every way `actual` (the migrated schema's child tables) differs from `expected`. */
export function diffSchema(expected: readonly TableShape[], actual: readonly TableShape[]): Difference[] {
  const out: Difference[] = [];
  const have = new Map(actual.map((t) => [t.name, t]));
  for (const want of expected) {
    const got = have.get(want.name);
    if (!got) {
      out.push({ kind: 'missing-table', table: want.name });
      continue;
    }
    const gotColumns = new Map(got.columns.map((c) => [c.name, c]));
    for (const c of want.columns) {
      const g = gotColumns.get(c.name);
      if (!g) out.push({ kind: 'missing-column', table: want.name, column: c.name });
      else if (g.type !== c.type || g.notNull !== c.notNull)
        out.push({ kind: 'changed', table: want.name, what: `${c.name} is ${describe(g)}, the catalogue says ${describe(c)}` });
    }
    for (const g of got.columns)
      if (!want.columns.some((c) => c.name === g.name)) out.push({ kind: 'extra-column', table: want.name, column: g.name });
    if (want.key.join() !== got.key.join())
      out.push({ kind: 'changed', table: want.name, what: `key is (${got.key.join(', ')}), the catalogue says (${want.key.join(', ')})` });
    if ((want.lookup ?? []).join() !== (got.lookup ?? []).join())
      out.push({
        kind: 'changed',
        table: want.name,
        what: `lookup index is (${(got.lookup ?? []).join(', ')}), the catalogue says (${(want.lookup ?? []).join(', ')})`,
      });
  }
  for (const t of actual) if (!expected.some((e) => e.name === t.name)) out.push({ kind: 'extra-table', table: t.name });
  return out;
}

function describe(c: ColumnShape): string {
  return `${c.type}${c.notNull ? ' NOT NULL' : ''}`;
}

function entityOfTable(table: string): EntityDecl {
  const list = listKeys.find((l) => catalogue[l].table === table);
  if (!list) throw new Error(`No entity in the catalogue is stored in ${table}`);
  return catalogue[list];
}

function specOfTable(table: string): TableSpec {
  const spec = tableSpecs.find((s) => s.table === table);
  if (!spec) throw new Error(`No entity in the catalogue is stored in ${table}`);
  return spec;
}

function columnDdl(c: StoredColumn): string {
  return `${c.name} ${ddlType[c.kind]}${c.nullable ? '' : ' NOT NULL'}`;
}

/** A child table's CREATE TABLE, in the form migration 1 wrote them. */
export function createTableDdl(table: string, dialect: Dialect): string {
  const spec = specOfTable(table);
  const cols = storedColumns(spec, dialect).map(columnDdl).join(',\n  ');
  if (dialect === 'duckdb') return `CREATE TABLE ${table} (\n  save_id INTEGER NOT NULL,\n  ${cols}\n);\n`;
  const head = `CREATE TABLE ${table} (\n  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,\n  ${cols}`;
  const key = storedKey(spec, dialect);
  if (key) return `${head},\n  PRIMARY KEY (save_id, ${key.join(', ')})\n) WITHOUT ROWID;\n`;
  return `${head}\n);\nCREATE INDEX ${table}_by_save ON ${table} (save_id, ${(entityOfTable(table).lookup ?? []).map(snakeCase).join(', ')});\n`;
}

/** A value existing rows take for a new NOT NULL column (SQLite requires one). */
const defaultOf: { readonly [K in ColumnKind]: string } = { int: '0', text: "''", bool: 'FALSE' };

/**
 * A child table's view (`viewOf`): its columns in the table's order, each
 * dictionary id replaced by its text, so it reads as the table did before
 * the dictionary (and as a person expects). Every query reads the views.
 * Each text is a scalar subquery, not a join: a view of one table is
 * flattened into the query that uses it (SQLite cannot flatten a view that
 * is itself a join into the right side of a LEFT JOIN, and then builds it
 * whole: a save's overview took ~2 s on a 1,000-save library instead of ~2 ms).
 */
export function createViewDdl(table: string, dialect: Dialect): string {
  const spec = specOfTable(table);
  const packed = packsRows(dialect) ? spec.packed : null;
  const cols = ['t.save_id'];
  spec.fields.forEach((_, i) => {
    const c = spec.columns[i]!;
    if (packed && i === packed.key) cols.push(`CAST(p.key AS INTEGER) AS ${c}`);
    else if (packed && i === packed.value) cols.push(`CAST(p.value AS INTEGER) AS ${c}`);
    else
      cols.push(spec.dictionary[i] && usesDictionary(dialect) ? `(SELECT k.key FROM dictionary k WHERE k.id = t.${c}) AS ${c}` : `t.${c}`);
  });
  // A packed table's row is a group of points (packing.ts): json_each gives them back, in key order.
  const from = packed ? `${table} t, json_each(t.${packed.column}) p` : `${table} t`;
  return `CREATE VIEW ${viewOf(table)} AS\n  SELECT\n    ${cols.join(',\n    ')}\n  FROM ${from};\n`;
}

/**
 * The DDL that closes the differences a migration can close by itself (new
 * tables, new columns), and a comment for each one it cannot.
 */
export function draftDdl(differences: readonly Difference[], dialect: Dialect): string {
  const out: string[] = [];
  const changedViews = new Set<string>();
  for (const d of differences) {
    if (d.kind === 'missing-table') {
      out.push(createTableDdl(d.table, dialect));
      changedViews.add(d.table);
    } else if (d.kind === 'missing-column') {
      changedViews.add(d.table);
      const spec = specOfTable(d.table);
      const column = storedColumns(spec, dialect).find((c) => c.name === d.column)!;
      if (column.nullable) out.push(`ALTER TABLE ${d.table} ADD COLUMN ${columnDdl(column)};\n`);
      else if (column.field === null || column.kind !== spec.kinds[column.field])
        out.push(
          `-- ${d.table}.${d.column}: existing rows need the id of a key in the dictionary or their packed values. Write this step by hand.\n`,
        );
      else {
        out.push(`-- Existing rows get ${defaultOf[column.kind]}: check that this is what an older save means.\n`);
        out.push(`ALTER TABLE ${d.table} ADD COLUMN ${columnDdl(column)} DEFAULT ${defaultOf[column.kind]};\n`);
      }
    } else if (d.kind === 'extra-table') out.push(`-- ${d.table} is in the schema but not in the catalogue: drop it or declare it.\n`);
    else if (d.kind === 'extra-column')
      out.push(`-- ${d.table}.${d.column} is in the schema but not in the catalogue: drop it or declare it.\n`);
    else out.push(`-- ${d.table}: ${d.what}. Write this step by hand (SQLite rebuilds the table to change it).\n`);
  }
  // A view lists its table's columns: a table that gained one gets its view anew.
  for (const table of changedViews) out.push(`DROP VIEW IF EXISTS ${viewOf(table)};\n${createViewDdl(table, dialect)}`);
  return out.join('');
}
