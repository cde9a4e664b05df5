import { catalogue, listKeys, type EntityDecl } from '../../src/engine/model/catalogue.js';
import { createTableDdl, createViewDdl } from '../../src/engine/store/catalogue-schema.js';
import { snakeCase } from '../../src/engine/model/tables.js';
const dialect = process.argv[2] as 'sqlite' | 'duckdb';
const out: string[] = ['-- game keys in a dictionary (SQLite), a readable view per table', ''];
if (dialect === 'sqlite') {
  const keyed = listKeys.map((l) => catalogue[l] as EntityDecl).filter((e) => Object.values(e.fields).some((d) => d.dictionary));
  out.push('CREATE TABLE dictionary (\n  id INTEGER PRIMARY KEY,\n  key TEXT NOT NULL UNIQUE\n);');
  const sources: string[] = [];
  for (const e of keyed)
    for (const [f, d] of Object.entries(e.fields)) if (d.dictionary) sources.push(`SELECT ${snakeCase(f)} AS key FROM ${e.table}`);
  out.push(
    `INSERT INTO dictionary (key)\n  SELECT DISTINCT key FROM (\n    ${sources.join('\n    UNION ALL ')}\n  ) AS k\n  WHERE key IS NOT NULL\n  ORDER BY key;`,
  );
  const indexes: Record<string, string[]> = {
    players: [
      'CREATE INDEX players_by_nation ON players (nation, save_id);',
      'CREATE INDEX players_by_name ON players (name COLLATE NOCASE, save_id);',
    ],
  };
  for (const e of keyed) {
    const cols = ['save_id', ...Object.keys(e.fields).map(snakeCase)];
    const exprs = [
      'save_id',
      ...Object.entries(e.fields).map(([f, d]) =>
        d.dictionary ? `(SELECT id FROM dictionary WHERE key = o.${snakeCase(f)})` : `o.${snakeCase(f)}`,
      ),
    ];
    let ddl = createTableDdl(e.table, dialect).replace(`CREATE TABLE ${e.table} (`, `CREATE TABLE ${e.table}__new (`);
    let idx = '';
    const m = /\nCREATE INDEX [\s\S]*$/.exec(ddl);
    if (m) {
      idx = m[0].trim();
      ddl = ddl.slice(0, m.index + 1);
    }
    out.push('', `-- ${e.table}`, ddl.trim());
    out.push(`INSERT INTO ${e.table}__new (${cols.join(', ')})\n  SELECT ${exprs.join(', ')}\n  FROM ${e.table} AS o;`);
    out.push(`DROP TABLE ${e.table};`, `ALTER TABLE ${e.table}__new RENAME TO ${e.table};`);
    if (idx) out.push(idx);
    for (const i of indexes[e.table] ?? []) out.push(i);
  }
  out.push('');
}
for (const l of listKeys) out.push(createViewDdl(catalogue[l].table, dialect).trim());
console.log(out.join('\n'));
