/**
 * One colour per nation, close to the banner colours the game gives them,
 * so a player recognises a nation on the map and in the charts. Chosen to
 * read on the light and the dark theme alike (mid lightness, no near-white
 * or near-black). A nation not in the table, or a player without one,
 * takes a colour from the spare palette by player id.
 */
const nationColours: Record<string, string> = {
  NATION_ASSYRIA: '#d4a017',
  NATION_BABYLONIA: '#2a9d8f',
  NATION_CARTHAGE: '#8e44ad',
  NATION_EGYPT: '#e9c46a',
  NATION_GREECE: '#3a7bd5',
  NATION_PERSIA: '#c0392b',
  NATION_ROME: '#a4161a',
  NATION_HITTITE: '#4f8a3c',
  NATION_KUSH: '#e07a1f',
  NATION_AKSUM: '#b5651d',
  NATION_MAURYA: '#d6336c',
  NATION_TAMIL: '#1b998b',
  NATION_YUEZHI: '#6c757d',
};

const spare = ['#5e60ce', '#ff7f50', '#2e8b57', '#b8860b', '#9d4edd', '#20a4f3', '#e76f51', '#8d99ae'];

/** The nation's colour as `#rrggbb`. */
export function nationColour(nation: string | null | undefined, playerId = 0): string {
  return (nation ? nationColours[nation] : undefined) ?? spare[((playerId % spare.length) + spare.length) % spare.length]!;
}

/**
 * Colours for the save's players: each nation's own, and a spare one for a
 * second player of the same nation, so two players never share a colour.
 */
export function playerColours(players: readonly { id: number; nation: string | null }[]): Map<number, string> {
  const used = new Set<string>();
  const out = new Map<number, string>();
  let next = 0;
  for (const p of players) {
    let colour = nationColour(p.nation, p.id);
    // With more players than colours, a repeat is better than no colour.
    for (let tries = 0; used.has(colour) && tries < spare.length; tries++) colour = spare[next++ % spare.length]!;
    used.add(colour);
    out.set(p.id, colour);
  }
  return out;
}
