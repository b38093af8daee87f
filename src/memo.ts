// Per-document memo: what a stage computes once over a whole text (clause
// boundaries, year mentions, cue matches) and then queries many times. One
// entry per function: documents are extracted one after another per thread.
export function memoByText<T>(build: (text: string) => T): (text: string) => T {
  let lastText: string | undefined;
  let lastValue: T;
  return (text: string) => {
    if (text !== lastText) lastValue = build(text);
    // Keep the string object last asked about: a document equal to the previous one but read anew
    // (a repeated file) would otherwise be compared in full, character by character, at every call.
    lastText = text;
    return lastValue;
  };
}

/** Index of the first element of a sorted list whose key is at least `pos`. */
export function lowerBound<T>(list: readonly T[], pos: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]!) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
