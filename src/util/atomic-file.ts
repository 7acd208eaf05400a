/**
 * Whole-file writes that are atomic: a temporary file, fsync, then a rename into place. Large
 * text is written a slice at a time, so that a store of 250,000 figures is never held twice
 * (as a string and again as its bytes).
 */
import { closeSync, copyFileSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';

/** Characters written per call: the bytes of one slice are all that is encoded at once. */
const SLICE = 1 << 20;

function writeText(fd: number, text: string): void {
  for (let at = 0; at < text.length; at += SLICE) writeSync(fd, text.slice(at, at + SLICE));
}

/** Writes `data` (text, bytes, or text in pieces) to a temporary file, synced, then renamed. */
export function writeFileAtomic(path: string, data: string | Buffer | Iterable<string>): void {
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    if (typeof data === 'string') writeText(fd, data);
    else if (Buffer.isBuffer(data)) writeSync(fd, data);
    else writePieces(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/** Pieces gathered into slices of about SLICE characters, each written once. */
function writePieces(fd: number, pieces: Iterable<string>): void {
  let buffered: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    buffered.push(piece);
    size += piece.length;
    if (size < SLICE) continue;
    writeSync(fd, buffered.join(''));
    buffered = [];
    size = 0;
  }
  if (buffered.length) writeSync(fd, buffered.join(''));
}

/** A copy of a file put in place atomically (the data file from its snapshot). */
export function copyFileAtomic(from: string, to: string): void {
  const tmp = `${to}.${process.pid}.tmp`;
  copyFileSync(from, tmp);
  const fd = openSync(tmp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, to);
}
