/** `City` -> city row, religions, culture per team, keyed values. */
import type { CityRow, CityValueKind, SaveSink } from '../../model/parsed-save.js';
import { NONE, type XmlTree } from '../xml/tree.js';
import type { EntityIds } from './ids.js';
import { eachKeyedInt, eventTurn, flag, keyNumber, ref, Sections, str } from './values.js';

const valueKinds: Record<string, CityValueKind> = {
  YieldProgress: 'yield_progress',
  ProjectCount: 'project_count',
  UnitProductionCounts: 'unit_production',
};

/** Sections whose rows are keyed by their children's names (one bit each, for `Sections`); both happiness names share one. */
const sectionBits: Record<string, number> = {
  Religion: 1,
  TeamCulture: 2,
  TeamHappinessLevel: 4,
  TeamDiscontentLevel: 4,
  UnitProductionCount: 8,
  YieldProgress: 16,
  ProjectCount: 32,
  UnitProductionCounts: 64,
};

export function mapCity(doc: XmlTree, n: number, out: SaveSink, ids: EntityIds): void {
  const id = ids.take('city', doc, n);
  const tileId = doc.attrInt(n, 'TileID');
  if (tileId === null) return;
  const row: CityRow = {
    id,
    tileId,
    playerId: ref(doc.attrInt(n, 'Player')),
    family: str(doc.attr(n, 'Family')),
    foundedTurn: eventTurn(doc.attrInt(n, 'Founded')),
    name: null,
    governorId: null,
    citizens: null,
    growthCount: null,
    capital: false,
    firstPlayerId: null,
    lastPlayerId: null,
    hurryCivicsCount: null,
    hurryMoneyCount: null,
    hurryTrainingCount: null,
    hurryPopulationCount: null,
    specialistProducedCount: null,
  };
  let nameType: string | null = null;
  const sections = new Sections();

  for (let c = doc.firstChild(n); c !== NONE; c = doc.nextSibling(c, n)) {
    const name = doc.name(c);
    const bit = sectionBits[name];
    if (bit !== undefined) sections.once(doc, n, c, bit);
    switch (name) {
      case 'Name': // a player-chosen name wins over the generated one
        row.name = str(doc.value(c));
        break;
      case 'NameType':
        nameType = str(doc.value(c));
        break;
      case 'GovernorID':
        row.governorId = ref(doc.int(c));
        break;
      case 'Citizens':
        row.citizens = doc.int(c);
        break;
      case 'GrowthCount':
        row.growthCount = doc.int(c);
        break;
      case 'Capital':
        row.capital = flag(doc, c);
        break;
      case 'FirstPlayer':
        row.firstPlayerId = ref(doc.int(c));
        break;
      case 'LastPlayer':
        row.lastPlayerId = ref(doc.int(c));
        break;
      case 'HurryCivicsCount':
        row.hurryCivicsCount = doc.int(c);
        break;
      case 'HurryMoneyCount':
        row.hurryMoneyCount = doc.int(c);
        break;
      case 'HurryTrainingCount':
        row.hurryTrainingCount = doc.int(c);
        break;
      case 'HurryPopulationCount':
        row.hurryPopulationCount = doc.int(c);
        break;
      case 'SpecialistProducedCount':
        row.specialistProducedCount = doc.int(c);
        break;
      case 'UnitProductionCount': {
        // Older saves: one total instead of per-unit counts.
        const total = doc.int(c);
        if (total !== null) out.cityValues.push({ cityId: id, kind: 'unit_production', key: '', value: total });
        break;
      }
      case 'Religion':
        doc.uniqueChildren(c);
        for (let r = doc.firstChild(c); r !== NONE; r = doc.nextSibling(r, c))
          out.cityReligions.push({ cityId: id, religion: doc.name(r) });
        break;
      case 'TeamCulture':
        doc.uniqueChildren(c);
        for (let t = doc.firstChild(c); t !== NONE; t = doc.nextSibling(t, c)) {
          const team = keyNumber(doc.name(t), 'T.');
          const level = str(doc.value(t));
          if (team >= 0 && level !== null) out.cityCulture.push({ cityId: id, team, level });
        }
        break;
      case 'TeamHappinessLevel':
      case 'TeamDiscontentLevel': // older name
        doc.uniqueChildren(c);
        for (let t = doc.firstChild(c); t !== NONE; t = doc.nextSibling(t, c)) {
          const team = keyNumber(doc.name(t), 'T.');
          const value = doc.int(t);
          if (team >= 0 && value !== null) out.cityValues.push({ cityId: id, kind: 'happiness_level', key: String(team), value });
        }
        break;
      default: {
        const kind = valueKinds[name];
        if (kind !== undefined) eachKeyedInt(doc, c, (key, value) => out.cityValues.push({ cityId: id, kind, key, value }));
      }
    }
  }
  if (row.name === null) row.name = nameType;
  out.cities.push(row);
}
