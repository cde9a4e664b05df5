/**
 * The Cities tab's rows as a player reads them, and their sort: pure, so
 * the order a header click gives is the order of the readable text (a
 * sort on keys would put "CITYNAME_UR" before a renamed city's text).
 */
import type { CityRow, GameCities } from '../../../../shared/views/cities';
import { characterName, cityName, cultureName, familyName, projectName, religionName, unitTypeName } from '../../../../shared/names';
import { ownerName } from '../study-players';

export interface CityLine {
  id: number;
  name: string;
  capital: boolean;
  playerId: number | null;
  owner: string;
  family: string;
  governor: string;
  /** The governor's character id, for the link to their page; null without one. */
  governorId: number | null;
  tileId: number;
  culture: string;
  religions: string;
  founded: number | null;
  citizens: number | null;
  /** "Warrior ×3, Festival ×1". */
  production: string;
  producedTotal: number;
  /** "Taken from Persia on turn 37"; one line per change. */
  captures: string[];
}

export const citySortKeys = ['name', 'owner', 'family', 'governor', 'culture', 'founded', 'citizens', 'production', 'captures'] as const;
export type CitySortKey = (typeof citySortKeys)[number];

function production(city: CityRow): string {
  return city.production
    .map((p) => `${p.key === '' ? 'Units' : p.kind === 'unit_production' ? unitTypeName(p.key) : projectName(p.key)} ×${p.value}`)
    .join(', ');
}

export function cityLines(view: GameCities): CityLine[] {
  const { players } = view;
  return view.cities.map((c) => ({
    id: c.id,
    name: cityName(c.name),
    capital: c.capital,
    playerId: c.playerId,
    owner: ownerName(players, c.playerId),
    family: c.family ? familyName(c.family) : '—',
    governor: c.governor ? characterName(c.governor.firstName, c.governor.cognomen) : '—',
    governorId: c.governor?.id ?? null,
    tileId: c.tileId,
    culture: c.culture ? cultureName(c.culture) : '—',
    religions: c.religions.length > 0 ? c.religions.map(religionName).join(', ') : '—',
    founded: c.foundedTurn,
    citizens: c.citizens,
    production: production(c) || '—',
    producedTotal: c.production.reduce((n, p) => n + p.value, 0),
    captures: c.ownerChanges.map((x) =>
      x.to === null
        ? `Lost by ${ownerName(players, x.from)} on turn ${x.turn}`
        : x.from === null
          ? `Taken by ${ownerName(players, x.to)} on turn ${x.turn}`
          : `Taken by ${ownerName(players, x.to)} from ${ownerName(players, x.from)} on turn ${x.turn}`,
    ),
  }));
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
/** Culture levels in the game's order, weakest first, so the column sorts by strength, not alphabet. */
const cultureRank = ['Weak', 'Developing', 'Strong', 'Established', 'Legendary'];

function compare(a: CityLine, b: CityLine, key: CitySortKey): number {
  switch (key) {
    case 'founded':
      return (a.founded ?? Infinity) - (b.founded ?? Infinity);
    case 'citizens':
      return (a.citizens ?? -1) - (b.citizens ?? -1);
    case 'production':
      return a.producedTotal - b.producedTotal;
    case 'captures':
      return a.captures.length - b.captures.length;
    case 'culture':
      return cultureRank.indexOf(a.culture) - cultureRank.indexOf(b.culture);
    default:
      return collator.compare(a[key], b[key]);
  }
}

/** Sorted by `key`, ties by name; a new array. */
export function sortCities(lines: readonly CityLine[], key: CitySortKey, order: 'asc' | 'desc'): CityLine[] {
  const sign = order === 'asc' ? 1 : -1;
  return [...lines].sort((a, b) => sign * compare(a, b, key) || collator.compare(a.name, b.name) || a.id - b.id);
}
