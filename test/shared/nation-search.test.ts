/** Finding nations by the words a player types: their names and adjectives. */
import { describe, expect, it } from 'vitest';
import { knownNations, nationsMatching } from '../../src/shared/names';

describe('nationsMatching', () => {
  it('finds a nation by its name or its adjective, in any case', () => {
    expect(nationsMatching('Rome')).toEqual(['NATION_ROME']);
    expect(nationsMatching('roman')).toEqual(['NATION_ROME']);
    expect(nationsMatching('CARTHAGINIAN')).toEqual(['NATION_CARTHAGE']);
    // The Hittites' land is Hatti: both words find it.
    expect(nationsMatching('hittite')).toEqual(['NATION_HITTITE']);
    expect(nationsMatching('hatti')).toEqual(['NATION_HITTITE']);
  });

  it('finds every nation a fragment is part of', () => {
    expect(nationsMatching('ia')).toEqual(expect.arrayContaining(['NATION_ASSYRIA', 'NATION_BABYLONIA', 'NATION_PERSIA']));
    expect(nationsMatching('ia')).not.toContain('NATION_ROME');
  });

  it('knows nations the library holds beyond the curated ones, by their generic names', () => {
    expect(knownNations).not.toContain('NATION_SCYTHIA');
    expect(nationsMatching('scyth', ['NATION_SCYTHIA'])).toEqual(['NATION_SCYTHIA']);
  });

  it('matches nothing for empty text or text no nation has', () => {
    expect(nationsMatching('  ')).toEqual([]);
    expect(nationsMatching('atlantis')).toEqual([]);
  });
});
