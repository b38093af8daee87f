// Extractor: finds every numeral with its unit, magnitude and qualifiers in
// one left-to-right pass. Context (verb, change, role, year, metric) is added
// later by src/context; sharing a unit across a list is a refiner's job.
//
// The scan is a hand-written state machine over characters and longest-match
// lexicon lookups: no regular expression here can backtrack.
import { parseNumeral } from '../numeral.js';
import { CharSet } from '../charset.js';
import { rules, type UnitInfo } from '../rules.js';
import type { Comparator } from '../schema.js';

export interface RawQuantity {
  start: number;
  end: number;
  value: number;
  low: number | null;
  high: number | null;
  /** Canonical unit, '' when none was written. */
  unit: string;
  unitText: string;
  unitKind: UnitInfo['kind'] | null;
  comparator: Comparator;
  /** Where the comparator came from; `after` qualifiers are shared along a list. */
  comparatorSource: 'before' | 'between' | 'after' | null;
  /** A governing verb written before the number (超过, 突破), outside `text`. */
  leadVerb: string | null;
  /** Start of the numeral itself, after any sign, prefix or qualifier. */
  numeralStart: number;
  /** The magnitude written after the digits (万, 亿 …), so a list can share it. */
  magnitude: { text: string; factor: number } | null;
  /** True when the numeral carries a magnitude (万, 亿, 千 …). */
  hasMagnitude: boolean;
}

/** Lets the scanner ask the tokenizer whether a Chinese numeral starts a word. */
export type BoundaryCheck = (pos: number) => boolean;

const ASCII_DIGIT = /[0-9]/;
const ASCII_LETTER = /[A-Za-z]/;
/** Opening quote → closing quote, by character code (the scans over every character read charCodeAt, which allocates nothing). */
const QUOTE_PAIRS = ['“”', '《》', '「」', '『』', '〔〕', '[]', '【】'];
const OPENERS = new CharSet(QUOTE_PAIRS.map((p) => p[0]!));
const OPEN_QUOTES = new Map(QUOTE_PAIRS.map((p) => [p.charCodeAt(0), p.charCodeAt(1)]));
/** Book titles and document numbers are marked whatever their length. */
const TITLE_CLOSERS = new Set(['》'.charCodeAt(0), '〕'.charCodeAt(0)]);
const NEWLINE = 10;
/** Quoted spans this short are names or slogans (“三个十大”), not prose. */
const MAX_NAME_QUOTE = 20;
/** Clause punctuation inside quotes marks quoted speech (“王栋：要新增3万张”), not a name. */
const SPEECH_PUNCT = /[，。：；！？,:;!?]/;

let numeralChars: CharSet | undefined;
/** True when text[i] can belong to a numeral: an ASCII digit or a Chinese numeral character. */
function isNumeralAt(text: string, i: number): boolean {
  numeralChars ??= new CharSet([...'0123456789', ...rules().numerals.chars]);
  return numeralChars.has(text.charCodeAt(i));
}

/** Marks every position inside a quoted name or slogan, book title or document number, in one pass. */
export function quotedMask(text: string): Uint8Array {
  // Spans are summed in a difference array and swept once: nested quotes cost no refills.
  const depth = new Int32Array(text.length + 1);
  const stack: { close: number; start: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    // Not stack[-1] when empty: a read past an array's bounds takes V8's slow path, here once per character.
    const top = stack.length > 0 ? stack[stack.length - 1] : undefined;
    if (top && ch === top.close) {
      stack.pop();
      const name = i - top.start <= MAX_NAME_QUOTE && !SPEECH_PUNCT.test(text.slice(top.start + 1, i));
      if (name || TITLE_CLOSERS.has(top.close)) {
        depth[top.start]!++;
        depth[i + 1]!--;
      }
      continue;
    }
    if (OPENERS.has(ch)) stack.push({ close: OPEN_QUOTES.get(ch)!, start: i });
    else if (ch === NEWLINE) stack.length = 0; // an unclosed quote never spans lines
  }
  const mask = new Uint8Array(text.length);
  for (let i = 0, d = 0; i < text.length; i++) {
    d += depth[i]!;
    mask[i] = d > 0 ? 1 : 0;
  }
  return mask;
}

/** End of a numeral run starting at `i`: digits, Chinese numerals, decimal points, thousands separators. */
function runEnd(text: string, i: number): number {
  const { decimalPoint } = rules().numerals;
  let j = i;
  while (j < text.length) {
    const ch = text[j]!;
    if (isNumeralAt(text, j)) j++;
    else if (ch === '.' && ASCII_DIGIT.test(text[j - 1] ?? '') && ASCII_DIGIT.test(text[j + 1] ?? '')) j++;
    else if (
      ch === ',' &&
      ASCII_DIGIT.test(text[j - 1] ?? '') &&
      /^[0-9]{3}(?![0-9])/.test(text.slice(j + 1, j + 5))
    )
      j++;
    else if (ch === decimalPoint && rules().numerals.digits.has(text[j - 1] ?? '') && rules().numerals.digits.has(text[j + 1] ?? '')) j++;
    else break;
  }
  return j;
}

interface UnitMatch {
  value: number;
  magnitude: { text: string; factor: number } | null;
  between: Comparator | null;
  unit: { word: string; info: UnitInfo } | null;
  /** Position after the numeral, qualifiers, magnitude and unit. */
  end: number;
  /** Where the numeral text ends (before 余/多 and the unit). */
  numeralEnd: number;
}

/** Reads what follows the digits: 余/多, a magnitude, then a unit (with a rate denominator). */
function readUnit(text: string, numStart: number, numEnd: number): UnitMatch | null {
  const r = rules();
  const value = parseNumeral(text.slice(numStart, numEnd));
  if (value === null) return null;
  let pos = numEnd;
  let between: Comparator | null = null;
  const b = r.qualifiersBetween.matchAt(text, pos);
  if (b) {
    between = b.value.comparator;
    pos += b.word.length;
  }
  let factor = 1;
  let magText = '';
  // 560余万平方米: a magnitude may follow 余/多.
  if (between) {
    for (let m = r.numerals.magnitudes.matchAt(text, pos); m; m = r.numerals.magnitudes.matchAt(text, pos)) {
      // 千瓦 after 余 is a unit, not a magnitude.
      if ((r.units.matchAt(text, pos)?.word.length ?? 0) > 1) break;
      factor *= m.value;
      magText += m.word;
      pos += m.word.length;
    }
  }
  let unit: UnitMatch['unit'] = null;
  const u = r.units.matchAt(text, pos);
  if (u) {
    unit = { word: u.word, info: u.value };
    pos += u.word.length;
    // 300吨/日, 元/人: keep the denominator.
    if (text[pos] === '/') {
      const d = r.rateDenominators.matchAt(text, pos + 1);
      if (d) {
        unit = { word: `${u.word}/${d.word}`, info: { ...u.value, unit: `${u.value.unit}/${d.word}` } };
        pos += 1 + d.word.length;
      }
    }
  }
  const trailing = trailingMagnitude(text.slice(numStart, numEnd));
  return {
    value: value * factor,
    magnitude: magText ? { text: magText, factor } : trailing,
    between,
    unit,
    end: pos,
    numeralEnd: numEnd,
  };
}

/** The magnitude characters at the end of a numeral (120、350万千瓦 shares 万). */
function trailingMagnitude(numeral: string): { text: string; factor: number } | null {
  const { bigUnits } = rules().numerals;
  let i = numeral.length;
  while (i > 0 && bigUnits.has(numeral[i - 1]!)) i--;
  if (i === numeral.length || i === 0 || !/[0-9]/.test(numeral[i - 1]!)) return null;
  const text = numeral.slice(i);
  let factor = 1;
  for (const ch of text) factor *= bigUnits.get(ch)!;
  return { text, factor };
}

/**
 * Splits a numeral run from its unit. The run is greedy, so 6700万千瓦 reads
 * 6700万千 first; when the last character starts a unit (千瓦, 千米, 百分点)
 * the shorter numeral wins.
 */
function splitRun(text: string, start: number, end: number): UnitMatch | null {
  const r = rules();
  if (end - start > 1) {
    const u = r.units.matchAt(text, end - 1);
    if (u && u.word.length > 1) {
      const shorter = readUnit(text, start, end - 1);
      if (shorter?.unit) return shorter;
    }
  }
  return readUnit(text, start, end);
}

export function scanQuantities(text: string, isWordStart: BoundaryCheck): RawQuantity[] {
  const r = rules();
  const quoted = quotedMask(text);
  const out: RawQuantity[] = [];
  let i = 0;
  while (i < text.length) {
    let numStart = i;
    let percentPrefix: string | null = null;
    const pp = r.numerals.percentPrefixes.matchAt(text, i);
    if (pp && isNumeralAt(text, i + pp.word.length)) {
      percentPrefix = pp.value;
      numStart = i + pp.word.length;
    } else if (!isNumeralAt(text, i)) {
      i++;
      continue;
    }
    const numEnd = runEnd(text, numStart);
    const next = numEnd > i ? numEnd : i + 1;
    const q = readQuantity(text, i, numStart, numEnd, percentPrefix, quoted, isWordStart);
    if (!q) {
      i = next;
      continue;
    }
    const range = readRange(text, q, quoted);
    if (range === 'not-a-quantity') {
      // 2018—2022年, 1-2月: a date range; skip both ends.
      i = runEnd(text, q.end + 1);
      continue;
    }
    out.push(range ?? q);
    i = Math.max((range ?? q).end, next);
  }
  return out;
}

/**
 * 3—5家, 三到五家, 3万—5万元: a numeral, a range separator, and a numeral
 * with a unit. Returns the merged range, null when `low` is not followed by a
 * range, or 'not-a-quantity' when the far end is a date (2018—2022年).
 */
function readRange(text: string, low: RawQuantity, quoted: Uint8Array): RawQuantity | null | 'not-a-quantity' {
  const sep = rules().rangeSeparators.matchAt(text, low.end);
  if (!sep) return null;
  const hiStart = low.end + sep.word.length;
  if (!isNumeralAt(text, hiStart)) return null;
  const high = readQuantity(text, hiStart, hiStart, runEnd(text, hiStart), null, quoted, () => true);
  if (!high) return low.unit === '' ? 'not-a-quantity' : null;
  if (!high.unit || (low.unit && low.unit !== high.unit)) return null;
  // The far end is read without the word-boundary check: 到五家 is not one word.
  // 3—5万元 reads as 3万 to 5万: the far end's magnitude applies to a bare near end.
  const lowValue = low.magnitude || !high.magnitude || low.unit ? low.value : low.value * high.magnitude.factor;
  return {
    ...high,
    start: low.start,
    value: lowValue,
    low: lowValue,
    high: high.value,
    numeralStart: low.numeralStart,
    leadVerb: low.leadVerb,
    comparator: high.comparatorSource ? high.comparator : low.comparator,
    comparatorSource: high.comparatorSource ?? low.comparatorSource,
  };
}

function isExcluded(text: string, start: number, numStart: number, numEnd: number, quoted: Uint8Array, isWordStart: BoundaryCheck): boolean {
  const r = rules();
  if (quoted[numStart]) return true;
  const before = text[start - 1];
  const after = text[numEnd];
  const chinese = !ASCII_DIGIT.test(text[numStart]!);
  // PM2.5, 5G, COVID-19: digits glued to Latin letters are identifiers.
  if (ASCII_LETTER.test(before ?? '') || ASCII_LETTER.test(after ?? '')) return true;
  if (ASCII_DIGIT.test(before ?? '')) return true;
  // 数万亿, 十几个, 几十家: vague.
  if (chinese && r.numerals.vague.has(before ?? '')) return true;
  if (r.numerals.chars.has(text[numEnd - 1]!) && r.numerals.vague.has(after ?? '')) return true;
  if (r.exclusions.ordinalPrefixes.matchBefore(text, start)) return true;
  // 三分之一: a fraction, not a count.
  if (text.startsWith('分之', numEnd) || text.slice(Math.max(0, start - 2), start) === '分之') return true;
  if (r.exclusions.names.matchAt(text, numStart)) return true;
  // （十）, (3): a list marker.
  if ((before === '（' || before === '(') && (after === '）' || after === ')')) return true;
  if (chinese) {
    // 一批, 十分; 上亿, 统一: the phrase may start one character before the numeral.
    if (r.exclusions.figurative.matchAt(text, numStart) || (r.exclusions.figurative.matchAt(text, numStart - 1)?.word.length ?? 0) > 1) return true;
    // 统一部署, 进一步: the numeral is inside a word.
    if (!isWordStart(start)) return true;
  }
  return false;
}

function readQuantity(
  text: string,
  start: number,
  numStart: number,
  numEnd: number,
  percentPrefix: string | null,
  quoted: Uint8Array,
  isWordStart: BoundaryCheck,
): RawQuantity | null {
  const r = rules();
  if (isExcluded(text, start, numStart, numEnd, quoted, isWordStart)) return null;
  const m = splitRun(text, numStart, numEnd);
  if (!m) return null;
  let end = m.end;
  let unit = m.unit;
  if (percentPrefix) {
    if (unit) return null; // 百分之十个 is not a percentage
    unit = { word: percentPrefix, info: { unit: percentPrefix, kind: 'percent' } };
  }
  if (!unit) {
    // 2022年, 3月, 二十大, 三级: dates, ranks and names; but 11.3年 (years of schooling) is a measure.
    const nu = r.notUnits.matchAt(text, m.numeralEnd);
    if (nu?.word === '年' && text.slice(numStart, m.numeralEnd).includes('.')) {
      unit = { word: '年', info: { unit: '年', kind: 'physical' } };
      end = m.numeralEnd + 1;
    } else if (nu) return null;
  } else if (unit.info.kind === 'measure') {
    // 一个月, 三个方面 … 一个 before a time word is a duration; 一个/一项 alone is an article.
    if (r.notUnits.matchAt(text, end)) return null;
    if (text.slice(numStart, m.numeralEnd) === '一' && r.exclusions.genericOneUnits.has(unit.word)) return null;
    if (!ASCII_DIGIT.test(text[numStart]!) && r.exclusions.chineseOrdinalUnits.has(unit.word)) return null;
  }
  // A sign: 负2%, -2%.
  let value = m.value;
  let spanStart = percentPrefix ? start : numStart;
  const sign = text[spanStart - 1];
  if ((sign === '负' || (sign === '-' && !ASCII_DIGIT.test(text[spanStart - 2] ?? ''))) && unit) {
    value = -value;
    spanStart--;
  }
  // Qualifiers before: 约3000万人 keeps 约 in the text; 超过 is a verb and stays out.
  let comparator: Comparator = 'eq';
  let comparatorSource: RawQuantity['comparatorSource'] = null;
  let leadVerb: string | null = null;
  const pre = r.qualifiersBefore.matchBefore(text, spanStart);
  if (pre) {
    comparator = pre.value.comparator;
    comparatorSource = 'before';
    if (pre.value.in_text) spanStart -= pre.word.length;
    else leadVerb = pre.word;
  }
  if (m.between) {
    comparator = m.between;
    comparatorSource = 'between';
  }
  if (unit) {
    const post = r.qualifiersAfter.matchAt(text, end);
    if (post) {
      comparator = post.value.comparator;
      comparatorSource = 'after';
      end += post.word.length;
    }
  }
  const numeral = text.slice(numStart, m.numeralEnd);
  return {
    start: spanStart,
    end,
    value,
    low: null,
    high: null,
    unit: unit?.info.unit ?? '',
    unitText: (m.magnitude?.text ?? '') + (unit?.word ?? ''),
    unitKind: unit?.info.kind ?? null,
    comparator,
    comparatorSource,
    leadVerb,
    numeralStart: numStart,
    magnitude: m.magnitude,
    hasMagnitude: m.magnitude !== null || /[万亿萬億]/.test(numeral),
  };
}
