/** The game page's Rulers and characters tab, and one character's page. */
import * as v from 'valibot';
import { saveIdField } from './request-parts.js';

export const characterRequestSchema = v.strictObject({
  saveId: saveIdField,
  characterId: v.pipe(
    v.number(),
    v.integer('must be a character id (a whole number)'),
    v.minValue(0, 'must be a character id (0 or more)'),
  ),
});

export interface GameRulers {
  saveId: number;
}

export interface GameCharacter {
  saveId: number;
  characterId: number;
}
