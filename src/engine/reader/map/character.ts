/**
 * `Character` -> character row, traits, ratings, relationships, spouses.
 * The game may write the same trait, marriage or relationship twice for one
 * character: the last copy wins (keeping the first one's position).
 */
import type { CharacterRow, SaveSink } from '../../model/parsed-save.js';
import { NONE, type XmlTree } from '../xml/tree.js';
import type { EntityIds } from './ids.js';
import { childInt, childText, eventTurn, flag, ref, str, turn } from './values.js';

export function mapCharacter(doc: XmlTree, n: number, out: SaveSink, ids: EntityIds): void {
  const id = ids.take('character', doc, n);
  const row: CharacterRow = {
    id,
    playerId: ref(doc.attrInt(n, 'Player')),
    firstName: str(doc.attr(n, 'FirstName')),
    gender: str(doc.attr(n, 'Gender')),
    birthTurn: turn(doc.attrInt(n, 'BirthTurn')),
    deathTurn: null,
    deathReason: null,
    nameType: null,
    cognomen: null,
    level: null,
    xp: null,
    family: null,
    tribe: null,
    religion: null,
    nation: null,
    fatherId: null,
    motherId: null,
    birthCityId: null,
    infertile: false,
  };
  // trait -> turn; Map keeps first-insertion order, set() keeps the last value.
  const traits = new Map<string, number | null>();
  const spouses = new Set<number>();
  const relationships = new Map<string, { type: string; otherId: number | null; turn: number | null }>();
  let ratingsRead = false;

  for (let c = doc.firstChild(n); c !== NONE; c = doc.nextSibling(c, n)) {
    switch (doc.name(c)) {
      case 'NameType':
        row.nameType = str(doc.value(c));
        break;
      case 'Cognomen':
        row.cognomen = str(doc.value(c));
        break;
      case 'Level':
        row.level = doc.int(c);
        break;
      case 'XP':
        row.xp = doc.int(c);
        break;
      case 'DeathTurn':
        row.deathTurn = eventTurn(doc.int(c));
        break;
      case 'DeathReason':
        row.deathReason = str(doc.value(c));
        break;
      case 'Family':
        row.family = str(doc.value(c));
        break;
      case 'Tribe':
        row.tribe = str(doc.value(c));
        break;
      case 'Religion':
        row.religion = str(doc.value(c));
        break;
      case 'Nation':
        row.nation = str(doc.value(c));
        break;
      case 'FatherID':
        row.fatherId = ref(doc.int(c));
        break;
      case 'MotherID':
        row.motherId = ref(doc.int(c));
        break;
      case 'BirthCityID':
        row.birthCityId = ref(doc.int(c));
        break;
      case 'Infertile':
        row.infertile = flag(doc, c);
        break;
      case 'Trait': // 2022 saves: flags only, no turn
        for (let t = doc.firstChild(c); t !== NONE; t = doc.nextSibling(t, c)) if (!traits.has(doc.name(t))) traits.set(doc.name(t), null);
        break;
      case 'TraitTurn':
        for (let t = doc.firstChild(c); t !== NONE; t = doc.nextSibling(t, c)) traits.set(doc.name(t), turn(doc.int(t)));
        break;
      case 'Rating':
        if (ratingsRead) doc.repeated(n, c);
        ratingsRead = true;
        doc.uniqueChildren(c);
        for (let r = doc.firstChild(c); r !== NONE; r = doc.nextSibling(r, c)) {
          const value = doc.int(r);
          if (value !== null) out.characterRatings.push({ characterId: id, rating: doc.name(r), value });
        }
        break;
      case 'Spouses':
        for (let s = doc.firstChild(c); s !== NONE; s = doc.nextSibling(s, c)) {
          const spouse = ref(doc.int(s));
          if (spouse !== null) spouses.add(spouse);
        }
        break;
      case 'RelationshipList':
        for (let r = doc.firstChild(c); r !== NONE; r = doc.nextSibling(r, c)) {
          const type = str(childText(doc, r, 'Type'));
          if (type === null) continue;
          const otherId = ref(childInt(doc, r, 'ID') ?? childInt(doc, r, 'CharacterID'));
          relationships.set(`${type}\u0000${otherId}`, { type, otherId, turn: eventTurn(childInt(doc, r, 'Turn')) });
        }
        break;
    }
  }

  for (const [trait, t] of traits) out.characterTraits.push({ characterId: id, trait, turn: t });
  for (const spouseId of spouses) out.characterSpouses.push({ characterId: id, spouseId });
  for (const r of relationships.values()) out.characterRelationships.push({ characterId: id, ...r });
  out.characters.push(row);
}
