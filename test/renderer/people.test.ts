/** Naming characters and telling a life in turns, for the rulers list and the character page. */
import { describe, expect, it } from 'vitest';
import { ageAt, lifeText, peopleById, personName, sparkPoints } from '../../src/renderer/src/game/characters/people.js';

const ref = { id: 1, firstName: 'NAME_HELDICA', cognomen: 'COGNOMEN_GREAT', gender: null, birthTurn: 4, deathTurn: null, family: null };

describe('people', () => {
  it('names a character with their cognomen, and one the save lacks in words', () => {
    const people = peopleById([ref]);
    expect(personName(people, 1)).toBe('Heldica the Great');
    expect(personName(people, 2)).toBe('A character not in this save');
    expect(personName(people, null)).toBe('No one');
  });

  it('counts age to the save’s turn or to death, and says when the birth came before the game', () => {
    expect(ageAt(ref, 30)).toBe(26);
    expect(ageAt({ birthTurn: 4, deathTurn: 10 }, 30)).toBe(6);
    expect(ageAt({ birthTurn: null, deathTurn: null }, 30)).toBeNull();
    expect(lifeText(ref, 30)).toBe('born turn 4, age 26');
    expect(lifeText({ birthTurn: -5, deathTurn: 20 }, 30)).toBe('born before the game began, died turn 20, aged 25');
  });

  it('draws a history as steps, level until the next point', () => {
    expect(sparkPoints([], 100, 10)).toBe('');
    expect(
      sparkPoints(
        [
          { turn: 0, value: 0 },
          { turn: 10, value: 10 },
        ],
        100,
        10,
      ),
    ).toBe('0.0,10.0 100.0,10.0 100.0,0.0');
  });
});
