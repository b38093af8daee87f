// Turns a numeral as written into a number: Arabic (1,055 / 1.5), Chinese
// (一千二百万, 两万, 十一, 二〇二二, 十二点五), financial (壹佰贰拾) and mixed
// forms (3万, 1.2万亿, 2万5千). Returns null for strings that are not one
// well-formed numeral (十四五 is a name, not 145).
import { rules } from './rules.js';

type Token =
  | { kind: 'digit'; value: number; arabic: boolean }
  | { kind: 'small'; value: number }
  | { kind: 'big'; value: number }
  | { kind: 'point' };

const ARABIC = /^[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?/;

function tokenize(s: string): Token[] | null {
  const { digits, smallUnits, bigUnits, decimalPoint } = rules().numerals;
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch >= '0' && ch <= '9') {
      const m = ARABIC.exec(s.slice(i, i + 64));
      if (!m) return null;
      out.push({ kind: 'digit', value: Number(m[0].replaceAll(',', '')), arabic: true });
      i += m[0].length;
      continue;
    }
    if (digits.has(ch)) out.push({ kind: 'digit', value: digits.get(ch)!, arabic: false });
    else if (smallUnits.has(ch)) out.push({ kind: 'small', value: smallUnits.get(ch)! });
    else if (bigUnits.has(ch)) out.push({ kind: 'big', value: bigUnits.get(ch)! });
    else if (ch === decimalPoint) out.push({ kind: 'point' });
    else return null;
    i++;
  }
  return out.length ? out : null;
}

/** Rounds away binary noise such as 1.2 * 1e12 = 1200000000000.0002. */
function clean(n: number): number {
  return Number(n.toPrecision(12));
}

export function parseNumeral(s: string): number | null {
  const tokens = tokenize(s);
  if (!tokens) return null;
  let total = 0; // everything closed by 亿
  let wan = 0; // everything closed by 万 since the last 亿
  let section = 0; // below 万: built from 千/百/十
  let cur: number | null = null; // pending digits
  let fraction = 0; // >0 while reading digits after 点: the current place value
  let sawUnit = false;
  let lastSmall = Infinity; // small units must descend within a section (千 > 百 > 十)
  let prev: Token | undefined;
  for (const t of tokens) {
    switch (t.kind) {
      case 'digit':
        if (fraction > 0) {
          if (t.arabic) return null;
          cur = (cur ?? 0) + t.value * fraction;
          fraction /= 10;
        } else if (prev?.kind === 'digit') {
          // 二〇二二 reads digit by digit; after a unit only 零 may precede a digit (一百零五).
          if (t.arabic || prev.arabic) return null;
          if (sawUnit && prev.value !== 0) return null;
          cur = (cur ?? 0) * 10 + t.value;
        } else {
          cur = t.value;
        }
        break;
      case 'point':
        if (prev?.kind !== 'digit' || fraction > 0) return null;
        fraction = 0.1;
        break;
      case 'small':
        if (t.value >= lastSmall || prev?.kind === 'small') return null;
        lastSmall = t.value;
        section += (cur ?? 1) * t.value;
        cur = null;
        fraction = 0;
        sawUnit = true;
        break;
      case 'big':
        // A leading magnitude counts one of itself: 亿元以上项目, 万名.
        if (prev?.kind === 'point') return null;
        if (t.value === 1e4) {
          if (prev === undefined) cur = 1;
          else if (prev.kind === 'big') return null;
          wan = (section + (cur ?? 0)) * 1e4;
        } else {
          // 亿 closes everything before it, including a 万 (万亿 = 1e12).
          if (prev === undefined) cur = 1;
          total = (total + wan + section + (cur ?? 0)) * t.value;
          wan = 0;
        }
        section = 0;
        cur = null;
        fraction = 0;
        lastSmall = Infinity;
        sawUnit = true;
        break;
    }
    prev = t;
  }
  if (prev?.kind === 'point') return null;
  return clean(total + wan + section + (cur ?? 0));
}

/** True when a numeral string uses at least one Chinese character. */
export function isChineseNumeral(s: string): boolean {
  return /[^0-9.,]/.test(s);
}
