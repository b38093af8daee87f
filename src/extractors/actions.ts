// Extractor: policy actions, a verb of doing (rules/verbs.yaml action_verbs)
// with the object it governs, up to the clause boundary. The lexicon leads;
// the tokenizer confirms the verb starts a word.
import { CharSet } from '../charset.js';
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

const CLAUSE_END = new CharSet('，,；;。！？!?：:\n');
const MAX_OBJECT = 60;
/** A word before the verb that makes the verb part of a noun phrase or a modifier (…的建设, 已建成). */
const NOT_A_VERB_BEFORE = /[的之]$/;

/** The lexicon verb at a word start, with a 新/净 prefix joined (新认定, 新签约). */
function singleVerbAt(text: string, pos: number, tokens: ReadonlyMap<number, Token>): { word: string; end: number } | null {
  const { actions, prefixes } = rules().verbs;
  const m = actions.matchAt(text, pos);
  if (m && tokens.has(pos)) return { word: m.word, end: pos + m.word.length };
  const p = tokens.has(pos) ? prefixes.matchAt(text, pos) : null;
  const after = p ? actions.matchAt(text, pos + p.word.length) : null;
  return p && after ? { word: p.word + after.word, end: pos + p.word.length + after.word.length } : null;
}

/**
 * The verb of doing at `pos`: verbs written together are one compound
 * (培养引进, 竣工投产), except that an adverbial one yields to the next
 * (加快推进 → 推进, null here) and a pivot takes the next as its object.
 */
function verbAt(text: string, pos: number, tokens: ReadonlyMap<number, Token>): { word: string; end: number } | null {
  const { adverbials, pivots } = rules().verbs;
  const v = singleVerbAt(text, pos, tokens);
  if (!v || pivots.has(v.word)) return v;
  let end = v.end;
  for (let next = singleVerbAt(text, end, tokens); next; next = singleVerbAt(text, end, tokens)) {
    if (adverbials.has(text.slice(pos, end)) || adverbials.has(v.word)) return null;
    if (pivots.has(next.word) || adverbials.has(next.word)) break;
    end = next.end;
  }
  return { word: text.slice(pos, end), end };
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
  while (end < sentence.end && !CLAUSE_END.has(text.charCodeAt(end))) end++;
  for (let pos = at.end + 1; pos < end; pos++) {
    if (!starts.has(pos)) continue;
    const m = actions.matchAt(text, pos) ?? quantity.matchAt(text, pos);
    if (m) return { verb: m.word, verbStart: pos, start: at.end, end };
  }
  return null;
}

export function findActions(text: string, sentence: Span, tokens: readonly Token[]): RawAction[] {
  const starts = new Map<number, Token>();
  for (const t of tokens) starts.set(t.start, t);
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
    if (NOT_A_VERB_BEFORE.test(text.slice(pos - 1, pos)) || text[v.end] === '的') {
      done = v.end;
      continue;
    }
    let end = v.end;
    while (end < sentence.end && end - v.end < MAX_OBJECT && !CLAUSE_END.has(text.charCodeAt(end))) {
      // 、 before another verb ends an object: 打造A、培育B are two actions.
      if (text[end] === '、' && verbAt(text, end + 1, starts)) break;
      end++;
    }
    let start = v.end;
    if (end === start) {
      // 14个项目开工建设: the object stands before the verb.
      start = pos;
      while (start > sentence.start && pos - start < MAX_OBJECT && !CLAUSE_END.has(text.charCodeAt(start - 1))) start--;
      end = pos;
      // 新启动…重点实验室建设: a verb closing another action's object is part of it.
      const previous = out.at(-1);
      if (previous && previous.end > start) {
        done = v.end;
        continue;
      }
    }
    if (end > start) out.push({ verb: v.word, verbStart: pos, start, end });
    // 带动新增产值…: the verb a pivot governs is inside its object, not an action of its own.
    done = rules().verbs.pivots.has(v.word) ? (singleVerbAt(text, v.end, starts)?.end ?? v.end) : v.end;
  }
  return out;
}
