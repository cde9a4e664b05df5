/** Names of the Cities, Laws and Map tabs' keys, and the nations' colours. */
import { describe, expect, it } from 'vitest';
import {
  cultureName,
  goalName,
  heightName,
  improvementName,
  lawClassName,
  projectName,
  resourceName,
  specialistName,
  terrainName,
  unitTypeName,
  vegetationName,
} from '../../src/shared/names.js';
import { nationColour, playerColours } from '../../src/shared/nation-colours.js';

describe('names of cities, laws and the map', () => {
  it.each([
    [lawClassName, 'LAWCLASS_SLAVERY_FREEDOM', 'Slavery or Freedom'],
    [lawClassName, 'LAWCLASS_ORDER', 'Succession order'],
    [lawClassName, 'LAWCLASS_NEW_THING', 'New Thing'],
    [goalName, 'GOAL_SIX_CITIES', 'Six Cities'],
    [cultureName, 'CULTURE_LEGENDARY', 'Legendary'],
    [unitTypeName, 'UNIT_WAR_ELEPHANT', 'War Elephant'],
    [projectName, 'PROJECT_FESTIVAL', 'Festival'],
    [terrainName, 'TERRAIN_LUSH', 'Lush'],
    [heightName, 'HEIGHT_MOUNTAIN', 'Mountain'],
    [vegetationName, 'VEGETATION_SCRUB', 'Scrub'],
    [resourceName, 'RESOURCE_INCENSE', 'Incense'],
    [improvementName, 'IMPROVEMENT_GARRISON_1', 'Garrison I'],
    [improvementName, 'IMPROVEMENT_SHRINE_NABU', 'Shrine Nabu'],
    [specialistName, 'SPECIALIST_ACOLYTE_1', 'Acolyte I'],
  ] as const)('%o %s -> %s', (fn, key, name) => {
    expect(fn(key)).toBe(name);
  });

  it('shows a dash for nothing', () => {
    expect(terrainName(null)).toBe('—');
    expect(goalName('')).toBe('—');
  });
});

describe('nation colours', () => {
  it('gives known nations their own colour and others a spare one', () => {
    expect(nationColour('NATION_PERSIA')).toMatch(/^#[0-9a-f]{6}$/);
    expect(nationColour('NATION_PERSIA')).not.toBe(nationColour('NATION_GREECE'));
    expect(nationColour('NATION_UNKNOWN', 1)).not.toBe(nationColour('NATION_UNKNOWN', 2));
  });

  it('never gives two players of a save the same colour', () => {
    const colours = playerColours([
      { id: 0, nation: 'NATION_ROME' },
      { id: 1, nation: 'NATION_ROME' },
      { id: 2, nation: null },
      { id: 3, nation: 'NATION_EGYPT' },
    ]);
    expect(new Set(colours.values()).size).toBe(4);
    expect(colours.get(0)).toBe(nationColour('NATION_ROME'));
  });
});
