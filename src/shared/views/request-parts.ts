/** Schema pieces the views' requests share. */
import * as v from 'valibot';

export const count = (what: string) =>
  v.pipe(v.number(), v.integer(`must be a whole number of ${what}`), v.minValue(0, `must be a whole number of ${what}, 0 or more`));

export const saveIdField = v.pipe(
  v.number(),
  v.integer('must be a save id (a whole number)'),
  v.minValue(1, 'must be a save id (1 or more)'),
);

/** A request about one save of a game: the game page's views ask this way. */
export const gameSaveSchema = v.strictObject({ saveId: saveIdField });
