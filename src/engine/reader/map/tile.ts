/**
 * `Tile` -> tile row, owner history, and the units standing on it. Real
 * units are the tile's direct `Unit` children; copies elsewhere (a player's
 * `AI/LastSeenUnits`) are fog-of-war memories and never read.
 */
import type { SaveSink, TileRow, UnitRow } from '../../model/parsed-save.js';
import { NONE, type XmlTree } from '../xml/tree.js';
import type { EntityIds } from './ids.js';
import { eventTurn, flag, keyNumber, ref, str } from './values.js';

export function mapTile(doc: XmlTree, n: number, mapWidth: number, out: SaveSink, ids: EntityIds): void {
  const id = ids.take('tile', doc, n);
  const row: TileRow = {
    id,
    x: id % mapWidth,
    y: Math.floor(id / mapWidth),
    terrain: null,
    height: null,
    vegetation: null,
    resource: null,
    improvement: null,
    improvementPillaged: false,
    specialist: null,
    road: false,
    riverW: false,
    riverSW: false,
    riverSE: false,
    cityId: null,
    tribeSite: null,
    religion: null,
    ownerPlayerId: null,
  };
  let ownersRead = false;
  for (let c = doc.firstChild(n); c !== NONE; c = doc.nextSibling(c, n)) {
    switch (doc.name(c)) {
      case 'Terrain':
        row.terrain = str(doc.value(c));
        break;
      case 'Height':
        row.height = str(doc.value(c));
        break;
      case 'Vegetation':
        row.vegetation = str(doc.value(c));
        break;
      case 'Resource':
        row.resource = str(doc.value(c));
        break;
      case 'Improvement':
        row.improvement = str(doc.value(c));
        break;
      case 'ImprovementPillaged':
        row.improvementPillaged = flag(doc, c);
        break;
      case 'Specialist':
        row.specialist = str(doc.value(c));
        break;
      case 'Road':
        row.road = flag(doc, c);
        break;
      // Rivers: the element's presence is the river (its value is a direction).
      case 'RiverW':
        row.riverW = true;
        break;
      case 'RiverSW':
        row.riverSW = true;
        break;
      case 'RiverSE':
        row.riverSE = true;
        break;
      case 'CityTerritory':
        row.cityId = ref(doc.int(c));
        break;
      case 'TribeSite':
        row.tribeSite = str(doc.value(c));
        break;
      case 'Religion':
        // Text in some versions, an empty child per religion in others.
        row.religion = doc.hasChildren(c) ? doc.name(c + 1) : str(doc.value(c));
        break;
      case 'OwnerHistory':
        if (ownersRead) doc.repeated(n, c);
        ownersRead = true;
        row.ownerPlayerId = mapOwnerHistory(doc, c, id, out);
        break;
      case 'Unit':
        mapUnit(doc, c, id, out, ids);
        break;
    }
  }
  out.tiles.push(row);
}

/** All points; returns the owner at the highest turn (-1 = unowned). */
function mapOwnerHistory(doc: XmlTree, n: number, tileId: number, out: SaveSink): number | null {
  doc.uniqueChildren(n);
  let lastTurn = -1;
  let owner: number | null = null;
  for (let c = doc.firstChild(n); c !== NONE; c = doc.nextSibling(c, n)) {
    const t = keyNumber(doc.name(c), 'T');
    const v = doc.int(c);
    if (t < 0 || v === null) continue;
    const playerId = ref(v);
    out.tileOwnerHistory.push({ tileId, turn: t, playerId });
    if (t >= lastTurn) {
      lastTurn = t;
      owner = playerId;
    }
  }
  return owner;
}

function mapUnit(doc: XmlTree, n: number, tileId: number, out: SaveSink, ids: EntityIds): void {
  const id = ids.take('unit', doc, n);
  const type = str(doc.attr(n, 'Type'));
  if (type === null) return;
  const row: UnitRow = {
    id,
    tileId,
    type,
    playerId: ref(doc.attrInt(n, 'Player')),
    tribe: str(doc.attr(n, 'Tribe')),
    xp: null,
    level: null,
    createTurn: null,
    facing: null,
    originalPlayerId: null,
    gender: null,
    family: null,
  };
  let promotionsRead = false;
  for (let c = doc.firstChild(n); c !== NONE; c = doc.nextSibling(c, n)) {
    switch (doc.name(c)) {
      case 'XP':
        row.xp = doc.int(c);
        break;
      case 'Level':
        row.level = doc.int(c);
        break;
      case 'CreateTurn':
        row.createTurn = eventTurn(doc.int(c));
        break;
      case 'Facing':
        row.facing = str(doc.value(c));
        break;
      case 'OriginalPlayer':
        row.originalPlayerId = ref(doc.int(c));
        break;
      case 'Gender':
        row.gender = str(doc.value(c));
        break;
      case 'PlayerFamily':
        row.family = unitFamily(doc, c, row.playerId);
        break;
      case 'Promotions':
        if (promotionsRead) doc.repeated(n, c);
        promotionsRead = true;
        doc.uniqueChildren(c);
        for (let p = doc.firstChild(c); p !== NONE; p = doc.nextSibling(p, c))
          out.unitPromotions.push({ unitId: id, promotion: doc.name(p) });
        break;
    }
  }
  out.units.push(row);
}

/**
 * The family the unit belongs to for its own player: `<P.0>FAMILY_X</P.0>`
 * (current) or `<Player Family="FAMILY_X">0</Player>` (older); falls back to
 * the first entry.
 */
function unitFamily(doc: XmlTree, n: number, playerId: number | null): string | null {
  let first: string | null = null;
  for (let c = doc.firstChild(n); c !== NONE; c = doc.nextSibling(c, n)) {
    let player: number;
    let family: string | null;
    if (doc.name(c) === 'Player') {
      player = doc.int(c) ?? -1;
      family = str(doc.attr(c, 'Family'));
    } else {
      player = keyNumber(doc.name(c), 'P.');
      family = str(doc.value(c));
    }
    if (family === null) continue;
    if (player === playerId) return family;
    first ??= family;
  }
  return first;
}
