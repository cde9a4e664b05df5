/**
 * The Cities, Laws and Map read models on both backends, over a generated
 * save written into a real library file: each answer is checked against
 * what the generator says the save holds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSave } from '../../../src/engine/samples/generate.js';
import type { ParsedSave } from '../../../src/engine/model/parsed-save.js';
import { openStore, type Store } from '../../../src/engine/store/index.js';
import { readModels, type ReadContext } from '../../../src/engine/store/read/index.js';
import { ownerChanges } from '../../../src/engine/store/read/owner-changes.js';
import type { Backend } from '../../../src/shared/settings.js';

const root = mkdtempSync(join(tmpdir(), 'scribe-read-map-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const generated = generateSave({ seed: 62, scale: 'typical', gameName: 'Typical Game' });
const save: ParsedSave = generated.expected.save;

const backends: Backend[] = ['sqlite', 'duckdb'];

describe.each(backends)('on %s', (backend) => {
  let store: Store;
  let saveId: number;
  const ask = <K extends 'gameCities' | 'gameLaws' | 'gameMap'>(name: K, id: number) =>
    store.read((db) => readModels[name]({ db, isSample: () => false } satisfies ReadContext, { saveId: id }));

  beforeAll(async () => {
    store = await openStore(join(root, backend === 'duckdb' ? 'lib.duckdb' : 'lib.sqlite'));
    ({ saveId } = await store.insertSave(save, { path: join(root, `${backend}.zip`), sha256: 'a'.repeat(64), size: 1, mtimeMs: 1 }));
  }, 60_000);
  afterAll(() => store?.close());

  it('answers null for a save that is not there', async () => {
    expect(await ask('gameCities', saveId + 100)).toBeNull();
    expect(await ask('gameLaws', saveId + 100)).toBeNull();
    expect(await ask('gameMap', saveId + 100)).toBeNull();
  });

  it('lists every city with its owner, governor, religions, production and the owner changes of its tile', async () => {
    const answer = (await ask('gameCities', saveId))!;
    expect(answer.cities.map((c) => c.id)).toEqual(save.cities.map((c) => c.id));
    expect(answer.players.map((p) => p.nation)).toEqual(save.players.map((p) => p.nation));
    for (const city of answer.cities) {
      const row = save.cities.find((c) => c.id === city.id)!;
      expect(city).toMatchObject({
        name: row.name,
        tileId: row.tileId,
        playerId: row.playerId,
        capital: row.capital,
        foundedTurn: row.foundedTurn,
      });
      expect(city.religions.sort()).toEqual(
        save.cityReligions
          .filter((r) => r.cityId === city.id)
          .map((r) => r.religion)
          .sort(),
      );
      const made = save.cityValues.filter((v) => v.cityId === city.id && (v.kind === 'unit_production' || v.kind === 'project_count'));
      expect(city.production.length).toBe(made.length);
      if (row.governorId === null) expect(city.governor).toBeNull();
      else expect(city.governor?.firstName).toBe(save.characters.find((c) => c.id === row.governorId)!.firstName);
      const history = save.tileOwnerHistory.filter((h) => h.tileId === row.tileId).sort((a, b) => a.turn - b.turn);
      expect(city.ownerChanges).toEqual(ownerChanges(history));
    }
    // The generator gives about a third of owned tiles an earlier owner: some city shows a capture.
    expect(answer.cities.some((c) => c.ownerChanges.some((x) => x.from !== null && x.to !== null))).toBe(true);
    // The owner's team's culture level.
    const owned = answer.cities.find((c) => c.playerId === 0)!;
    const team = save.players.find((p) => p.id === 0)!.team;
    expect(owned.culture).toBe(save.cityCulture.find((x) => x.cityId === owned.id && x.team === team)?.level ?? null);
  });

  it('gives each player their laws, discovered techs and ambitions', async () => {
    const answer = (await ask('gameLaws', saveId))!;
    expect(answer.players).toHaveLength(save.players.length);
    for (const p of answer.players) {
      expect(p.laws.map((l) => [l.lawClass, l.law]).sort()).toEqual(
        save.playerLaws
          .filter((l) => l.playerId === p.id)
          .map((l) => [l.lawClass, l.law])
          .sort(),
      );
      expect(p.techs.map((t) => t.tech).sort()).toEqual(
        save.playerValues
          .filter((v) => v.playerId === p.id && v.kind === 'tech_count')
          .map((v) => v.key)
          .sort(),
      );
      expect(p.goals).toEqual(
        save.playerGoals
          .filter((g) => g.playerId === p.id)
          .map((g) => ({ type: g.type, startedTurn: g.startedTurn, finishedTurn: g.finishedTurn, failed: g.failed })),
      );
      expect(p.researching).not.toBe('NONE');
    }
    // Discovery turns come from the event log where it names the tech.
    const logged = save.logEntries.find(
      (e) =>
        e.type === 'TECH_DISCOVERED' &&
        save.playerValues.some((v) => v.playerId === e.playerId && v.kind === 'tech_count' && v.key === e.data1),
    );
    if (logged) {
      const tech = answer.players.find((p) => p.id === logged.playerId)!.techs.find((t) => t.tech === logged.data1)!;
      expect(tech.discoveredTurn).not.toBeNull();
      expect(tech.discoveredTurn).toBeLessThanOrEqual(logged.turn!);
    }
  });

  it('answers the map as columns indexed by tile id, with the owner history for the slider', async () => {
    const map = (await ask('gameMap', saveId))!;
    expect(map.width).toBe(74);
    expect(map.height).toBe(74);
    for (const column of [map.terrain, map.elevation, map.vegetation, map.resource, map.improvement, map.owner])
      expect(column).toHaveLength(74 * 74);
    for (const tile of save.tiles.filter((_, i) => i % 37 === 0)) {
      expect(map.keys[map.terrain[tile.id]!]).toBe(tile.terrain);
      expect(map.elevation[tile.id] === -1 ? null : map.keys[map.elevation[tile.id]!]).toBe(tile.height);
      expect(map.resource[tile.id] === -1 ? null : map.keys[map.resource[tile.id]!]).toBe(tile.resource);
      expect(map.improvement[tile.id] === -1 ? null : map.keys[map.improvement[tile.id]!]).toBe(tile.improvement);
      expect(map.owner[tile.id]).toBe(tile.ownerPlayerId ?? -1);
    }
    // Each key once.
    expect(new Set(map.keys).size).toBe(map.keys.length);
    expect(map.history.tiles).toHaveLength(save.tileOwnerHistory.length);
    expect(map.history.turns).toHaveLength(save.tileOwnerHistory.length);
    expect(map.history.owners.every((o) => o >= -1 && o < save.players.length)).toBe(true);
    for (let i = 1; i < map.history.tiles.length; i++) {
      const ordered =
        map.history.tiles[i - 1]! < map.history.tiles[i]! ||
        (map.history.tiles[i - 1] === map.history.tiles[i] && map.history.turns[i - 1]! < map.history.turns[i]!);
      expect(ordered, `history entry ${i} in order`).toBe(true);
    }
    expect(map.cities.map((c) => c.tileId)).toEqual(save.cities.map((c) => c.tileId));
  });
});
