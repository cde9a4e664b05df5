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
