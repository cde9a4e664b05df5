/**
 * One colour per nation, close to the banner colours the game gives them,
 * so a player recognises a nation on the map and in the charts. The same
 * values as the charts' table on the study-shell branch (nation-colors.ts),
 * so a nation's territory and its chart line agree; mid lightness, readable
 * on the light and the dark theme. A nation not in the table, or a player
 * without one, takes a colour from the spare palette by player id.
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

const spare = ['#2f8fa8', '#a0668f', '#6b7a8f', '#8c6d1f', '#5e60ce', '#e76f51', '#2e8b57', '#b8860b'];

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
