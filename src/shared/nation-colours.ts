/**
 * One colour per nation, close to the banner colours the game gives them,
 * so a player recognises a nation on the map, in the charts and in the
 * ranking alike. Every colour keeps at least 3:1 contrast against both the
 * light (#fff) and the dark (#1c1e22) surface, so a line reads in either
 * theme. A nation not in the table, or a second player of the same nation,
 * takes a colour from the spare palette.
 */
const nationColours: Record<string, string> = {
  NATION_ASSYRIA: '#a88a00',
  NATION_BABYLONIA: '#0f9488',
  NATION_CARTHAGE: '#9b59d0',
  NATION_EGYPT: '#c27c0e',
  NATION_GREECE: '#3a86d8',
  NATION_PERSIA: '#c2417a',
  NATION_ROME: '#d63c3c',
  NATION_HITTITE: '#5f8f2a',
  NATION_KUSH: '#b0603a',
  NATION_AKSUM: '#2e9e5b',
  NATION_MAURYA: '#d0620a',
  NATION_TAMIL: '#7467d8',
  NATION_YUEZHI: '#8a7f3a',
};

export const spareColours: readonly string[] = ['#2f8fa8', '#a0668f', '#6b7a8f', '#8c6d1f', '#5e60ce', '#e76f51', '#2e8b57', '#b8860b'];

/** Every colour the table can give, for the contrast check. */
export const allNationColours: readonly string[] = [...Object.values(nationColours), ...spareColours];

/** The nation's colour as `#rrggbb`; a nation the table does not know takes a spare one by player id. */
export function nationColour(nation: string | null | undefined, playerId = 0): string {
  const n = spareColours.length;
  return (nation ? nationColours[nation] : undefined) ?? spareColours[((playerId % n) + n) % n]!;
}

/**
 * Colours for the save's players, by player id: each nation's own, and a
 * spare one for a second player of the same nation, so two players never
 * share a colour. Every view of a save asks with the same players, so a
 * player has one colour on the map, in the charts and in the ranking.
 */
export function playerColours(players: readonly { id: number; nation: string | null }[]): Map<number, string> {
  const used = new Set<string>();
  const out = new Map<number, string>();
  let next = 0;
  for (const p of [...players].sort((a, b) => a.id - b.id)) {
    let colour = nationColour(p.nation, p.id);
    // With more players than colours, a repeat is better than no colour.
    for (let tries = 0; used.has(colour) && tries < spareColours.length; tries++) colour = spareColours[next++ % spareColours.length]!;
    used.add(colour);
    out.set(p.id, colour);
  }
  return out;
}
