/**
 * The Events and Rulers read models on both backends, over generated saves
 * written to real library files: every log line and memory of the save and
 * no other save's, reigns, heirs, council, families with their opinion
 * history, and a character's page with traits, ratings, relationships,
 * spouses, parents and children.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSave } from '../../fixtures/generate.js';
import type { ParsedSave } from '../../../src/engine/model/parsed-save.js';
import { openStore, type SaveSource, type Store } from '../../../src/engine/store/index.js';
import { readModels, type ReadContext } from '../../../src/engine/store/read/index.js';
import type { Backend } from '../../../src/shared/settings.js';

const root = mkdtempSync(join(tmpdir(), 'scribe-read-events-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function source(n: number): SaveSource {
  return { path: join(root, `save-${n}.zip`), sha256: `sha-${n}`.padEnd(64, '0'), size: 1000 + n, mtimeMs: 1_758_000_000_000 + n };
}

const read = <T>(store: Store, fn: (ctx: ReadContext) => Promise<T>) => store.read((db) => fn({ db, isSample: () => false }));

describe.each(['sqlite', 'duckdb'] as Backend[])('events and rulers read models (%s)', (backend) => {
  let store: Store;
  let save: ParsedSave;
  let saveId: number;
  let otherId: number;

  beforeAll(async () => {
    store = await openStore(join(root, backend === 'duckdb' ? 'lib.duckdb' : 'lib.sqlite'));
    // Another game first, so a read that forgot its save_id would show its rows too.
    otherId = (await store.insertSave(generateSave({ seed: 5, scale: 'small', gameName: 'Other' }).expected.save, source(1))).saveId!;
    save = generateSave({ seed: 9, scale: 'small', gameName: 'Mine', logsPerPlayer: 40 }).expected.save;
    saveId = (await store.insertSave(save, source(2))).saveId!;
  });
  afterAll(async () => store?.close());

  it('answers null for a save that is not there', async () => {
    expect(await read(store, (ctx) => readModels.gameEvents(ctx, { saveId: 9999 }))).toBeNull();
    expect(await read(store, (ctx) => readModels.gameRulers(ctx, { saveId: 9999 }))).toBeNull();
    expect(await read(store, (ctx) => readModels.gameCharacter(ctx, { saveId: 9999, characterId: 0 }))).toBeNull();
  });

  it('sends every log line of the save with its markup, in each player’s order, and only that save’s', async () => {
    const events = (await read(store, (ctx) => readModels.gameEvents(ctx, { saveId })))!;
    expect(events.turn).toBe(save.meta.turn);
    expect(events.players.map((p) => p.id)).toEqual(save.players.map((p) => p.id));
    const sorted = [...save.logEntries].sort((a, b) => a.playerId - b.playerId || a.ordinal - b.ordinal);
    expect(events.log.text).toEqual(sorted.map((e) => e.text));
    expect(events.log.playerId).toEqual(sorted.map((e) => e.playerId));
    expect(events.log.turn).toEqual(sorted.map((e) => e.turn));
    expect(events.log.data1).toEqual(sorted.map((e) => e.data1));
    expect(events.log.type.map((t) => events.logTypes[t])).toEqual(sorted.map((e) => e.type));
    expect(new Set(events.logTypes).size).toBe(events.logTypes.length);
    // The markup travels as the game wrote it: parsing is the renderer's.
    expect(events.log.text.some((t) => t.includes('<color='))).toBe(true);

    const other = (await read(store, (ctx) => readModels.gameEvents(ctx, { saveId: otherId })))!;
    expect(other.log.text.length).toBe(15 * 2);
  });

  it('sends every memory with its subject, and the characters and cities links may name', async () => {
    const events = (await read(store, (ctx) => readModels.gameEvents(ctx, { saveId })))!;
    const sorted = [...save.memories].sort((a, b) => a.playerId - b.playerId || a.ordinal - b.ordinal);
    expect(events.memories.type).toEqual(sorted.map((m) => m.type));
    expect(events.memories.subjectKind).toEqual(sorted.map((m) => m.subjectKind));
    expect(events.memories.subject).toEqual(sorted.map((m) => m.subject));
    expect(events.memories.turn).toEqual(sorted.map((m) => m.turn));
    expect(events.characters.id).toEqual(save.characters.map((c) => c.id).sort((a, b) => a - b));
    const three = events.characters.id.indexOf(3);
    expect(events.characters.firstName[three]).toBe(save.characters.find((c) => c.id === 3)!.firstName);
    expect(events.cities.id.length).toBe(save.cities.length);
  });

  it('lists each player’s reigns in order, heirs, council and families with their opinion history', async () => {
    const rulers = (await read(store, (ctx) => readModels.gameRulers(ctx, { saveId })))!;
    expect(rulers.players).toHaveLength(save.players.length);
    for (const p of rulers.players) {
      const expected = save.players.find((x) => x.id === p.playerId)!;
      expect(p.reigns).toEqual(
        save.playerLeaders
          .filter((l) => l.playerId === p.playerId)
          .sort((a, b) => a.ordinal - b.ordinal)
          .map((l) => l.characterId),
      );
      expect(p.reigns.at(-1)).toBe(expected.rulerCharacterId);
      expect(p.chosenHeirId).toBe(expected.chosenHeirId);
      const ruler = expected.rulerCharacterId;
      const heirs = save.characters
        .filter((c) => c.deathTurn === null && (c.fatherId === ruler || c.motherId === ruler))
        .sort((a, b) => (a.birthTurn ?? 0) - (b.birthTurn ?? 0) || a.id - b.id)
        .map((c) => c.id);
      expect(p.heirs).toEqual(heirs);
      expect(p.council.map((c) => [c.position, c.characterId]).sort()).toEqual(
        save.playerCouncil
          .filter((c) => c.playerId === p.playerId)
          .map((c) => [c.position, c.characterId])
          .sort(),
      );
      expect(p.families.map((f) => f.family).sort()).toEqual(
        save.playerFamilies
          .filter((f) => f.playerId === p.playerId)
          .map((f) => f.family)
          .sort(),
      );
      for (const f of p.families) {
        const history = save.history
          .filter((h) => h.playerId === p.playerId && h.series === 'family_opinion' && h.key === f.family)
          .sort((a, b) => a.turn - b.turn)
          .map((h) => ({ turn: h.turn, value: h.value }));
        expect(f.opinion).toEqual(history);
      }
    }
    expect(rulers.players.some((p) => p.families.some((f) => f.opinion.length > 0))).toBe(true);
    expect(rulers.players.some((p) => p.heirs.length > 0)).toBe(true);
    // Everyone a list names can be named.
    const named = new Set(rulers.people.map((c) => c.id));
    for (const p of rulers.players)
      for (const id of [...p.reigns, ...p.heirs, ...p.council.map((c) => c.characterId)]) expect(named).toContain(id);
  });

  it('reads one character’s page: traits, ratings, relationships, spouses, parents and children', async () => {
    // A character with parents and a spouse, so every part of the page has something to show.
    const c =
      save.characters.find((x) => x.fatherId !== null && save.characterSpouses.some((s) => s.characterId === x.id)) ?? save.characters[0]!;
    const page = (await read(store, (ctx) => readModels.gameCharacter(ctx, { saveId, characterId: c.id })))!;
    expect(page.character).toMatchObject({
      id: c.id,
      firstName: c.firstName,
      cognomen: c.cognomen,
      birthTurn: c.birthTurn,
      deathTurn: c.deathTurn,
      family: c.family,
      nation: c.nation,
      fatherId: c.fatherId,
      motherId: c.motherId,
    });
    expect(page.traits.map((t) => t.trait).sort()).toEqual(
      save.characterTraits
        .filter((t) => t.characterId === c.id)
        .map((t) => t.trait)
        .sort(),
    );
    expect(page.ratings.map((r) => [r.rating, r.value]).sort()).toEqual(
      save.characterRatings
        .filter((r) => r.characterId === c.id)
        .map((r) => [r.rating, r.value])
        .sort(),
    );
    expect(page.relationships).toHaveLength(save.characterRelationships.filter((r) => r.characterId === c.id).length);
    expect(page.spouses).toEqual(
      save.characterSpouses
        .filter((s) => s.characterId === c.id)
        .map((s) => s.spouseId)
        .sort((a, b) => a - b),
    );
    expect(page.children.sort((a, b) => a - b)).toEqual(
      save.characters
        .filter((x) => x.fatherId === c.id || x.motherId === c.id)
        .map((x) => x.id)
        .sort((a, b) => a - b),
    );
    const named = new Set(page.people.map((p) => p.id));
    for (const id of [c.fatherId, ...page.spouses, ...page.children]) if (id !== null) expect(named).toContain(id);
  });

  it('says which players a ruler ruled, and answers null for a character the save does not have', async () => {
    const leader = save.playerLeaders[0]!;
    const page = (await read(store, (ctx) => readModels.gameCharacter(ctx, { saveId, characterId: leader.characterId })))!;
    expect(page.reignedFor).toContainEqual({ playerId: leader.playerId, ordinal: leader.ordinal });
    expect(await read(store, (ctx) => readModels.gameCharacter(ctx, { saveId, characterId: 99_999 }))).toBeNull();
  });
});
