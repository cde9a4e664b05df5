/**
 * Turns the save's enum-like names into words for people:
 * NATION_PERSIA -> "Persia", YIELD_CIVICS -> "Civics", FAMILY_THE_BARCIDS -> "The Barcids".
 */
export function displayName(value: string | null | undefined): string {
  if (!value) return '—';
  const words = value.replace(/^[A-Z]+_/, '').split('_').filter(Boolean);
  if (words.length === 0) return value;
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join(' ');
}
