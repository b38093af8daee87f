// The one backward scan that every context cue uses: the nearest lexicon word
// that ends at or before `pos` and starts at or after `floor`.
import type { Lexicon } from '../rules.js';

export interface Cue<V> {
  word: string;
  value: V;
  start: number;
  end: number;
  /** Index of the lexicon (in the list given) that matched. */
  source: number;
}

export function nearestBefore<V>(text: string, pos: number, floor: number, lexicons: readonly Lexicon<V>[]): Cue<V> | null {
  for (let end = pos; end > floor; end--) {
    for (let source = 0; source < lexicons.length; source++) {
      const m = lexicons[source]!.matchBefore(text, end);
      if (m && end - m.word.length >= floor) return { ...m, start: end - m.word.length, end, source };
    }
  }
  return null;
}
