/**
 * The child tables a library database has, in the shape `catalogue-schema.ts`
 * compares: what the migrations actually produced, read back from the
 * database's own catalogue (pragma_table_info, information_schema).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type Database from 'better-sqlite3';
import type { TableShape } from './catalogue-schema.js';

/** The library's own tables: not child tables of a save (the catalogue's), but the saves, the ledger, the key dictionary and the migrations' bookkeeping. */
const ownTables = new Set(['saves', 'import_ledger', 'schema_version', 'dictionary']);
const isChild = (name: string) => !ownTables.has(name) && !name.startsWith('sqlite_');

export function readSqliteTables(db: Database.Database): TableShape[] {
  const names = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all() as { name: string }[])
    .map((r) => r.name)
    .filter(isChild);
  return names.map((name) => {
    const cols = db.prepare('SELECT name, type, "notnull" AS nn, pk FROM pragma_table_info(?) ORDER BY cid').all(name) as {
      name: string;
      type: string;
      nn: number;
      pk: number;
    }[];
    const lookupCols = db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(`${name}_by_save`) as { name: string }[];
    return {
      name,
      columns: cols.map((c) => ({ name: c.name, type: c.type.toUpperCase(), notNull: c.nn === 1 || c.pk > 0 })),
      key: cols
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      lookup: lookupCols.length ? lookupCols.map((c) => c.name) : null,
    };
  });
}

export async function readDuckDbTables(conn: DuckDBConnection): Promise<TableShape[]> {
  const reader = await conn.runAndReadAll(
    `SELECT c.table_name, c.column_name, c.data_type, c.is_nullable FROM information_schema.columns c
     JOIN information_schema.tables t USING (table_catalog, table_schema, table_name)
     WHERE c.table_catalog = current_database() AND c.table_schema = 'main' AND t.table_type = 'BASE TABLE'
     ORDER BY c.table_name, c.ordinal_position`,
  );
  const rows = reader.getRowObjectsJS() as { table_name: string; column_name: string; data_type: string; is_nullable: string }[];
  const tables = new Map<string, TableShape>();
  for (const r of rows) {
    if (!isChild(r.table_name)) continue;
    const t = tables.get(r.table_name) ?? { name: r.table_name, columns: [], key: [], lookup: null };
    t.columns.push({ name: r.column_name, type: r.data_type.toUpperCase(), notNull: r.is_nullable === 'NO' });
    tables.set(r.table_name, t);
  }
  return [...tables.values()];
}
