// Context: the year a number refers to, when its own sentence says so.
import { lowerBound, memoByText } from '../memo.js';
import { rules } from '../rules.js';

const YEAR = /(?:19|20)[0-9]{2}(?=年)/g;

interface YearMention {
  year: number;
  start: number;
  end: number;
  /** 在去年2.43万亿元的基础上: where the basis phrase the year opens ends; numbers after it are not of that year. */
  basisEnd?: number;
}

/** 恢复到2019年的90%: a year whose level is the reference, not the number's year. */
function isReference(text: string, start: number, end: number): boolean {
  return /[到至]/.test(text[start - 1] ?? '') && text[end] === '的';
}

const ON_BASIS = /^[^，,。；;]{0,16}?的基础上/;
/** 在去年2.43万亿元的基础上增长8%: the end of the basis phrase a year opens, if it opens one. */
export function basisEnd(text: string, start: number, end: number): number | undefined {
  if (text[start - 1] !== '在') return undefined;
  const m = ON_BASIS.exec(text.slice(end, end + 24));
  return m ? end + m[0].length : undefined;
}

/** Every year mention in a text, found once: explicit years, and relative ones with their offset. */
const allMentions = memoByText((text) => {
  const r = rules().year;
  const explicit: YearMention[] = [];
  for (const m of text.matchAll(YEAR)) {
    const start = m.index;
    const end = start + m[0].length + 1;
    // 2018—2022年 and 2018年到2022年 are spans, 2012年以来 a starting point, 较2019年 a base: none is the
    // number's year. 到2026年 and 截至2022年底 alone are horizons: the year of what follows.
    const spanBefore = /[—\-~～]/.test(text[start - 1] ?? '') || (/[至到]/.test(text[start - 1] ?? '') && /[0-9年]/.test(text[start - 2] ?? ''));
    if (spanBefore || /[—\-~～至到]/.test(text[end] ?? '')) continue;
    if (text.startsWith('以来', end)) continue;
    if (r.baseMarkers.matchBefore(text, start) || isReference(text, start, end)) continue;
    explicit.push({ year: Number(m[0]), start, end, basisEnd: basisEnd(text, start, end) });
  }
  // Relative years keep their offset (今年 0, 去年 −1) until a document year resolves them.
  const relative: YearMention[] = [];
  for (let p = 0; p < text.length; p++) {
    const rel = r.relative.matchAt(text, p);
    if (!rel || r.baseMarkers.matchBefore(text, p) || text.startsWith('以来', p + rel.word.length) || isReference(text, p, p + rel.word.length)) continue;
    relative.push({ year: rel.value, start: p, end: p + rel.word.length, basisEnd: basisEnd(text, p, p + rel.word.length) });
  }
  return { explicit, relative };
});

/** The mentions in [from, to) that can be the year of a number at `to` (not a basis it has passed). */
function within(list: readonly YearMention[], from: number, to: number): YearMention[] {
  const out: YearMention[] = [];
  for (let k = lowerBound(list, from, (m) => m.start); k < list.length && list[k]!.start < to; k++) {
    const m = list[k]!;
    if (m.basisEnd === undefined || m.basisEnd > to) out.push(m);
  }
  return out;
}

/** Every year written in text[from, to): explicit (2022年) or relative (今年). */
export function yearMentions(text: string, from: number, to: number, docYear: number | null): YearMention[] {
  const { explicit, relative } = allMentions(text);
  const out = within(explicit, from, to);
  if (docYear !== null) for (const m of within(relative, from, to)) out.push({ ...m, year: docYear + m.year });
  return out.sort((a, b) => a.start - b.start);
}

/** 到2020年， opening a paragraph: the horizon of every goal listed in it. */
const HORIZON = /^\s*(?:到|至)((?:19|20)[0-9]{2})年(?:底|末)?[，,]/;

/**
 * The last year written before the number in its sentence; else the horizon
 * the paragraph opens with (到2020年，…。…。 frames every goal after it).
 */
export function yearOf(
  text: string,
  sentenceStart: number,
  numberStart: number,
  docYear: number | null,
  paragraph: { start: number; end: number },
): number | null {
  const mentions = yearMentions(text, sentenceStart, numberStart, docYear);
  if (mentions.length) return mentions[mentions.length - 1]!.year;
  const horizon = HORIZON.exec(text.slice(paragraph.start, Math.min(paragraph.end, paragraph.start + 12)));
  return horizon ? Number(horizon[1]) : null;
}
