/**
 * Values either database backend would take differently: refused in the
 * reader with INVALID_VALUE (or MISSING_FIELD), saying what is wrong.
 */
import { describe, expect, it } from 'vitest';
import { expectCode, miniSave, parse } from './helpers.js';

describe('entity IDs: whole numbers from 0, once per save', () => {
  const twice: [string, string, string][] = [
    ['player', '<Player ID="2" /><Player ID="2" />', 'Player/ID'],
    ['character', '<Character ID="12" /><Character ID="12" />', 'Character/ID'],
    ['city', '<City ID="5" TileID="1" /><City ID="5" TileID="2" />', 'City/ID'],
    ['tile', '<Tile ID="3" /><Tile ID="3" />', 'Tile/ID'],
    ['unit', '<Tile ID="1"><Unit ID="9" Type="UNIT_SCOUT" /></Tile><Tile ID="2"><Unit ID="9" Type="UNIT_SCOUT" /></Tile>', 'Unit/ID'],
  ];
  for (const [kind, inner, field] of twice) {
    it(`a ${kind} listed twice`, () => {
      const err = expectCode(() => parse(miniSave(`${inner}\n`)), 'INVALID_VALUE');
      expect(err.message).toBe(`The save lists ${kind} ${/ID="(\d+)"/.exec(inner.replace(/<Tile ID="\d+">/g, ''))![1]} twice.`);
      expect(err.detail).toEqual({ field });
    });
  }

  it('the same number for entities of different kinds is no repeat', () => {
    const save = parse(miniSave('<Character ID="0" /><City ID="0" TileID="0" /><Tile ID="0"><Unit ID="0" Type="UNIT_SCOUT" /></Tile>\n'));
    expect([save.players.length, save.characters.length, save.cities.length, save.tiles.length, save.units.length]).toEqual([
      1, 1, 1, 1, 1,
    ]);
  });

  it('IDs far apart (beyond the bitmap) are still told apart and repeats still caught', () => {
    const ids = [0, 31, 32, 4_194_303, 4_194_304, 2_147_483_647];
    expect(parse(miniSave(`${ids.map((id) => `<Character ID="${id}" />`).join('')}\n`)).characters.map((c) => c.id)).toEqual(ids);
    expectCode(() => parse(miniSave('<Character ID="2147483647" /><Character ID="2147483647" />\n')), 'INVALID_VALUE');
  });

  it('an ID that is a word, negative or absent', () => {
    expect(expectCode(() => parse(miniSave('<Character ID="one" />\n')), 'INVALID_VALUE').message).toBe(
      'The save lists a character whose ID "one" is not a whole number.',
    );
    expect(expectCode(() => parse(miniSave('<Tile ID="-4" />\n')), 'INVALID_VALUE').message).toBe(
      'The save lists a tile with the negative ID -4.',
    );
    expect(expectCode(() => parse(miniSave('<City TileID="1" />\n')), 'MISSING_FIELD').detail).toEqual({ field: 'City/ID' });
    expect(expectCode(() => parse(miniSave('<Player Name="x" />\n')), 'MISSING_FIELD').detail).toEqual({ field: 'Player/ID' });
  });
});

describe('integers: 32-bit, as every integer column of both backends', () => {
  it('refuses a value outside the range in an attribute or an element, naming it and its line', () => {
    const width = expectCode(() => parse(miniSave('', 'GameId="g" MapWidth="2147483648"')), 'INVALID_VALUE');
    expect(width.message).toBe(
      "The save's MapWidth value 2147483648 is out of range (line 2): saves hold whole numbers from -2147483648 to 2147483647.",
    );
    expect(width.detail).toMatchObject({ field: 'MapWidth', line: 2 });
    const level = expectCode(() => parse(miniSave('<Character ID="1">\n<Level>-2147483649</Level></Character>\n')), 'INVALID_VALUE');
    expect(level.detail).toMatchObject({ field: 'Level', line: 8 });
    // Beyond what a double holds exactly: still "out of range", never silently absent.
    expectCode(() => parse(miniSave('<Character ID="1"><XP>123456789012345678901234</XP></Character>\n')), 'INVALID_VALUE');
  });

  it('reads the ends of the range', () => {
    const save = parse(miniSave('<Character ID="1"><XP>2147483647</XP><Level>-2147483648</Level></Character>\n'));
    expect(save.characters[0]).toMatchObject({ xp: 2147483647, level: -2147483648 });
  });

  it('a team slot or active player beyond the range', () => {
    const team = miniSave('<Team><PlayerTeam>99999999999</PlayerTeam></Team>\n');
    expect(expectCode(() => parse(team), 'INVALID_VALUE').detail).toEqual({ field: 'Team' });
    const active = miniSave('', undefined, '<?xml version="1.0"?>\n<?ActivePlayer 99999999999?>\n');
    expect(expectCode(() => parse(active), 'INVALID_VALUE').detail).toEqual({ field: 'ActivePlayer' });
  });
});

describe('what every save has', () => {
  it('a turn that is a word, or negative', () => {
    const word = expectCode(() => parse(miniSave().replace('<Turn>3</Turn>', '<Turn>abc</Turn>')), 'INVALID_VALUE');
    expect(word.message).toBe('The save\'s turn "abc" is not a whole number.');
    expect(word.detail).toEqual({ field: 'Game/Turn' });
    expectCode(() => parse(miniSave().replace('<Turn>3</Turn>', '<Turn>-1</Turn>')), 'INVALID_VALUE');
  });

  it('a map width that is a word or 0', () => {
    for (const w of ['wide', '0', '-3']) {
      const err = expectCode(() => parse(miniSave('', `GameId="g" MapWidth="${w}"`)), 'INVALID_VALUE');
      expect(err.message).toBe(`The save's map width "${w}" is not a whole number above 0.`);
    }
  });

  it('no player at all', () => {
    const doc = miniSave('<Character ID="1" />\n').replace('<Player ID="0"></Player>\n', '');
    expect(expectCode(() => parse(doc), 'MISSING_FIELD').detail).toEqual({ field: 'Player' });
  });
});

describe('keyed rows: a key given twice is refused, not stored twice or not at all', () => {
  const repeats: [string, string, string][] = [
    [
      'a stockpile key',
      '<Player ID="0"><YieldStockpile><YIELD_FOOD>1</YIELD_FOOD><YIELD_FOOD>2</YIELD_FOOD></YieldStockpile></Player>',
      'YieldStockpile/YIELD_FOOD',
    ],
    ['a stockpile section', '<Player ID="0"><YieldStockpile /><YieldStockpile /></Player>', 'Player/YieldStockpile'],
    [
      'a law class',
      '<Player ID="0"><ActiveLaw><LAWCLASS_A>LAW_1</LAWCLASS_A><LAWCLASS_A>LAW_2</LAWCLASS_A></ActiveLaw></Player>',
      'ActiveLaw/LAWCLASS_A',
    ],
    ['a history turn', '<Player ID="0"><PointsHistory><T5>1</T5><T5>2</T5></PointsHistory></Player>', 'PointsHistory/T5'],
    [
      'a keyed history key',
      '<Player ID="0"><YieldRateHistory><YIELD_FOOD /><YIELD_FOOD /></YieldRateHistory></Player>',
      'YieldRateHistory/YIELD_FOOD',
    ],
    [
      'a keyed history turn',
      '<Player ID="0"><YieldRateHistory><YIELD_FOOD><T2>1</T2><T2>1</T2></YIELD_FOOD></YieldRateHistory></Player>',
      'YIELD_FOOD/T2',
    ],
    [
      'a rating',
      '<Character ID="1"><Rating><RATING_WISDOM>1</RATING_WISDOM><RATING_WISDOM>2</RATING_WISDOM></Rating></Character>',
      'Rating/RATING_WISDOM',
    ],
    [
      'a city culture team',
      '<City ID="1" TileID="1"><TeamCulture><T.1>CULTURE_WEAK</T.1><T.1>CULTURE_STRONG</T.1></TeamCulture></City>',
      'TeamCulture/T.1',
    ],
    [
      'happiness under both names',
      '<City ID="1" TileID="1"><TeamHappinessLevel /><TeamDiscontentLevel /></City>',
      'City/TeamDiscontentLevel',
    ],
    ['a city religion', '<City ID="1" TileID="1"><Religion><RELIGION_A /><RELIGION_A /></Religion></City>', 'Religion/RELIGION_A'],
    ['an owner history turn', '<Tile ID="1"><OwnerHistory><T3>0</T3><T3>1</T3></OwnerHistory></Tile>', 'OwnerHistory/T3'],
    ['an owner history', '<Tile ID="1"><OwnerHistory /><OwnerHistory /></Tile>', 'Tile/OwnerHistory'],
    [
      'a promotion',
      '<Tile ID="1"><Unit ID="1" Type="UNIT_A"><Promotions><PROMOTION_A /><PROMOTION_A /></Promotions></Unit></Tile>',
      'Promotions/PROMOTION_A',
    ],
  ];
  for (const [what, inner, field] of repeats) {
    it(what, () => {
      const err = expectCode(() => parse(miniSave(`${inner}\n`)), 'INVALID_VALUE');
      const [owner, child] = field.split('/');
      expect(err.message).toMatch(
        new RegExp(`^The save lists <${child!.replace('.', '\\.')}> twice in one <${owner}> \\(line \\d+\\)\\.$`),
      );
      expect(err.detail).toMatchObject({ field });
    });
  }

  it('a tribe or a diplomacy pair given twice', () => {
    expect(expectCode(() => parse(miniSave('<Tribe ID="TRIBE_A" /><Tribe ID="TRIBE_A" />\n')), 'INVALID_VALUE').message).toBe(
      'The save lists tribe TRIBE_A twice.',
    );
    const pair = miniSave().replace(
      '<Turn>3</Turn>',
      '<Turn>3</Turn><TeamDiplomacy><T.0.1>WAR</T.0.1><T.0.1>PEACE</T.0.1></TeamDiplomacy>',
    );
    expect(expectCode(() => parse(pair), 'INVALID_VALUE').detail).toMatchObject({ field: 'TeamDiplomacy/T.0.1' });
  });

  it('a yield price turn, a yield or the whole price history given twice', () => {
    const game = (inner: string) => miniSave().replace('<Turn>3</Turn>', `<Turn>3</Turn>${inner}`);
    const prices = (inner: string) => `<YieldPriceHistory>${inner}</YieldPriceHistory>`;
    const cases: [string, string][] = [
      [prices('<YIELD_FOOD><T2>1</T2><T2>2</T2></YIELD_FOOD>'), 'YIELD_FOOD/T2'],
      [prices('<YIELD_FOOD><T2>1</T2></YIELD_FOOD><YIELD_FOOD><T3>1</T3></YIELD_FOOD>'), 'YieldPriceHistory/YIELD_FOOD'],
      [prices('') + prices(''), 'Game/YieldPriceHistory'],
    ];
    for (const [inner, field] of cases) expect(expectCode(() => parse(game(inner)), 'INVALID_VALUE').detail).toMatchObject({ field });
  });

  it('a turn key with a leading zero is no second name for the same turn', () => {
    const save = parse(miniSave('<Player ID="0"><PointsHistory><T5>1</T5><T05>2</T05></PointsHistory></Player>\n'));
    expect(save.history).toEqual([{ playerId: 0, series: 'points', key: '', turn: 5, value: 1 }]);
  });

  it('a list given twice (leaders, goals, log) adds rows with ordinals that run on', () => {
    const save = parse(
      miniSave(
        '<Player ID="0"><Leaders><ID>4</ID></Leaders><Leaders><ID>7</ID></Leaders>' +
          '<PermanentLogList><LogData><Type>A</Type></LogData></PermanentLogList><PermanentLogList><LogData><Type>B</Type></LogData></PermanentLogList>' +
          '<GoalList><Goal><Type>G1</Type></Goal></GoalList><GoalList><Goal><Type>G2</Type></Goal></GoalList></Player>\n',
      ),
    );
    expect(save.playerLeaders.map((l) => [l.ordinal, l.characterId])).toEqual([
      [0, 4],
      [1, 7],
    ]);
    expect(save.logEntries.map((e) => [e.ordinal, e.type])).toEqual([
      [0, 'A'],
      [1, 'B'],
    ]);
    expect(save.playerGoals.map((g) => [g.ordinal, g.type])).toEqual([
      [0, 'G1'],
      [1, 'G2'],
    ]);
    expect(save.players[0]!.rulerCharacterId).toBe(7);
  });
});
