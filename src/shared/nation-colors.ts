/**
 * A colour for each nation, near the one the game paints it with, for
 * chart lines and map territory. Every colour keeps at least 3:1 contrast
 * against both the light (#fff) and the dark (#1c1e22) surface, so a line
 * reads in either theme; players without a known nation take the spare
 * colours in turn.
 */
const nationColors: Record<string, string> = {
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

export const spareColors = ['#2f8fa8', '#a0668f', '#6b7a8f', '#8c6d1f'] as const;

/** The nation's colour; `index` picks a spare one for a nation the table does not know. */
export function nationColor(nation: string | null | undefined, index = 0): string {
  return (nation ? nationColors[nation] : undefined) ?? spareColors[index % spareColors.length]!;
}

/** Every colour the table can give, for the contrast check. */
export const allNationColors: readonly string[] = [...Object.values(nationColors), ...spareColors];
