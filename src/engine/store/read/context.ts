/** What a view's read model is given: the library to read, and how to tell a sample save by its path. */
import type { SqlRunner } from '../sql-runner.js';

export interface ReadContext {
  db: SqlRunner;
  isSample(sourcePath: string): boolean;
}
