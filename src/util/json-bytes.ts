/**
 * JSON of a record that holds long lists (an import's 250,000 changes), piece by piece: the
 * same text as JSON.stringify, without one giant string in between, fed to a file write slice
 * by slice.
 */
export function* jsonPieces(record: Record<string, unknown>): Generator<string> {
  let first = true;
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) continue;
    yield `${first ? '{' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (isList(value)) yield* listPieces(value);
    else yield JSON.stringify(value) ?? 'null';
  }
  yield first ? '{}' : '}';
}

/** An array, or a list made as it is read (a generator): written element by element. */
function isList(v: unknown): v is Iterable<unknown> {
  if (Array.isArray(v)) return true;
  return typeof v === 'object' && v !== null && Symbol.iterator in v && !(v instanceof Map);
}

function* listPieces(list: Iterable<unknown>): Generator<string> {
  let i = 0;
  for (const el of list) yield `${i++ ? ',' : '['}${JSON.stringify(el) ?? 'null'}`;
  yield i ? ']' : '[]';
}
