/**
 * Lists of folded phrases known ahead (the lexicon's): a text is scanned once for every phrase
 * of every list, instead of once per phrase, and "does the text say a phrase of this list"
 * becomes a lookup. A phrase is found as hasPhrase finds it: whole words, in order.
 */
const owners = new WeakMap<readonly string[], PhraseLists>();

/** The PhraseLists a list was registered with, if any. */
export function phraseListsOf(list: readonly string[]): PhraseLists | undefined {
  return owners.get(list);
}

export class PhraseLists {
  private readonly ids = new WeakMap<readonly string[], number>();
  /** First word -> the phrases it starts, with the lists each belongs to. */
  private readonly byFirstWord = new Map<string, { phrase: string; lists: number[] }[]>();
  private lastText: string | null = null;
  private found = new Set<number>();

  constructor(lists: Iterable<readonly string[]>) {
    let id = 0;
    for (const list of lists) {
      if (this.ids.has(list)) continue;
      this.ids.set(list, id);
      owners.set(list, this);
      for (const phrase of list) if (phrase) this.add(phrase, id);
      id++;
    }
  }

  private add(phrase: string, list: number): void {
    const first = phrase.split(' ', 1)[0]!;
    const entries = this.byFirstWord.get(first) ?? [];
    const entry = entries.find((e) => e.phrase === phrase);
    if (entry) {
      if (!entry.lists.includes(list)) entry.lists.push(list);
    } else entries.push({ phrase, lists: [list] });
    this.byFirstWord.set(first, entries);
  }

  /** Whether `joined` (folded words joined by single spaces) says a phrase of `list`. */
  says(joined: string, list: readonly string[]): boolean {
    if (joined !== this.lastText) {
      this.lastText = joined;
      this.found = this.listsIn(joined);
    }
    return this.found.has(this.ids.get(list)!);
  }

  private listsIn(joined: string): Set<number> {
    const found = new Set<number>();
    for (let at = 0; at < joined.length; ) {
      let end = joined.indexOf(' ', at);
      if (end < 0) end = joined.length;
      for (const { phrase, lists } of this.byFirstWord.get(joined.slice(at, end)) ?? []) {
        const after = at + phrase.length;
        if (joined.startsWith(phrase, at) && (after === joined.length || joined[after] === ' '))
          for (const list of lists) found.add(list);
      }
      at = end + 1;
    }
    return found;
  }
}
