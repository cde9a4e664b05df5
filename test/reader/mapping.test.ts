/**
 * The format's traps, one by one, on hand-written documents (the golden
 * tests cover them in bulk; these say exactly which rule breaks).
 */
import { describe, expect, it } from 'vitest';
import { miniSave, parse } from './helpers.js';

describe('players', () => {
  it('is human with an OnlineID, or with AIControlledToTurn 0, and player 0 is a real player', () => {
    const save = parse(
      miniSave(
        '<Player ID="0" OnlineID="" AIControlledToTurn="0" Name="Local" />\n' +
          '<Player ID="1" OnlineID="76561198000000001" AIControlledToTurn="2147483647" Name="Online" />\n' +
          '<Player ID="2" OnlineID="" AIControlledToTurn="2147483647" Name="AI" />\n',
      ),
    );
    expect(save.players.map((p) => [p.id, p.isHuman])).toEqual([
      [0, true],
      [1, true],
      [2, false],
    ]);
  });

  it('takes team, nation and dynasty from the per-slot sections when the Player element lacks them', () => {
    const save = parse(
      miniSave(
        '<Team><PlayerTeam>0</PlayerTeam><PlayerTeam>0</PlayerTeam></Team><Nation><PlayerNation>NATION_A</PlayerNation><PlayerNation>NATION_B</PlayerNation></Nation>\n' +
          '<Player ID="0" Nation="NATION_X" Team="1" AIControlledToTurn="0" /><Player ID="1" AIControlledToTurn="0" />\n',
      ),
    );
    expect(save.players.map((p) => [p.team, p.nation])).toEqual([
      [1, 'NATION_X'],
      [0, 'NATION_B'],
    ]);
  });

  it('keeps sparse histories as written: no fill, no zeros', () => {
    const save = parse(
      miniSave(
        '<Player ID="0" AIControlledToTurn="0">\n<PointsHistory><T2>5</T2><T9>7</T9></PointsHistory>\n' +
          '<YieldRateHistory><YIELD_FOOD><T3>-20</T3></YIELD_FOOD><YIELD_IRON /></YieldRateHistory>\n</Player>\n',
      ),
    );
    expect(save.history).toEqual([
      { playerId: 0, series: 'points', key: '', turn: 2, value: 5 },
      { playerId: 0, series: 'points', key: '', turn: 9, value: 7 },
      { playerId: 0, series: 'yield_rate', key: 'YIELD_FOOD', turn: 3, value: -20 },
    ]);
  });

  it('the last leader rules; -1 council seats are empty', () => {
    const save = parse(
      miniSave(
        '<Player ID="0" AIControlledToTurn="0"><Leaders><ID>4</ID><ID>20</ID></Leaders><CouncilCharacter><COUNCIL_A>7</COUNCIL_A><COUNCIL_B>-1</COUNCIL_B></CouncilCharacter></Player>\n',
      ),
    );
    expect(save.players[0]!.rulerCharacterId).toBe(20);
    expect(save.playerLeaders.map((l) => l.characterId)).toEqual([4, 20]);
    expect(save.playerCouncil).toEqual([{ playerId: 0, position: 'COUNCIL_A', characterId: 7 }]);
  });

  it('reads both memory shapes, one ordinal sequence per player', () => {
    const save = parse(
      miniSave(
        '<Player ID="0" AIControlledToTurn="0">\n' +
          '<MemoryPlayerList><MemoryPlayerData><Type>MEMORYPLAYER_X</Type><Player>1</Player><Turn>4</Turn></MemoryPlayerData></MemoryPlayerList>\n' +
          '<MemoryFamilyList><MemoryFamilyData><Type>MEMORYFAMILY_Y</Type><Family>3</Family><Turn>5</Turn></MemoryFamilyData></MemoryFamilyList>\n' +
          '<MemoryList><MemoryData><Type>MEMORYTRIBE_Z</Type><Tribe>TRIBE_RAIDERS</Tribe><Turn>6</Turn></MemoryData>' +
          '<MemoryData><Type>MEMORYCHARACTER_W</Type><CharacterID>12</CharacterID><Turn>7</Turn></MemoryData></MemoryList>\n' +
          '</Player>\n',
      ),
    );
    expect(save.memories.map((m) => [m.ordinal, m.type, m.subjectKind, m.subject, m.turn])).toEqual([
      [0, 'MEMORYPLAYER_X', 'player', '1', 4],
      [1, 'MEMORYFAMILY_Y', 'family', '3', 5],
      [2, 'MEMORYTRIBE_Z', 'tribe', 'TRIBE_RAIDERS', 6],
      [3, 'MEMORYCHARACTER_W', 'character', '12', 7],
    ]);
  });

  it('log data: None and empty are null, escaped markup is text', () => {
    const save = parse(
      miniSave(
        '<Player ID="0" AIControlledToTurn="0"><PermanentLogList><LogData><Text>&lt;link=X&gt;Rome&lt;/link&gt;</Text><Type>CITY_FOUNDED</Type><Data1>3</Data1><Data2>None</Data2><Data3 /><Turn>8</Turn><TeamTurn>-1</TeamTurn></LogData></PermanentLogList></Player>\n',
      ),
    );
    expect(save.logEntries).toEqual([
      {
        playerId: 0,
        ordinal: 0,
        type: 'CITY_FOUNDED',
        text: '<link=X>Rome</link>',
        data1: '3',
        data2: null,
        data3: null,
        turn: 8,
        teamTurn: null,
      },
    ]);
  });
});

describe('characters', () => {
  it('duplicated traits, spouses and relationships: the last copy wins', () => {
    const save = parse(
      miniSave(
        '<Character ID="5" BirthTurn="-12" Player="-1">\n' +
          '<Spouses><ID>8</ID><ID>8</ID><ID>9</ID></Spouses>\n' +
          '<TraitTurn><TRAIT_BRAVE>3</TRAIT_BRAVE><TRAIT_TALL>4</TRAIT_TALL><TRAIT_BRAVE>6</TRAIT_BRAVE></TraitTurn>\n' +
          '<RelationshipList><RelationshipData><Type>RELATIONSHIP_FRIEND</Type><ID>2</ID><Turn>1</Turn></RelationshipData>' +
          '<RelationshipData><Type>RELATIONSHIP_FRIEND</Type><ID>2</ID><Turn>9</Turn></RelationshipData>' +
          '<RelationshipData><Type>RELATIONSHIP_RIVAL</Type><Turn>4</Turn></RelationshipData></RelationshipList>\n' +
          '</Character>\n',
      ),
    );
    expect(save.characters[0]).toMatchObject({ id: 5, birthTurn: -12, playerId: null, deathTurn: null });
    expect(save.characterTraits).toEqual([
      { characterId: 5, trait: 'TRAIT_BRAVE', turn: 6 },
      { characterId: 5, trait: 'TRAIT_TALL', turn: 4 },
    ]);
    expect(save.characterSpouses.map((s) => s.spouseId)).toEqual([8, 9]);
    expect(save.characterRelationships).toEqual([
      { characterId: 5, type: 'RELATIONSHIP_FRIEND', otherId: 2, turn: 9 },
      { characterId: 5, type: 'RELATIONSHIP_RIVAL', otherId: null, turn: 4 },
    ]);
  });

  it('2022 trait flags without turns, int.MinValue turns as null', () => {
    const save = parse(miniSave('<Character ID="1"><Trait><TRAIT_A /></Trait><DeathTurn>-2147483648</DeathTurn></Character>\n'));
    expect(save.characterTraits).toEqual([{ characterId: 1, trait: 'TRAIT_A', turn: null }]);
    expect(save.characters[0]!.deathTurn).toBeNull();
  });
});

describe('tiles and units', () => {
  it('x, y from MapWidth; owner at the highest turn, whatever the order; -1 is unowned', () => {
    const save = parse(
      miniSave(
        '<Tile ID="9"><OwnerHistory><T45>1</T45><T1>0</T1></OwnerHistory><RiverSW>0</RiverSW><Road /></Tile>\n' +
          '<Tile ID="10"><OwnerHistory><T3>2</T3><T8>-1</T8></OwnerHistory></Tile>\n',
      ),
    );
    expect(save.tiles[0]).toMatchObject({ id: 9, x: 1, y: 2, ownerPlayerId: 1, riverSW: true, riverW: false, road: true });
    expect(save.tiles[1]).toMatchObject({ id: 10, x: 2, y: 2, ownerPlayerId: null });
    expect(save.tileOwnerHistory).toEqual([
      { tileId: 9, turn: 45, playerId: 1 },
      { tileId: 9, turn: 1, playerId: 0 },
      { tileId: 10, turn: 3, playerId: 2 },
      { tileId: 10, turn: 8, playerId: null },
    ]);
  });

  it('only units standing on tiles are units; LastSeenUnits copies are not', () => {
    const save = parse(
      miniSave(
        '<Player ID="0" AIControlledToTurn="0"><AI><LastSeenUnits><Unit ID="77" Type="UNIT_DECOY" Player="1" /></LastSeenUnits></AI></Player>\n' +
          '<Tile ID="2"><Unit ID="77" Type="UNIT_WARRIOR" Player="0" Tribe="NONE"><Promotions><PROMOTION_FIERCE /></Promotions>' +
          '<PlayerFamily><P.1>FAMILY_OTHER</P.1><P.0>FAMILY_MINE</P.0></PlayerFamily></Unit></Tile>\n',
      ),
    );
    expect(save.units).toEqual([
      {
        id: 77,
        tileId: 2,
        type: 'UNIT_WARRIOR',
        playerId: 0,
        tribe: null,
        xp: null,
        level: null,
        createTurn: null,
        facing: null,
        originalPlayerId: null,
        gender: null,
        family: 'FAMILY_MINE',
      },
    ]);
    expect(save.unitPromotions).toEqual([{ unitId: 77, promotion: 'PROMOTION_FIERCE' }]);
  });
});

describe('cities', () => {
  it('reads culture per team, happiness per team, old and new production counts, and -1 owner', () => {
    const save = parse(
      miniSave(
        '<City ID="3" TileID="7" Player="-1" Family="NONE" Founded="12"><Name>Nouvelle Cité</Name><Capital />' +
          '<TeamCulture><T.0>CULTURE_STRONG</T.0><T.2>CULTURE_WEAK</T.2></TeamCulture><TeamDiscontentLevel><T.0>2</T.0></TeamDiscontentLevel>' +
          '<UnitProductionCount>5</UnitProductionCount><Religion><RELIGION_A /></Religion></City>\n',
      ),
    );
    expect(save.cities[0]).toMatchObject({
      id: 3,
      tileId: 7,
      playerId: null,
      family: null,
      foundedTurn: 12,
      name: 'Nouvelle Cité',
      capital: true,
    });
    expect(save.cityCulture).toEqual([
      { cityId: 3, team: 0, level: 'CULTURE_STRONG' },
      { cityId: 3, team: 2, level: 'CULTURE_WEAK' },
    ]);
    expect(save.cityValues).toEqual([
      { cityId: 3, kind: 'happiness_level', key: '0', value: 2 },
      { cityId: 3, kind: 'unit_production', key: '', value: 5 },
    ]);
    expect(save.cityReligions).toEqual([{ cityId: 3, religion: 'RELIGION_A' }]);
  });
});

describe('game: winner, religions, families, diplomacy, config', () => {
  it('all three winner forms', () => {
    expect(
      parse(
        miniSave('', undefined).replace(
          '<Turn>3</Turn>',
          '<Turn>3</Turn><GameOver /><TeamVictories><Team Victory="VICTORY_POINTS">2</Team></TeamVictories>',
        ),
      ).meta,
    ).toMatchObject({
      gameOver: true,
      winner: { team: 2, playerId: null, victory: 'VICTORY_POINTS' },
    });
    expect(
      parse(miniSave().replace('<Turn>3</Turn>', '<Turn>3</Turn><WinnerTeam>1</WinnerTeam><WinnerVictory>VICTORY_TIME</WinnerVictory>'))
        .meta.winner,
    ).toEqual({ team: 1, playerId: null, victory: 'VICTORY_TIME' });
    expect(parse(miniSave('<Victory winner="4" type="VICTORY_CONQUEST" />\n')).meta.winner).toEqual({
      team: null,
      playerId: 4,
      victory: 'VICTORY_CONQUEST',
    });
    expect(parse(miniSave().replace('<Turn>3</Turn>', '<Turn>3</Turn><WinnerTeam>-1</WinnerTeam><TeamVictories />')).meta).toMatchObject({
      gameOver: false,
      winner: null,
    });
  });

  it('families join FamilyClass with the owning player heads and seats', () => {
    const save = parse(
      miniSave(
        '<Player ID="1" AIControlledToTurn="0"><Families><FAMILY_A /></Families><FamilyHeadID><FAMILY_A>30</FAMILY_A></FamilyHeadID><FamilySeatCityID><FAMILY_A>2</FAMILY_A></FamilySeatCityID></Player>\n',
      ).replace(
        '<Turn>3</Turn>',
        '<Turn>3</Turn><FamilyClass><FAMILY_A>FAMILYCLASS_SAGES</FAMILY_A><FAMILY_B>FAMILYCLASS_HUNTERS</FAMILY_B></FamilyClass>',
      ),
    );
    expect(save.families).toEqual([
      { family: 'FAMILY_A', playerId: 1, familyClass: 'FAMILYCLASS_SAGES', seatCityId: 2, headCharacterId: 30 },
      { family: 'FAMILY_B', playerId: null, familyClass: 'FAMILYCLASS_HUNTERS', seatCityId: null, headCharacterId: null },
    ]);
    expect(save.playerFamilies).toEqual([{ playerId: 1, family: 'FAMILY_A', headCharacterId: 30, seatCityId: 2 }]);
  });

  it('diplomacy between teams and between tribes and teams', () => {
    const save = parse(
      miniSave().replace(
        '<Turn>3</Turn>',
        '<Turn>3</Turn><TeamDiplomacy><T.0.1>DIPLOMACY_WAR</T.0.1></TeamDiplomacy><TribeDiplomacy><TRIBE_GAULS.1>DIPLOMACY_TRUCE</TRIBE_GAULS.1></TribeDiplomacy>',
      ),
    );
    expect(save.diplomacy).toEqual([
      { kind: 'team', a: '0', b: '1', state: 'DIPLOMACY_WAR' },
      { kind: 'tribe', a: 'TRIBE_GAULS', b: '1', state: 'DIPLOMACY_TRUCE' },
    ]);
  });

  it('yield prices: the game’s sparse price points per yield, exactly as written, and no player’s', () => {
    const save = parse(
      miniSave('<Player ID="0"><YieldPriceHistory><YIELD_FOOD><T1>5</T1></YIELD_FOOD></YieldPriceHistory></Player>\n').replace(
        '<Turn>3</Turn>',
        '<Turn>3</Turn><YieldPriceHistory><YIELD_FOOD><T1>800</T1><T4>-20</T4><Total>9</Total></YIELD_FOOD>' +
          '<YIELD_IRON><T2>1200</T2><T3></T3></YIELD_IRON><YIELD_WOOD /></YieldPriceHistory>',
      ),
    );
    expect(save.yieldPrices).toEqual([
      { yield: 'YIELD_FOOD', turn: 1, price: 800 },
      { yield: 'YIELD_FOOD', turn: 4, price: -20 },
      { yield: 'YIELD_IRON', turn: 2, price: 1200 },
    ]);
    // A price history inside a player is no history Scribe knows of a player.
    expect(save.history).toEqual([]);
    expect(parse(miniSave()).yieldPrices).toEqual([]);
  });

  it('settings: other root attributes verbatim and single-valued config entries', () => {
    const save = parse(
      miniSave(
        '<GameOptions><GAMEOPTION_X /></GameOptions><MapSingleOptions><MAPOPTION_Y>MAPOPTION_Y_1</MAPOPTION_Y></MapSingleOptions><MapMultiOptions><M><A /></M></MapMultiOptions>\n',
        'GameId="g" MapWidth="4" FirstSeed="123" MapPath=""',
      ),
    );
    expect(save.meta.settings).toEqual({
      FirstSeed: '123',
      MapPath: '',
      'GameOptions.GAMEOPTION_X': 'true',
      'MapSingleOptions.MAPOPTION_Y': 'MAPOPTION_Y_1',
    });
  });

  it('version and mods; difficulty of the first human', () => {
    const save = parse(
      miniSave(
        '<Difficulty><PlayerDifficulty>DIFFICULTY_A</PlayerDifficulty><PlayerDifficulty>DIFFICULTY_B</PlayerDifficulty></Difficulty>\n<Player ID="0" AIControlledToTurn="2147483647" /><Player ID="1" AIControlledToTurn="0" />\n',
        'GameId="g" MapWidth="4" Version="Version: 1.0.70000+Better AI+ Mod2 "',
      ),
    );
    expect(save.meta).toMatchObject({ version: '1.0.70000', mods: ['Better AI', 'Mod2'], difficulty: 'DIFFICULTY_B' });
  });
});
