/** Bounds every upload must stay within, and the error that refuses one. */
export const LIMITS = {
  fileBytes: 20 * 1024 * 1024,
  inflatedBytes: 200 * 1024 * 1024,
  zipEntries: 1000,
  rows: 1_000_000,
};

export class UploadError extends Error {}
