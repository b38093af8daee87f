// Extractor: policy actions, a verb of doing (rules/verbs.yaml action_verbs)
// with the object it governs, up to the clause boundary. The lexicon leads;
// the tokenizer confirms the verb starts a word.
import { rules } from '../rules.js';
import type { Token } from '../segmenter.js';
import type { Span } from '../structure.js';

export interface RawAction {
  verb: string;
  verbStart: number;
  /** The object span in the text. */
  start: number;
  end: number;
}

const CLAUSE_END = /[，,；;。！？!?：:\n]/;
const MAX_OBJECT = 60;
/** A word before the verb that makes the verb part of a noun phrase or a modifier (…的建设, 已建成). */
const NOT_A_VERB_BEFORE = /[的之]$/;

function verbAt(text: string, pos: number, tokens: ReadonlyMap<number, Token>): { word: string; end: number } | null {
  if (!tokens.has(pos)) return null;
  const m = rules().verbs.actions.matchAt(text, pos);
  return m ? { word: m.word, end: pos + m.word.length } : null;
}

/**
 * 将2.8万亿元中央财政资金纳入直达机制, 将起征点提高到15万元: after 将/把 the
 * object comes first; the verb that follows (a verb of doing or one that sets
 * an amount) acts on it, and the action spans both.
 */
function disposal(text: string, at: Token, sentence: Span, starts: ReadonlyMap<number, Token>): RawAction | null {
  const { actions, quantity } = rules().verbs;
  // 将牵头实施, 将建立: 将 before a verb is the future tense, not a disposal.
  const next = starts.get(at.end);
  if (!next || next.tag.startsWith('v') || actions.has(next.word) || quantity.has(next.word)) return null;
  let end = at.end;
  while (end < sentence.end && !CLAUSE_END.test(text[end]!)) end++;
  for (let pos = at.end + 1; pos < end; pos++) {
    if (!starts.has(pos)) continue;
    const m = actions.matchAt(text, pos) ?? quantity.matchAt(text, pos);
    if (m) return { verb: m.word, verbStart: pos, start: at.end, end };
  }
  return null;
}

export function findActions(text: string, sentence: Span, tokens: readonly Token[]): RawAction[] {
  const starts = new Map(tokens.map((t) => [t.start, t]));
  const out: RawAction[] = [];
  let done = sentence.start;
  for (const token of tokens) {
    const pos = token.start;
    if (pos < done) continue;
    if (token.word === '将' || token.word === '把') {
      const d = disposal(text, token, sentence, starts);
      if (d) {
        out.push(d);
        done = d.end;
        continue;
      }
    }
    const v = verbAt(text, pos, starts);
    if (!v) continue;
    // 加快推进, 支持打造: an adverbial verb before another; the later one is the action.
    if (verbAt(text, v.end, starts)) continue;
    if (NOT_A_VERB_BEFORE.test(text.slice(pos - 1, pos)) || text[v.end] === '的') {
      done = v.end;
      continue;
    }
    let end = v.end;
    while (end < sentence.end && end - v.end < MAX_OBJECT && !CLAUSE_END.test(text[end]!)) {
      // 、 before another verb ends an object: 打造A、培育B are two actions.
      if (text[end] === '、' && verbAt(text, end + 1, starts)) break;
      end++;
    }
    let start = v.end;
    if (end === start) {
      // 14个项目开工建设: the object stands before the verb.
      start = pos;
      while (start > sentence.start && pos - start < MAX_OBJECT && !CLAUSE_END.test(text[start - 1]!)) start--;
      end = pos;
      // 新启动…重点实验室建设: a verb closing another action's object is part of it.
      const previous = out.at(-1);
      if (previous && previous.end > start) {
        done = v.end;
        continue;
      }
    }
    if (end > start) out.push({ verb: v.word, verbStart: pos, start, end });
    done = v.end;
  }
  return out;
}
