// Context: the verb that governs the number, nearest first in its clause.
import { rules } from '../rules.js';
import type { Token } from '../segmenter.js';
import { nearestBefore } from './scan.js';

export interface VerbCue {
  verb: string;
  start: number;
}

export function verbOf(text: string, numberStart: number, clauseStart: number, tokens: readonly Token[]): VerbCue | null {
  const { quantity, modal } = rules().verbs;
  const content = nearestBefore(text, numberStart, clauseStart, [quantity]);
  if (content) return { verb: content.word, start: content.start };
  // No lexicon verb: trust the tagger's nearest verb, then a modal (力争, 确保).
  for (let k = tokens.length - 1; k >= 0; k--) {
    const t = tokens[k]!;
    if (t.end <= numberStart && t.start >= clauseStart && t.tag === 'v' && t.word.length > 1) return { verb: t.word, start: t.start };
  }
  const m = nearestBefore(text, numberStart, clauseStart, [modal]);
  return m ? { verb: m.word, start: m.start } : null;
}
