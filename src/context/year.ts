// Context: the year a number refers to, when its own sentence says so.
import { rules } from '../rules.js';

const YEAR = /(?:19|20)[0-9]{2}(?=年)/g;

interface YearMention {
  year: number;
  start: number;
  end: number;
}

/** Every year written in text[from, to): explicit (2022年) or relative (今年). */
export function yearMentions(text: string, from: number, to: number, docYear: number | null): YearMention[] {
  const r = rules().year;
  const out: YearMention[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(YEAR)) {
    const start = from + m.index;
    const end = start + m[0].length + 1;
    // 2018—2022年 is a span, 2012年以来 a starting point, 较2019年 a base: none is the number's year.
    if (/[—\-~～至到]/.test(text[start - 1] ?? '') || /[—\-~～至到]/.test(text[end] ?? '')) continue;
    if (text.startsWith('以来', end)) continue;
    if (r.baseMarkers.matchBefore(text, start)) continue;
    out.push({ year: Number(m[0]), start, end });
  }
  if (docYear !== null) {
    for (let p = from; p < to; p++) {
      const rel = r.relative.matchAt(text, p);
      if (rel && !r.baseMarkers.matchBefore(text, p)) out.push({ year: docYear + rel.value, start: p, end: p + rel.word.length });
    }
  }
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
