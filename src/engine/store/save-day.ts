function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function localDay(d: Date): string {
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * YYYY-MM-DD of the save's own date text ("20 September 2025",
 * "2025-09-20"), or of the file time when the text is not a date: the
 * library sorts by it, and the game writes its date in the player's words.
 */
export function saveDay(saveDate: string | null, mtimeMs: number): string {
  if (saveDate) {
    const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(saveDate.trim());
    if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
    const t = Date.parse(saveDate);
    if (Number.isFinite(t)) {
      const d = new Date(t);
      if (d.getFullYear() >= 2000 && d.getFullYear() <= 2200) return localDay(d);
    }
  }
  return localDay(new Date(mtimeMs));
}
