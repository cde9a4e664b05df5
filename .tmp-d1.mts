import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
const p = '/tmp/scribe-exp/t1.duckdb';
for (const f of [p, p + '.wal']) fs.rmSync(f, { force: true });
const inst = await DuckDBInstance.create(p);
const c = await inst.connect();
const tryRun = async (s: string) => { try { const r = await c.runAndReadAll(s); console.log('OK', s.slice(0, 70), JSON.stringify(r.getRowObjectsJson())); } catch (e: any) { console.log('ERR', s.slice(0, 70), '->', e.message.split('\n')[0]); } };
await tryRun(`CREATE SEQUENCE saves_id_seq`);
await tryRun(`CREATE TABLE saves (id BIGINT PRIMARY KEY DEFAULT nextval('saves_id_seq'), game_id TEXT NOT NULL, turn BIGINT NOT NULL, sha256 TEXT NOT NULL UNIQUE, UNIQUE (game_id, turn))`);
await tryRun(`CREATE TABLE kids (save_id BIGINT NOT NULL REFERENCES saves(id) ON DELETE CASCADE, v BIGINT)`);
await tryRun(`CREATE TABLE kids (save_id BIGINT NOT NULL REFERENCES saves(id), v BIGINT NOT NULL)`);
await tryRun(`INSERT INTO saves (game_id, turn, sha256) VALUES ('g', 1, 'a') RETURNING id`);
await tryRun(`BEGIN`);
const ap = await c.createAppender('kids');
for (let i = 0; i < 5000; i++) { ap.appendBigInt(1n); ap.appendInteger(i); ap.endRow(); }
ap.flushSync(); ap.closeSync();
await tryRun(`SELECT count(*) n FROM kids`);
await tryRun(`ROLLBACK`);
await tryRun(`SELECT count(*) n FROM kids`);
// NOT NULL at appender in txn
await tryRun(`BEGIN`);
const ap2 = await c.createAppender('kids');
try { for (let i = 0; i < 10; i++) { ap2.appendBigInt(1n); if (i==9) ap2.appendNull(); else ap2.appendInteger(i); ap2.endRow(); } ap2.flushSync(); console.log('flushed?!'); } catch (e: any) { console.log('appender err', e.message); }
try { ap2.closeSync(); } catch (e: any) { console.log('close err', e.message); }
await tryRun(`SELECT count(*) n FROM kids`);
await tryRun(`ROLLBACK`);
// FK violation via appender
await tryRun(`BEGIN`);
const ap3 = await c.createAppender('kids');
try { ap3.appendBigInt(99n); ap3.appendInteger(1); ap3.endRow(); ap3.flushSync(); console.log('fk flushed?!'); } catch (e: any) { console.log('fk appender err', e.message); }
try { ap3.closeSync(); } catch (e: any) { console.log('close err', e.message); }
await tryRun(`ROLLBACK`);
// insert kids, delete kids + parent in one txn
await tryRun(`INSERT INTO kids VALUES (1, 1), (1, 2)`);
await tryRun(`BEGIN`);
await tryRun(`DELETE FROM kids WHERE save_id = 1`);
await tryRun(`DELETE FROM saves WHERE id = 1`);
await tryRun(`INSERT INTO saves (game_id, turn, sha256) VALUES ('g', 1, 'a') RETURNING id`);
await tryRun(`INSERT INTO kids VALUES (2, 1)`);
await tryRun(`COMMIT`);
await tryRun(`SELECT * FROM saves`);
await tryRun(`SELECT count(*) FROM kids`);
await tryRun(`CREATE TABLE led (path TEXT PRIMARY KEY, status TEXT)`);
await tryRun(`INSERT INTO led VALUES ('a','q') ON CONFLICT (path) DO UPDATE SET status = excluded.status`);
await tryRun(`INSERT INTO led VALUES ('a','r') ON CONFLICT (path) DO UPDATE SET status = excluded.status`);
await tryRun(`ALTER TABLE led ADD COLUMN attempts BIGINT NOT NULL DEFAULT 0`);
await tryRun(`ALTER TABLE saves ADD COLUMN x BIGINT`);
await tryRun(`CREATE INDEX led_status ON led (status)`);
await tryRun(`BEGIN`);
await tryRun(`UPDATE led SET status = 'z' WHERE path = 'a'`);
await tryRun(`UPDATE led SET status = 'y' WHERE path = 'a'`);
await tryRun(`COMMIT`);
await tryRun(`SELECT * FROM led`);
await tryRun(`UPDATE saves SET turn = 1 WHERE id = 2`);
await tryRun(`SELECT lower('ABC') LIKE lower('%b%') x`);
c.closeSync(); inst.closeSync();
