/**
 * JSON of a record that holds long lists (an import's 250,000 changes), piece by piece: the
 * same text as JSON.stringify, without one giant string in between. `jsonPieces` feeds a file
 * write slice by slice; `jsonBytes` gathers the pieces where the bytes are wanted whole.
 */
export function* jsonPieces(record: Record<string, unknown>): Generator<string> {
  let first = true;
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) continue;
    yield `${first ? '{' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (Array.isArray(value)) yield* listPieces(value);
    else yield JSON.stringify(value) ?? 'null';
  }
  yield first ? '{}' : '}';
}

function* listPieces(list: readonly unknown[]): Generator<string> {
  for (let i = 0; i < list.length; i++)
    yield `${i ? ',' : '['}${JSON.stringify(list[i]) ?? 'null'}`;
  yield list.length ? ']' : '[]';
}

export function jsonBytes(record: Record<string, unknown>): Buffer {
  return Buffer.from([...jsonPieces(record)].join(''));
}
