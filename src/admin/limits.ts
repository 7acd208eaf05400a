/** Bounds every upload must stay within, and the error that refuses one. */
import type { Problem } from '../domain/problem.js';
export const LIMITS = {
  fileBytes: 20 * 1024 * 1024,
  inflatedBytes: 200 * 1024 * 1024,
  zipEntries: 1000,
  rows: 1_000_000,
};

export class UploadError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.code);
  }
}

/** A cell the reader cannot take for a value (a formula, an error such as #DIV/0!). */
export class BadCell {
  constructor(readonly problem: Problem) {}
}
