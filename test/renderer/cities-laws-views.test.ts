/** The Cities and Laws tabs' pure parts: rows in words, their sort, the side-by-side grids. */
import { describe, expect, it } from 'vitest';
import { cityLines, sortCities } from '../../src/renderer/src/game/cities/city-table.js';
import { goalStatus, lawRows, techRows } from '../../src/renderer/src/game/laws/laws-grid.js';
import type { CityRow, GameCities } from '../../src/shared/views/cities.js';
import type { GameLaws, PlayerStudy } from '../../src/shared/views/laws.js';

const players = [
  { id: 0, name: 'Tiglath', nation: 'NATION_ASSYRIA', team: 0, isHuman: true },
  { id: 1, name: null, nation: 'NATION_EGYPT', team: 1, isHuman: false },
];

function city(id: number, over: Partial<CityRow>): CityRow {
  return {
    id,
    name: 'CITYNAME_UR',
    tileId: id,
    playerId: 0,
    family: null,
    foundedTurn: 1,
    capital: false,
    citizens: 1,
    governor: null,
    culture: null,
    religions: [],
    production: [],
    ownerChanges: [],
    ...over,
  };
}

describe('the cities table', () => {
  const view: GameCities = {
    saveId: 1,
    turn: 50,
    players,
    cities: [
      city(0, { name: 'CITYNAME_NINEVEH', foundedTurn: 12, culture: 'CULTURE_LEGENDARY', capital: true }),
      city(1, {
        name: 'Nouvelle Cité 1',
        playerId: 1,
        foundedTurn: 3,
        culture: 'CULTURE_WEAK',
        production: [
          { kind: 'unit_production', key: 'UNIT_WARRIOR', value: 3 },
          { kind: 'project_count', key: 'PROJECT_FESTIVAL', value: 1 },
        ],
        ownerChanges: [{ turn: 30, from: 0, to: 1 }],
        governor: { id: 4, firstName: 'NAME_HELDICA', cognomen: 'COGNOMEN_GREAT' },
        religions: ['RELIGION_JUDAISM'],
      }),
      city(2, {
        name: 'CITYNAME_ASSUR',
        playerId: null,
        foundedTurn: null,
        culture: 'CULTURE_STRONG',
        ownerChanges: [{ turn: 40, from: 0, to: null }],
      }),
    ],
  };
  const lines = cityLines(view);

  it('reads every cell in words', () => {
    const [nineveh, cite, assur] = lines;
    expect(nineveh).toMatchObject({ name: 'Nineveh', owner: 'Assyria (Tiglath)', culture: 'Legendary', capital: true, production: '—' });
    expect(cite).toMatchObject({
      name: 'Nouvelle Cité 1',
      owner: 'Egypt',
      governor: 'Heldica the Great',
      religions: 'Judaism',
      production: 'Warrior ×3, Festival ×1',
      captures: ['Taken by Egypt from Assyria (Tiglath) on turn 30'],
    });
    expect(assur).toMatchObject({ owner: 'Nobody', captures: ['Lost by Assyria (Tiglath) on turn 40'] });
  });

  it('sorts by the text a player reads, numbers as numbers and culture by strength', () => {
    expect(sortCities(lines, 'name', 'asc').map((l) => l.name)).toEqual(['Assur', 'Nineveh', 'Nouvelle Cité 1']);
    expect(sortCities(lines, 'name', 'desc').map((l) => l.name)).toEqual(['Nouvelle Cité 1', 'Nineveh', 'Assur']);
    // A city without a founding turn goes last.
    expect(sortCities(lines, 'founded', 'asc').map((l) => l.id)).toEqual([1, 0, 2]);
    expect(sortCities(lines, 'culture', 'asc').map((l) => l.culture)).toEqual(['Weak', 'Strong', 'Legendary']);
    expect(sortCities(lines, 'production', 'desc')[0]!.id).toBe(1);
  });
});

describe('the laws grids', () => {
  const study = (p: (typeof players)[number], over: Partial<PlayerStudy>): PlayerStudy => ({
    ...p,
    laws: [],
    techs: [],
    researching: null,
    goals: [],
    ...over,
  });
  const view: GameLaws = {
    saveId: 1,
    turn: 50,
    players: [
      study(players[0]!, {
        laws: [{ lawClass: 'LAWCLASS_SLAVERY_FREEDOM', law: 'LAW_FREEDOM', adoptedTurn: 20 }],
        techs: [{ tech: 'TECH_STEEL', discoveredTurn: 31 }],
      }),
      study(players[1]!, {
        laws: [
          { lawClass: 'LAWCLASS_SLAVERY_FREEDOM', law: 'LAW_SLAVERY', adoptedTurn: null },
          { lawClass: 'LAWCLASS_ORDER', law: 'LAW_PRIMOGENITURE', adoptedTurn: 4 },
        ],
        techs: [
          { tech: 'TECH_STEEL', discoveredTurn: null },
          { tech: 'TECH_WRITING', discoveredTurn: 2 },
        ],
      }),
    ],
  };

  it('puts each law class and tech on one row, a cell per player', () => {
    expect(lawRows(view)).toEqual([
      { key: 'LAWCLASS_SLAVERY_FREEDOM', label: 'Slavery or Freedom', cells: ['Freedom (turn 20)', 'Slavery'] },
      { key: 'LAWCLASS_ORDER', label: 'Succession order', cells: [null, 'Primogeniture (turn 4)'] },
    ]);
    expect(techRows(view)).toEqual([
      { key: 'TECH_STEEL', label: 'Steel', cells: ['Turn 31', 'Discovered'] },
      { key: 'TECH_WRITING', label: 'Writing', cells: [null, 'Turn 2'] },
    ]);
  });

  it('says where an ambition stands', () => {
    expect(goalStatus({ type: 'GOAL_WONDER', startedTurn: 3, finishedTurn: 9, failed: false })).toBe('Achieved on turn 9');
    expect(goalStatus({ type: 'GOAL_WONDER', startedTurn: 3, finishedTurn: 9, failed: true })).toBe('Failed on turn 9');
    expect(goalStatus({ type: 'GOAL_WONDER', startedTurn: 3, finishedTurn: null, failed: false })).toBe('Under way since turn 3');
  });
});
