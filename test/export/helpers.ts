/** DuckDB as the analyst's engine: the tests read exported files with it, as a player's pandas or DuckDB would. */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export async function analyst(): Promise<{ conn: DuckDBConnection; close(): void }> {
  const instance = await DuckDBInstance.create(':memory:', { autoload_known_extensions: 'false', autoinstall_known_extensions: 'false' });
  const conn = await instance.connect();
  return {
    conn,
    close: () => {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

export const sqlText = (text: string): string => `'${text.replaceAll("'", "''")}'`;

export async function rows(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

export async function count(conn: DuckDBConnection, sql: string): Promise<number> {
  return Number((await conn.runAndReadAll(sql)).getRowsJS()[0]![0]);
}

/** Column name to DuckDB type, as DuckDB reads the file. */
export async function columnTypes(conn: DuckDBConnection, relation: string): Promise<Record<string, string>> {
  const described = await rows(conn, `DESCRIBE SELECT * FROM ${relation}`);
  return Object.fromEntries(described.map((r) => [r.column_name as string, r.column_type as string]));
}

/** `read_csv` with the column types of the matching Parquet file, so values compare exactly. */
export async function csvAs(conn: DuckDBConnection, csvFile: string, parquetFile: string): Promise<string> {
  const types = await columnTypes(conn, `read_parquet(${sqlText(parquetFile)})`);
  const struct = Object.entries(types)
    .map(([name, type]) => `${sqlText(name)}: ${sqlText(type)}`)
    .join(', ');
  // allow_quoted_nulls off: "" is an empty text, an empty field is NULL (RFC 4180 has no NULL; this is how the export writes it).
  return `read_csv(${sqlText(csvFile)}, header = true, columns = {${struct}}, allow_quoted_nulls = false)`;
}
