/** The Events tab's rows: markup shown with links resolved, memories as sentences, filters, search on the read text, order. */
import { describe, expect, it } from 'vitest';
import { buildEntries, filterEntries, noFilter, shownText, typeOptions } from '../../src/renderer/src/game/events/entries.js';
import type { GameEvents } from '../../src/shared/views/events.js';

function answer(): GameEvents {
  return {
    saveId: 7,
    turn: 30,
    players: [
      { id: 0, name: 'Tiglath', nation: 'NATION_ASSYRIA', isHuman: true },
      { id: 1, name: null, nation: 'NATION_EGYPT', isHuman: false },
    ],
    logTypes: ['CHARACTER_BIRTH', 'LAW_ADOPTED', 'GOAL_FINISHED', 'CITY_FOUNDED'],
    log: {
      playerId: [0, 0, 1, 1, 0],
      turn: [3, 10, 10, 20, null],
      type: [0, 1, 2, 3, 0],
      text: [
        '<color=#e3c08c><link="HELP_LINK,HELP_CHARACTER,58">Atossa</link></color> was born',
        'Adopted <color=#ac5996>LAW_SLAVERY</color> &amp; more',
        '',
        'Founded <link=HELP_LINK,HELP_CITY,4>Nineveh</link>',
        '<link="HELP_LINK,HELP_CHARACTER,999">Nobody</link> was born',
      ],
      data1: [null, 'LAW_SLAVERY', 'GOAL_SIX_CITIES', '4', null],
    },
    memories: {
      playerId: [0, 1, 1, 0],
      turn: [12, 15, 2, 25],
      type: ['MEMORYPLAYER_DECLARED_WAR', 'MEMORYCHARACTER_IMPRISONED', 'MEMORYFAMILY_FOUNDED_CITY', 'MEMORYTRIBE_SOMETHING_NEW'],
      subjectKind: ['player', 'character', 'family', 'tribe'],
      subject: ['1', '58', 'FAMILY_BARCID', 'TRIBE_GAULS'],
    },
    characters: { id: [58], firstName: ['NAME_ATOSSA'], cognomen: ['COGNOMEN_GREAT'] },
    cities: { id: [4], name: ['CITYNAME_NINEVEH'] },
  };
}

describe('buildEntries', () => {
  const entries = buildEntries(answer());
  const byKey = new Map(entries.map((e) => [e.key, e]));

  it('links a character the save has to their page and leaves one it lacks as text', () => {
    const birth = byKey.get('l0')!;
    expect(birth.nodes).toEqual([
      {
        kind: 'color',
        color: '#e3c08c',
        children: [{ kind: 'link', href: '#/game/7/rulers/58', children: [{ kind: 'text', text: 'Atossa' }] }],
      },
      { kind: 'text', text: ' was born' },
    ]);
    expect(byKey.get('l4')!.nodes[0]).toEqual({ kind: 'link', href: null, children: [{ kind: 'text', text: 'Nobody' }] });
    expect(byKey.get('l3')!.nodes[1]).toMatchObject({ kind: 'link', href: '#/game/7/cities' });
  });

  it('names keys inside text, decodes entities, and says what an empty line was', () => {
    expect(shownText(byKey.get('l1')!.nodes)).toBe('Adopted Slavery & more');
    expect(shownText(byKey.get('l2')!.nodes)).toBe('Goal finished: Six Cities');
    expect(byKey.get('l2')!.typeLabel).toBe('Goal finished');
  });

  it('turns memories into sentences with names resolved, the character a link', () => {
    expect(shownText(byKey.get('m0')!.nodes)).toBe('Player 2 (Egypt) declared war on us');
    const prisoner = byKey.get('m1')!;
    expect(shownText(prisoner.nodes)).toBe('Atossa the Great was imprisoned');
    expect(prisoner.nodes[0]).toMatchObject({ kind: 'link', href: '#/game/7/rulers/58' });
    expect(shownText(byKey.get('m2')!.nodes)).toBe('The Barcid family founded a city');
    // A memory type with no phrase still reads, without its key.
    expect(shownText(byKey.get('m3')!.nodes)).toBe('Gauls: something new');
  });

  it('searches the read text, not the markup', () => {
    expect(filterEntries(entries, { ...noFilter, search: 'atossa BORN' }).map((e) => e.key)).toEqual(['l0']);
    expect(filterEntries(entries, { ...noFilter, search: 'HELP_CHARACTER' })).toEqual([]);
    expect(filterEntries(entries, { ...noFilter, search: 'color' })).toEqual([]);
  });

  it('filters by player, type and turn range, newest first unless asked', () => {
    const keys = (f: Partial<typeof noFilter>) => filterEntries(entries, { ...noFilter, ...f }).map((e) => e.key);
    // Newest first is the save's order reversed, within a turn too (a later line is newer); no turn goes last.
    expect(keys({})).toEqual(['m3', 'l3', 'm1', 'm0', 'l2', 'l1', 'l0', 'm2', 'l4']);
    expect(keys({ newestFirst: false })).toEqual(['l4', 'm2', 'l0', 'l1', 'l2', 'm0', 'm1', 'l3', 'm3']);
    expect(keys({ playerId: 1 })).toEqual(['l3', 'm1', 'l2', 'm2']);
    expect(keys({ type: 'memory' })).toEqual(['m3', 'm1', 'm0', 'm2']);
    expect(keys({ type: 'log:CHARACTER_BIRTH' })).toEqual(['l0', 'l4']);
    expect(keys({ fromTurn: 10, toTurn: 15 })).toEqual(['m1', 'm0', 'l2', 'l1']);
  });

  it('offers each log type and memory kind once, by name', () => {
    const options = typeOptions(entries);
    expect(options.log.map((o) => o.label)).toEqual(['Character birth', 'City founded', 'Goal finished', 'Law adopted']);
    expect(options.memory.map((o) => o.value)).toEqual(['memory:character', 'memory:family', 'memory:player', 'memory:tribe']);
  });
});
