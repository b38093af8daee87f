// Context: the verb that governs the number. The lexicon (rules/verbs.yaml)
// leads, written compounds first (新引进, 开工建设); the tokenizer confirms
// that a lexicon verb is a word of its own (总投资 is a noun, not 投资) and
// stands in where the lexicon has nothing.
import { lowerBound } from '../memo.js';
import { rules } from '../rules.js';
import type { Token } from '../segmenter.js';
import { nearestBefore } from './scan.js';

export interface VerbCue {
  verb: string;
  start: number;
}

/** True when [start, end) lies inside a longer noun (总投资, 创新平台): a verb there is part of a name. */
function insideNoun(tokens: readonly Token[], start: number, end: number): boolean {
  return tokens.some((t) => t.start <= start && end <= t.end && t.end - t.start > end - start && t.tag.startsWith('n'));
}

/**
 * A 的 right after the verb, with a noun after it, makes the verb part of a
 * modifier (提前下达的专项债券1410亿元); 培育…领先的千亿级企业1家 and
 * 占全省的17.6% are still governed by their verb.
 */
function modifies(text: string, from: number, to: number): boolean {
  const de = text.slice(from, Math.min(to, from + 3)).indexOf('的');
  return de >= 0 && from + de < to - 1;
}

/** 提高到65%: a particle right between the verb and the number joins the verb. */
function withParticle(text: string, verb: string, start: number, numberStart: number): VerbCue {
  const end = start + verb.length;
  const p = text[end];
  return end + 1 === numberStart && p !== undefined && rules().verbs.particles.has(p) ? { verb: verb + p, start } : { verb, start };
}

/** 引进扶持, 滚动培育: verbs and verb adverbs written right before the verb join it. */
function compound(text: string, word: string, start: number, from: number): VerbCue {
  const { quantity, prefixes } = rules().verbs;
  for (;;) {
    const left = quantity.matchBefore(text, start) ?? prefixes.matchBefore(text, start);
    if (!left || start - left.word.length < from) return { verb: word, start };
    start -= left.word.length;
    word = left.word + word;
  }
}

/** The lexicon verb nearest before `to` in [from, to) that is a word of its own and not inside a modifier. */
function lexiconVerbBefore(text: string, to: number, from: number, numberStart: number, tokens: readonly Token[]): VerbCue | null {
  const { quantity } = rules().verbs;
  for (let pos = to; pos > from; ) {
    const cue = nearestBefore(text, pos, from, [quantity]);
    if (!cue) return null;
    // 551万农村贫困人口全部脱贫、52个贫困县: a verb closing the previous item governs nothing after it.
    const closes = /[、，,；;]/.test(text[cue.end] ?? '');
    if (!closes && !insideNoun(tokens, cue.start, cue.end) && !modifies(text, cue.end, numberStart)) return compound(text, cue.word, cue.start, from);
    pos = cue.end - 1;
  }
  return null;
}

/**
 * The content verb before the number in [from, numberStart), confirmed by the
 * tokens; else (with `tagger`) the tagger's verb right before the number.
 * 实施技术改造示范项目100个: a verb inside the object (改造) yields to the verb
 * governing the whole object.
 */
export function verbBefore(text: string, numberStart: number, from: number, tokens: readonly Token[], tagger = true): VerbCue | null {
  const { modal } = rules().verbs;
  const near = lexiconVerbBefore(text, numberStart, from, numberStart, tokens);
  if (near) {
    const between = text.slice(near.start + near.verb.length, numberStart);
    const inObject = between.length > 0 && !(between.length === 1 && rules().verbs.particles.has(between));
    let outer = inObject ? lexiconVerbBefore(text, near.start, from, numberStart, tokens) : null;
    // 完成农村户厕改造41万户, 组织职业技能培训50万人次: a light verb governs the deed named as its object.
    if (!outer) {
      const light = lexiconVerbBefore(text, near.start, from, numberStart, tokens);
      if (light && rules().verbs.light.has(light.verb) && light.start + light.verb.length < near.start) outer = light;
    }
    // 新建和改造高标准农田: two verbs joined by 和 govern the object together, as written.
    const joined = outer && text.slice(outer.start + outer.verb.length, near.start) === '和';
    const v = joined && outer ? { verb: text.slice(outer.start, near.start + near.verb.length), start: outer.start } : (outer ?? near);
    return withParticle(text, v.verb, v.start, numberStart);
  }
  if (!tagger) return null;
  // The tagger alone is trusted only for a verb right before the number (提水1.5亿方), not one inside a noun phrase (增雨作业76次).
  const k = lowerBound(tokens, numberStart + 1, (t) => t.end) - 1;
  const last = k >= 0 && tokens[k]!.start >= from ? tokens[k] : undefined;
  if (last && last.end === numberStart && last.tag === 'v' && last.word.length > 1 && !modal.has(last.word)) return { verb: last.word, start: last.start };
  return null;
}

const AFTER_REACH = 40;

/** 20项…任务全面完成, 5个村入选: a lexicon verb after the number. */
export function verbAfter(text: string, numberEnd: number, clauseEnd: number, tokens: readonly Token[]): VerbCue | null {
  const { quantity } = rules().verbs;
  // A verb closing the clause stands within a short phrase of the number; look no further (long clauses stay linear).
  for (let pos = numberEnd; pos < Math.min(clauseEnd, numberEnd + AFTER_REACH); pos++) {
    if (text[pos] === '的') return null;
    const m = quantity.matchAt(text, pos);
    if (m && pos + m.word.length <= clauseEnd && !insideNoun(tokens, pos, pos + m.word.length)) return { verb: m.word, start: pos };
  }
  return null;
}

/** 力争, 确保: the modal before the number, when no content verb governs it; a whole word (not 要 in 主要). */
export function modalBefore(text: string, numberStart: number, from: number, tokens: readonly Token[]): VerbCue | null {
  const { modal } = rules().verbs;
  for (let pos = numberStart; pos > from; ) {
    const m = nearestBefore(text, pos, from, [modal]);
    if (!m) return null;
    if (tokens.some((t) => t.start === m.start && t.end === m.end)) return { verb: m.word, start: m.start };
    pos = m.end - 1;
  }
  return null;
}
