// Refiner: numbers in a list share the unit written after the last one
// (120、350万千瓦; 分别提高29个、6个百分点; 1、2、3次以上).
import { rules } from '../rules.js';
import type { RawQuantity } from '../extractors/quantities.js';

function separatedByList(text: string, a: RawQuantity, b: RawQuantity): boolean {
  const sep = rules().listSeparators.matchAt(text, a.end);
  return sep !== null && a.end + sep.word.length === b.start;
}

export function shareListUnits(text: string, qs: RawQuantity[]): RawQuantity[] {
  const out = qs.slice();
  for (let k = out.length - 2; k >= 0; k--) {
    const q = out[k]!;
    const next = out[k + 1]!;
    if (!next.unit || !separatedByList(text, q, next)) continue;
    if (q.unit === '') {
      const factor = !q.hasMagnitude && next.magnitude ? next.magnitude.factor : 1;
      const shareComparator = q.comparator === 'eq' && next.comparatorSource === 'after';
      out[k] = {
        ...q,
        value: q.value * factor,
        unit: next.unit,
        unitText: next.unitText,
        unitKind: next.unitKind,
        magnitude: q.magnitude ?? next.magnitude,
        hasMagnitude: q.hasMagnitude || next.hasMagnitude,
        comparator: shareComparator ? next.comparator : q.comparator,
        comparatorSource: shareComparator ? 'after' : q.comparatorSource,
      };
    } else if (q.unit === '个' && next.unit === '百分点') {
      // 29个、6个百分点: the 个 was the start of 个百分点.
      out[k] = { ...q, unit: '百分点', unitText: '个百分点', unitKind: 'percent' };
    }
  }
  return out;
}
