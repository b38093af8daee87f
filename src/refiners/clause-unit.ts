// Refiner: a bare number with a magnitude (1.3万亿以上, 惠及3000万群众) takes
// the unit of its clause; a bare number without one (12315, 10:00) is no
// quantity and is dropped.
import { rules } from '../rules.js';
import type { RawQuantity } from '../extractors/quantities.js';
import { clauseEnd, clauseStart } from '../structure.js';

export function resolveBareUnits(text: string, qs: RawQuantity[]): RawQuantity[] {
  const out: RawQuantity[] = [];
  for (const q of qs) {
    if (q.unit) {
      out.push(q);
      continue;
    }
    if (!q.hasMagnitude) continue;
    const from = clauseStart(text, q.start, 0);
    const to = clauseEnd(text, q.end, text.length);
    const clause = text.slice(from, to);
    // The noun right after the number, within a few characters (3000万群众, 1000多万高中毕业生).
    const following = text.slice(q.end, Math.min(to, q.end + 8));
    const rule = rules().clauseUnits.find(
      (c) => c.after?.some((w) => following.includes(w)) || c.words.some((w) => clause.includes(w)),
    );
    const posAfter = q.end;
    // A post qualifier written after a bare number: 1.3万亿以上.
    const post = rules().qualifiersAfter.matchAt(text, posAfter);
    const extended = post ? { end: q.end + post.word.length, comparator: post.value.comparator, comparatorSource: 'after' as const } : {};
    out.push({ ...q, ...extended, unit: rule?.unit ?? '', unitKind: null });
  }
  return out;
}
