/** Every key family's names, the curated exceptions, and the result from the player's side. */
import { describe, expect, it } from 'vitest';
import {
  characterName,
  cityName,
  cognomenName,
  difficultyName,
  displayName,
  dlcName,
  dynastyName,
  familyName,
  gameModeName,
  lawName,
  mapClassName,
  mapSizeName,
  nationAdjective,
  nationName,
  techName,
  victoryKind,
  victoryName,
  yieldName,
} from '../../src/shared/names.js';
import { gameResult, ownerPlayer, resultText, type ResultFacts } from '../../src/shared/result.js';
import { victoryKey } from '../../src/engine/reader/map/victory.js';
import { miniSave, parse } from '../reader/helpers.js';

describe('names per key family', () => {
  it.each([
    // [function, key, name]: the generic rule
    [nationName, 'NATION_EGYPT', 'Egypt'],
    [nationName, 'NATION_NEW_LAND', 'New Land'],
    [dynastyName, 'DYNASTY_SARGONID', 'Sargonid'],
    [cityName, 'CITYNAME_NINEVEH', 'Nineveh'],
    [cityName, 'CITYNAME_NEW_CARTHAGE', 'New Carthage'],
    [familyName, 'FAMILY_BARCID', 'Barcid'],
    [familyName, 'FAMILY_THE_BARCIDS', 'The Barcids'],
    [lawName, 'LAW_DIVINE_RULE', 'Divine Rule'],
    [techName, 'TECH_IRONWORKING', 'Ironworking'],
    [techName, 'TECH_STONECUTTING_BTT', 'Stonecutting'],
    [yieldName, 'YIELD_ORDERS', 'Orders'],
    [difficultyName, 'DIFFICULTY_THE_GREAT', 'The Great'],
    [mapSizeName, 'MAPSIZE_MEDIUM', 'Medium'],
    [mapClassName, 'MAPCLASS_CoastalRainBasin', 'Coastal Rain Basin'],
    [dlcName, 'DLC_BEHIND_THE_THRONE', 'Behind the Throne'],
    // the curated table, where the rule is wrong
    [nationName, 'NATION_HITTITE', 'Hatti'],
    [dlcName, 'DLC_HEROES_OF_AEGEAN', 'Heroes of the Aegean'],
    [gameModeName, 'SINGLE_PLAYER', 'Single player'],
    [gameModeName, 'NETWORK', 'Multiplayer'],
    [gameModeName, 'HOTSEAT', 'Hotseat'],
    [gameModeName, 'PLAY_BY_CLOUD', 'Play by cloud'],
    [victoryName, 'VICTORY_CONQUEST', 'Conquest victory'],
    [victoryName, 'VICTORY_DOUBLE', 'Double points victory'],
    [victoryKind, 'VICTORY_POINTS', 'Points'],
  ] as const)('%o %s -> %s', (fn, key, name) => {
    expect(fn(key)).toBe(name);
  });

  it('nations have adjectives, curated where they are not the name', () => {
    expect(nationAdjective('NATION_EGYPT')).toBe('Egyptian');
    expect(nationAdjective('NATION_GREECE')).toBe('Greek');
    expect(nationAdjective('NATION_HITTITE')).toBe('Hittite');
    expect(nationAdjective('NATION_SCYTHIA')).toBe('Scythia');
    expect(nationName(null)).toBe('No nation');
  });

  it('characters carry their cognomen, and a name a player typed stays as typed', () => {
    expect(characterName('NAME_HELDICA')).toBe('Heldica');
    expect(characterName('NAME_HELDICA', 'COGNOMEN_GREAT')).toBe('Heldica the Great');
    expect(characterName('NAME_ASHUR_UBALLIT', 'COGNOMEN_CONQUEROR')).toBe('Ashur Uballit the Conqueror');
    expect(characterName('Ætheling', null)).toBe('Ætheling');
    expect(characterName(null)).toBe('—');
    expect(cognomenName('COGNOMEN_THE_WISE')).toBe('the Wise');
    expect(cityName('Nova Roma')).toBe('Nova Roma');
  });

  it('an unknown key never loses a word; only a known prefix goes', () => {
    expect(displayName('SINGLE_PLAYER')).toBe('Single Player');
    expect(displayName('NETWORK')).toBe('Network');
    expect(displayName('TURNSTYLE_TIGHT')).toBe('Tight');
    expect(displayName('STRANGE_NEW_THING')).toBe('Strange New Thing');
    expect(displayName('NATION_PERSIA')).toBe('Persia');
    expect(displayName(null)).toBe('—');
    // A key of another family given to a typed function is still named, never shown raw.
    expect(cityName('NATION_ROME')).toBe('Rome');
    expect(gameModeName('GAMEMODE_SOMETHING_NEW')).toBe('Something New');
  });

  it('no name keeps a key prefix or an underscore', () => {
    const keys = ['NATION_ROME', 'NAME_M_12', 'CITYNAME_UR', 'FAMILY_JULII', 'LAW_SLAVERY', 'TECH_X_BTT', 'YIELD_FOOD', 'VICTORY_TIME'];
    const fns = [nationName, characterName, cityName, familyName, lawName, techName, yieldName, victoryName];
    for (const [i, key] of keys.entries()) expect(fns[i]!(key)).not.toMatch(/_|\b[A-Z]{2,}\b/);
  });
});

describe('the result from the player’s side', () => {
  const players = [
    { playerId: 0, nation: 'NATION_PERSIA', isHuman: true, team: 0 },
    { playerId: 1, nation: 'NATION_ROME', isHuman: false, team: 1 },
    { playerId: 2, nation: 'NATION_EGYPT', isHuman: false, team: 1 },
  ];
  const over = (winner: ResultFacts['winner'], activePlayer: number | null = 0, ps: ResultFacts['players'] = players): ResultFacts => ({
    gameOver: true,
    winner,
    activePlayer,
    players: ps,
  });

  it('names a victory, a defeat with who won and how, or only that the game is over', () => {
    expect(resultText(over({ team: 0, playerId: null, victory: 'VICTORY_CONQUEST' }))).toBe('Victory (Conquest)');
    expect(resultText(over({ team: null, playerId: 1, victory: 'VICTORY_CONQUEST' }))).toBe('Defeat — Rome won by Conquest');
    expect(resultText(over({ team: 1, playerId: null, victory: 'VICTORY_POINTS' }))).toBe('Defeat — Rome and Egypt won by Points');
    expect(gameResult(over({ team: 1, playerId: null, victory: null })).kind).toBe('defeat');
    // Two humans and no ActivePlayer: whose side is unknown.
    const hotseat = players.map((p) => ({ ...p, isHuman: true }));
    expect(resultText(over({ team: null, playerId: 1, victory: 'VICTORY_TIME' }, null, hotseat))).toBe('Game over — Rome won by Time');
    // A team winner where the teams are not known: no guess.
    const noTeams = players.map(({ team: _team, ...p }) => p);
    expect(resultText(over({ team: 1, playerId: null, victory: 'VICTORY_POINTS' }, 0, noTeams))).toBe('Game over — Team 2 won by Points');
    expect(resultText(over(null))).toBe('Game over');
    expect(resultText({ gameOver: false, winner: null, players })).toBe('In progress');
  });

  it('the save’s player is ActivePlayer, else the only human', () => {
    expect(ownerPlayer({ activePlayer: 2, players })?.playerId).toBe(2);
    expect(ownerPlayer({ activePlayer: null, players })?.playerId).toBe(0);
    expect(ownerPlayer({ activePlayer: 7, players })?.playerId).toBe(0);
    expect(ownerPlayer({ players: players.map((p) => ({ ...p, isHuman: true })) })).toBeNull();
  });
});

describe('the winner’s victory is always a key', () => {
  it('maps every form the saves write', () => {
    expect(victoryKey('VICTORY_CONQUEST')).toBe('VICTORY_CONQUEST');
    expect(victoryKey('4')).toBe('VICTORY_CONQUEST');
    expect(victoryKey('0')).toBe('VICTORY_POINTS');
    expect(victoryKey(' 3 ')).toBe('VICTORY_TIME');
    expect(victoryKey('-1')).toBeNull();
    expect(victoryKey('9')).toBeNull();
    expect(victoryKey('NONE')).toBeNull();
    expect(victoryKey(null)).toBeNull();
  });

  it('in each winner form of a save', () => {
    const legacy = (v: string) =>
      miniSave().replace('<Turn>3</Turn>', `<Turn>3</Turn><GameOver /><WinnerTeam>1</WinnerTeam><WinnerVictory>${v}</WinnerVictory>`);
    expect(parse(legacy('4')).meta.winner).toEqual({ team: 1, playerId: null, victory: 'VICTORY_CONQUEST' });
    expect(parse(legacy('0')).meta.winner).toEqual({ team: 1, playerId: null, victory: 'VICTORY_POINTS' });
    expect(parse(legacy('VICTORY_TIME')).meta.winner?.victory).toBe('VICTORY_TIME');
    const teamVictories = miniSave().replace('<Turn>3</Turn>', '<Turn>3</Turn><TeamVictories><Team Victory="2">0</Team></TeamVictories>');
    expect(parse(teamVictories).meta.winner).toEqual({ team: 0, playerId: null, victory: 'VICTORY_AMBITION' });
    expect(parse(miniSave('<Victory winner="0" type="4" />\n')).meta.winner).toEqual({
      team: null,
      playerId: 0,
      victory: 'VICTORY_CONQUEST',
    });
  });
});

describe('names for the rulers and events views', () => {
  it('names traits, ratings, relationships, council seats, death reasons and genders', async () => {
    const n = await import('../../src/shared/names.js');
    expect(n.traitName('TRAIT_COMMANDER_ARCHETYPE')).toBe('Commander');
    expect(n.traitName('TRAIT_BRAVE')).toBe('Brave');
    expect(n.ratingName('RATING_WISDOM')).toBe('Wisdom');
    expect(n.relationshipName('RELATIONSHIP_PLOTTING_AGAINST')).toBe('Plotting against');
    expect(n.relationshipName('RELATIONSHIP_FRIEND')).toBe('Friend');
    expect(n.councilName('COUNCIL_GRAND_VIZIER')).toBe('Grand Vizier');
    expect(n.deathReasonName('DEATHREASON_OLD_AGE')).toBe('Old age');
    expect(n.genderName('GENDER_FEMALE')).toBe('Female');
    expect(n.logTypeName('OCCURENCE_ENDED')).toBe('Occurrence ended');
  });

  it('replaces keys of known families inside text, and leaves other words alone', async () => {
    const n = await import('../../src/shared/names.js');
    expect(n.keysInText('Adopted LAW_SLAVERY & "LAWCLASS_ORDER"')).toBe('Adopted Slavery & "Order"');
    expect(n.keysInText('MY_OWN words, A_B')).toBe('MY_OWN words, A_B');
  });
});
