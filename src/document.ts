// Document metadata read off the head of the text: title, date, region.
import { rules } from './rules.js';
import type { DocumentInfo } from './schema.js';

const HEAD = 600;
const PUBLISHED = /(?:发布日期|发布时间|日期|时间)[:：]\s*([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})/;
const FULL_DATE = /([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日/;
/** A work report reviews the year before the one it is delivered in. */
const REVIEW_YEAR = /([0-9]{4})年(?:工作回顾|政府工作回顾)/;

const DOC_NUMBER = /〔([0-9]{4})〕/;
/** A date standing alone on a line: the dateline under a notice's signature (宜昌市人民政府\n2024年3月15日). */
const DATELINE = /^\s*([0-9]{4}|[〇零一二三四五六七八九]{4})年([0-9]{1,2}|[一二三四五六七八九十]{1,3})月([0-9]{1,2}|[一二三四五六七八九十]{1,3})日\s*$/m;
const CN_DIGITS = '〇一二三四五六七八九';

/** 2024, 二〇二四 (digit by digit), 十二, 二十五 (tens and units). */
function dateNumber(s: string): string {
  if (/^[0-9]+$/.test(s)) return s;
  if (s.length === 4) return [...s].map((c) => (c === '零' ? 0 : CN_DIGITS.indexOf(c))).join('');
  const [tens, units] = s.includes('十') ? s.split('十') : ['', s];
  return String((s.includes('十') ? (tens ? CN_DIGITS.indexOf(tens) : 1) * 10 : 0) + (units ? CN_DIGITS.indexOf(units) : 0));
}
const pad = (n: string) => n.padStart(2, '0');

/** The first few non-empty lines: where a headline, byline or dateline stands. */
function headLines(text: string, n: number): string {
  return text.split('\n').filter((l) => l.trim()).slice(0, n).join('\n');
}

export function readDate(text: string): string | null {
  const p = PUBLISHED.exec(text.slice(0, HEAD)) ?? FULL_DATE.exec(headLines(text, 3)) ?? DATELINE.exec(text.slice(0, 2 * HEAD));
  if (p) return `${dateNumber(p[1]!)}-${pad(dateNumber(p[2]!))}-${pad(dateNumber(p[3]!))}`;
  const review = REVIEW_YEAR.exec(text.slice(0, 4 * HEAD));
  if (review) return String(Number(review[1]) + 1);
  // 宜府发〔2024〕5号: the year the document was issued.
  return DOC_NUMBER.exec(text.slice(0, HEAD))?.[1] ?? null;
}

export function readTitle(text: string): string | null {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t) {
      if (lines.length) break;
      continue;
    }
    // A document number (国发〔2018〕42号) or a salutation (各省、自治区…：) ends the headline.
    if (lines.length && (DOC_NUMBER.test(t) || /[：:]$/.test(t))) break;
    lines.push(t);
    if (lines.length === 3) break;
  }
  const title = lines.join('').replace(/[,，]$/, '');
  return title ? (title.length > 120 ? lines[0]! : title) : null;
}

const SOURCE = /(?:信息来源|来源)[:：]\s*([^\s]+)/;
/** A city government named in the head (池州市人民政府市长): the document is municipal. */
const CITY = /^\s*([\u4e00-\u9fff]{2,6}?市)(?:人民政府|委员会|政府)/m;

/** The first entry of `lexicon` written in `t`. */
function firstIn(lexicon: { matchAt(t: string, i: number): { word: string } | null }, t: string): string | null {
  for (let i = 0; i < t.length; i++) {
    const m = lexicon.matchAt(t, i);
    if (m) return m.word;
  }
  return null;
}

/** The region the document is clearly about: a province in the title, else a city in the title, else a city government in the head. */
export function readRegion(text: string, title: string | null): string | null {
  const { provinces, cities } = rules().regions;
  const t = title ?? '';
  // 政府工作报告 / ——在四川省第十四届人民代表大会…上 / 四川省省长: the lines under a bare title say where.
  const head = headLines(text, 5);
  return firstIn(provinces, t) ?? firstIn(cities, t) ?? CITY.exec(text.slice(0, 300))?.[1] ?? firstIn(provinces, head) ?? firstIn(cities, head);
}

export function readDocument(text: string, id: string): DocumentInfo {
  const title = readTitle(text);
  const source = SOURCE.exec(text.slice(0, HEAD))?.[1] ?? null;
  return { id, title, date: readDate(text), region: readRegion(text, title), source, chars: text.length };
}

export function yearOfDate(date: string | null): number | null {
  return date ? Number(date.slice(0, 4)) : null;
}
