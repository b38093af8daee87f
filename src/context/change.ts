// Context: is the number the size of a rise, of a fall, or a level?
import { rules } from '../rules.js';
import type { Change } from '../schema.js';
import { nearestBefore } from './scan.js';

export function changeOf(text: string, numberStart: number, clauseStart: number): Change {
  const { increase, decrease, notChange, levelAfterCue } = rules().change;
  const cue = nearestBefore(text, numberStart, clauseStart, [notChange, increase, decrease]);
  if (!cue || cue.source === 0) return 'level';
  // 提高到62%, 降至8%: the number is the new level.
  if (levelAfterCue.matchAt(text, cue.end)) return 'level';
  return cue.source === 1 ? 'increase' : 'decrease';
}
