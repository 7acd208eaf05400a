/**
 * The end of an append-only log read without reading the log: the start of its last line, the
 * bytes after its last newline, and a file appended to another in slices. An audit log that grows
 * by an import's 250,000 changes at a time is never held in memory to append one more record.
 */
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';

const CHUNK = 1 << 16;

/** The offset just after the last newline before `end` (0 when there is none). */
export function lineStartBefore(fd: number, end: number): number {
  const buf = Buffer.alloc(CHUNK);
  for (let to = end; to > 0; ) {
    const from = Math.max(0, to - CHUNK);
    const n = readSync(fd, buf, 0, to - from, from);
    const at = buf.subarray(0, n).lastIndexOf(0x0a);
    if (at >= 0) return from + at + 1;
    to = from;
  }
  return 0;
}

/** Bytes [from, to) of an open file, at most `max` of them. */
export function readRange(fd: number, from: number, to: number, max = Number.POSITIVE_INFINITY) {
  const length = Math.max(0, Math.min(to - from, max));
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, from);
  return buf.subarray(0, n);
}

/** Copies an open file's bytes [from, to) to the end of another, a slice at a time. */
export function copyRange(src: number, from: number, to: number, dst: number): void {
  const buf = Buffer.alloc(CHUNK * 16);
  for (let at = from; at < to; ) {
    const n = readSync(src, buf, 0, Math.min(buf.length, to - at), at);
    if (n <= 0) break;
    writeSync(dst, buf, 0, n);
    at += n;
  }
}

/** Appends a whole file and then `tail` to another. */
export function appendFileFrom(from: string, to: string, tail: string): void {
  const src = openSync(from, 'r');
  const dst = openSync(to, 'a');
  try {
    copyRange(src, 0, fstatSync(src).size, dst);
    writeSync(dst, tail);
  } finally {
    closeSync(src);
    closeSync(dst);
  }
}
