/**
 * How each list of a `ParsedSave` maps onto a child table, derived from the
 * entity catalogue: table name and one column per row field (column name =
 * the field in snake_case), in the catalogue's order. At open, each store
 * checks that the database has every column listed here, so a missing
 * migration fails loudly instead of dropping data.
 */
import { catalogue, entity, listKeys, type ColumnKind, type ListKey, type Row } from './catalogue.js';

export type { ColumnKind, ListKey };
export type RowOf<L extends ListKey> = Row<L>;

export interface TableSpec {
  list: ListKey;
  table: string;
  /** Row fields, in insert order. */
  fields: readonly string[];
  /** snake_case column of each field. */
  columns: readonly string[];
  kinds: readonly ColumnKind[];
  /** Whether each field may be null. */
  nullable: readonly boolean[];
  /** Whether each field goes through the key dictionary (see `FieldDecl.dictionary`), where the backend keeps one. */
  dictionary: readonly boolean[];
  /** The kinds with each dictionary field as its id: the columns of a backend that keeps the dictionary (SQLite). */
  idKinds: readonly ColumnKind[];
  /** The natural key after save_id, as fields (see `EntityDecl.key`). */
  key: readonly string[] | null;
  /** Where a backend packs the rows (see `EntityDecl.packed`): the two packed fields' indexes and the column holding them. */
  packed: { key: number; value: number; column: string } | null;
}

export function snakeCase(field: string): string {
  return field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

function spec(list: ListKey): TableSpec {
  const { table, fields, key } = catalogue[list];
  const { packed } = entity(list);
  const decls = Object.values(fields as Record<string, { kind: ColumnKind; nullable: boolean; dictionary?: true }>);
  const names = Object.keys(fields);
  return {
    list,
    table,
    fields: names,
    columns: names.map(snakeCase),
    kinds: decls.map((d) => d.kind),
    nullable: decls.map((d) => d.nullable),
    dictionary: decls.map((d) => d.dictionary === true),
    idKinds: decls.map((d) => (d.dictionary ? 'int' : d.kind)),
    key,
    packed: packed ? { key: names.indexOf(packed.key), value: names.indexOf(packed.value), column: packed.column } : null,
  };
}

/** Every child table, in write order (also the delete order in DuckDB, reversed). */
export const tableSpecs: readonly TableSpec[] = listKeys.map(spec);

export const tableOfList: { readonly [L in ListKey]: string } = Object.fromEntries(tableSpecs.map((s) => [s.list, s.table])) as {
  [L in ListKey]: string;
};

/** The table's view, which reads as the table with every dictionary id replaced by its text: what every query reads. */
export function viewOf(table: string): string {
  return `${table}_v`;
}

/** `countRows(save)` keyed by table name, the shape of `SaveDetail.counts`. */
export function countsByTable(counts: { readonly [L in ListKey]: number }): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of tableSpecs) out[s.table] = counts[s.list];
  return out;
}
