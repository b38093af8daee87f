// Stage 2: paragraphs, sentences and clauses with offsets into the input.
import { CharSet } from './charset.js';
import { memoByText } from './memo.js';
export interface Span {
  start: number;
  end: number;
}
export interface Sentence extends Span {
  /** Index of the paragraph (line) that holds the sentence. */
  paragraph: number;
}
export interface Paragraph extends Span {
  /** A short line that numbers a section (一、…, （二）…, 三是…): a heading. */
  heading: boolean;
}

const SENTENCE_END = new CharSet('。！？!?');
const CLOSERS = new CharSet('”’」』）)');
/** Clause punctuation: a clause is the unit for change, verb and metric cues. */
export const CLAUSE_END = new Set(['，', ',', '；', ';', '：', ':', '。', '！', '？', '!', '?', '\n']);
const CLAUSE_END_CODES = new CharSet(CLAUSE_END);

const HEADING = /^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十]+[章节部分])/;

export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start);
    const i = nl < 0 ? text.length : nl;
    const line = text.slice(start, i);
    if (line.trim()) out.push({ start, end: i, heading: line.length <= 60 && HEADING.test(line) && !/[。；]/.test(line.slice(0, -1)) });
    start = i + 1;
  }
  return out;
}

export function splitSentences(text: string, paragraphs: Paragraph[]): Sentence[] {
  const out: Sentence[] = [];
  paragraphs.forEach((p, index) => {
    let start = p.start;
    for (let i = p.start; i < p.end; i++) {
      if (!SENTENCE_END.has(text.charCodeAt(i))) continue;
      let end = i + 1;
      while (end < p.end && CLOSERS.has(text.charCodeAt(end))) end++;
      out.push({ start, end, paragraph: index });
      start = end;
      i = end - 1;
    }
    if (text.slice(start, p.end).trim()) out.push({ start, end: p.end, paragraph: index });
  });
  return out;
}

/** For every position, where its clause starts and ends: one pass each way, so a query is a lookup. */
const clauseBounds = memoByText((text) => {
  const starts = new Int32Array(text.length + 1);
  const ends = new Int32Array(text.length + 1);
  for (let i = 1; i <= text.length; i++) starts[i] = CLAUSE_END_CODES.has(text.charCodeAt(i - 1)) ? i : starts[i - 1]!;
  ends[text.length] = text.length;
  for (let i = text.length - 1; i >= 0; i--) ends[i] = CLAUSE_END_CODES.has(text.charCodeAt(i)) ? i : ends[i + 1]!;
  return { starts, ends };
});

/** Start of the clause holding `pos`, not before `floor`. */
export function clauseStart(text: string, pos: number, floor: number): number {
  return Math.max(floor, clauseBounds(text).starts[pos]!);
}

/** End of the clause holding `pos`, not after `ceil`. */
export function clauseEnd(text: string, pos: number, ceil: number): number {
  return Math.min(ceil, clauseBounds(text).ends[pos]!);
}
