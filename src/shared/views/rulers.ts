/**
 * The game page's Rulers and characters tab (each player's reigns, heirs,
 * council and families) and one character's page. Characters are named by
 * id in the lists; `people` carries what it takes to name and link each one
 * once.
 */
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

/** What a list needs to name a character and link to their page. */
export interface CharacterRef {
  id: number;
  firstName: string | null;
  cognomen: string | null;
  gender: string | null;
  birthTurn: number | null;
  deathTurn: number | null;
  family: string | null;
}

export interface TurnValue {
  turn: number;
  value: number;
}

export interface RulerFamily {
  family: string;
  headCharacterId: number | null;
  seatCityId: number | null;
  /** The family's opinion of the player, as the save's history wrote it (only turns where it changed). */
  opinion: TurnValue[];
}

export interface PlayerRulers {
  playerId: number;
  name: string | null;
  nation: string | null;
  dynasty: string | null;
  isHuman: boolean;
  /** `Leaders` in order: the first founded the nation, the last rules. */
  reigns: number[];
  chosenHeirId: number | null;
  /** The ruler's living children, eldest first: who may follow. */
  heirs: number[];
  council: { position: string; characterId: number }[];
  families: RulerFamily[];
}

export interface GameRulers {
  saveId: number;
  turn: number;
  players: PlayerRulers[];
  people: CharacterRef[];
  cities: { id: number; name: string | null }[];
}

export interface CharacterDetail extends CharacterRef {
  playerId: number | null;
  nation: string | null;
  tribe: string | null;
  religion: string | null;
  deathReason: string | null;
  level: number | null;
  xp: number | null;
  fatherId: number | null;
  motherId: number | null;
  birthCityId: number | null;
  infertile: boolean;
}

export interface GameCharacter {
  saveId: number;
  /** The save's turn: a living character's age is counted to it. */
  turn: number;
  character: CharacterDetail;
  /** The player the character belongs to, when any. */
  player: { id: number; name: string | null; nation: string | null } | null;
  birthCityName: string | null;
  /** The players this character ruled, with the place in their line (0 = founder). */
  reignedFor: { playerId: number; ordinal: number }[];
  traits: { trait: string; turn: number | null }[];
  ratings: { rating: string; value: number }[];
  relationships: { type: string; otherId: number | null; turn: number | null }[];
  spouses: number[];
  children: number[];
  /** Every character named on the page (parents, spouses, children, relations). */
  people: CharacterRef[];
}
