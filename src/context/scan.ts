// The one backward scan that every context cue uses: the nearest lexicon word
// that ends at or before `pos` and starts at or after `floor`.
//
// Each lexicon's matches in a document are found once, in one pass, and kept
// sorted by end; a query is then a binary search, not a walk back over the
// sentence for every number.
import { lowerBound, memoByText } from '../memo.js';
import type { Lexicon } from '../rules.js';

export interface Cue<V> {
  word: string;
  value: V;
  start: number;
  end: number;
  /** Index of the lexicon (in the list given) that matched. */
  source: number;
}

interface Match<V> {
  word: string;
  value: V;
  start: number;
  end: number;
}

/** The longest match ending at each position of one text, for each lexicon asked about. */
const indexesOf = memoByText(() => new Map<Lexicon<unknown>, Match<unknown>[]>());

function matchesOf<V>(text: string, lexicon: Lexicon<V>): Match<V>[] {
  const indexes = indexesOf(text);
  let list = indexes.get(lexicon) as Match<V>[] | undefined;
  if (!list) {
    list = [];
    for (let end = 1; end <= text.length; end++) {
      const m = lexicon.matchBefore(text, end);
      if (m) list.push({ word: m.word, value: m.value, start: end - m.word.length, end });
    }
    indexes.set(lexicon, list as Match<unknown>[]);
  }
  return list;
}

/** The last match of `list` ending at or before `pos` and starting at or after `floor`. */
function lastWithin<V>(list: readonly Match<V>[], pos: number, floor: number): Match<V> | null {
  for (let k = lowerBound(list, pos + 1, (m) => m.end) - 1; k >= 0 && list[k]!.end > floor; k--) if (list[k]!.start >= floor) return list[k]!;
  return null;
}

export function nearestBefore<V>(text: string, pos: number, floor: number, lexicons: readonly Lexicon<V>[]): Cue<V> | null {
  let best: Cue<V> | null = null;
  lexicons.forEach((lexicon, source) => {
    const m = lastWithin(matchesOf(text, lexicon), pos, floor);
    // The nearest end wins; at the same end, the lexicon listed first.
    if (m && (!best || m.end > best.end)) best = { ...m, source };
  });
  return best;
}
