// Context: is the number a target, an actual result, a threshold, or other?
import { lowerBound, memoByText } from '../memo.js';
import { rules } from '../rules.js';
import type { Role } from '../schema.js';
import { nearestBefore } from './scan.js';
import { basisEnd, yearMentions } from './year.js';

const CJK = /[\u4e00-\u9fff]/;
const LIST_OR_CLAUSE_END = /[、，,；;。]/;
/** 1-2月, 1至11月: a reporting period, so the number is a result. */
const MONTH_RANGE = /[0-9一二三四五六七八九十]{1,2}[-—~至到][0-9一二三四五六七八九十]{1,2}月/g;
const monthRanges = memoByText((text) => [...text.matchAll(MONTH_RANGE)].map((m) => ({ start: m.index, end: m.index + m[0].length })));

export interface RoleInput {
  text: string;
  start: number;
  end: number;
  unitKind: string | null;
  comparatorSource: string | null;
  comparator: string;
  /** True when the next quantity in the clause has its own verb between the two (130个…规模达到6.3万亿元). */
  scopesNext: boolean;
  /** True when a verb governs this number inside its clause. */
  hasVerb: boolean;
  sentenceStart: number;
  paragraphStart: number;
  docYear: number | null;
  /** Role set by the section heading or the paragraph's opening time frame. */
  carried: Role | null;
}

/** 500万元以上技改项目, 不到100万元的部分: an amount bounded by 以上/以下 that qualifies the noun after it. */
function isThreshold(q: RoleInput): boolean {
  if (q.comparatorSource === null || q.comparatorSource === 'between' || q.comparator === 'approx') return false;
  if (q.unitKind === 'measure') return false;
  const at = q.text[q.end] === '的' ? q.end + 1 : q.end;
  if (!CJK.test(q.text[at] ?? '')) return false;
  return rules().verbs.quantity.matchAt(q.text, at) === null;
}

interface RoleCue {
  role: Role;
  end: number;
}

/** The nearest cue in text[from, to): a cue word, a year, a plan period or a month range. */
function nearestCue(text: string, from: number, to: number, docYear: number | null, weak: boolean): RoleCue | null {
  const r = rules().role;
  const lexicons = [r.actual, r.target, r.planPeriods, ...(weak ? [r.actualWeak, r.targetWeak] : []), r.neutral];
  let cue = nearestBefore<unknown>(text, to, from, lexicons);
  // 增幅高于去年, 在去年…的基础上增长8%: skip comparison bases and bases passed, and look further back.
  const passedBasis = (c: { start: number; end: number }) => (basisEnd(text, c.start, c.end) ?? to + 1) <= to;
  while (cue && (lexicons[cue.source] === r.neutral || passedBasis(cue))) cue = nearestBefore<unknown>(text, cue.start, from, lexicons);
  let best: RoleCue | null = null;
  if (cue) {
    let role: Role = cue.source % 3 === 0 ? 'actual' : 'target';
    if (cue.source === 2) {
      const [, last] = cue.value as [number, number];
      role = docYear !== null && last < docYear ? 'actual' : 'target';
    }
    best = { role, end: cue.end };
  }
  const consider = (c: RoleCue) => {
    if (!best || c.end > best.end) best = c;
  };
  if (docYear !== null) {
    const years = yearMentions(text, from, to, docYear);
    const y = years[years.length - 1];
    // The document's own year says nothing about tense (今年以来…2022年春季…集中开工 is a result).
    if (y && y.year !== docYear) consider({ role: y.year < docYear ? 'actual' : 'target', end: y.end });
  }
  const months = monthRanges(text);
  for (let k = lowerBound(months, from, (m) => m.start); k < months.length && months[k]!.end <= to; k++) consider({ role: 'actual', end: months[k]!.end });
  return best;
}

export function roleOf(q: RoleInput): Role {
  if (isThreshold(q)) return 'threshold';
  if (rules().role.thirdPartyForecast.test(q.text.slice(q.sentenceStart, q.start))) return 'other';
  // 130个“雁阵形”产业集群规模达到6.3万亿元: the 130 only scopes the subject.
  if (q.unitKind === 'measure' && !q.hasVerb && q.scopesNext && !LIST_OR_CLAUSE_END.test(q.text[q.end] ?? '')) return 'other';
  const own = nearestCue(q.text, q.sentenceStart, q.start, q.docYear, q.carried === null);
  if (own) return own.role;
  if (q.carried !== null) return q.carried;
  // Where no heading or time frame speaks (a press conference): 2022年社会消费品零售总额约44万亿元…。
  // 全国网上零售额13.79万亿元 — a strong cue earlier in the paragraph holds for the sentences after it.
  const earlier = q.paragraphStart < q.sentenceStart ? nearestCue(q.text, q.paragraphStart, q.sentenceStart, q.docYear, false) : null;
  return earlier?.role ?? 'target';
}

/** A line with no punctuation, such as a speaker's name in a transcript, ends a section's time frame. */
const LABEL_LINE = /^[^，。,；;：:！？]{1,12}$/;

/**
 * The default role of every paragraph: a section heading with 回顾/安排 sets
 * it; a paragraph that opens with a time frame (过去五年, “十四五”时期, 今年)
 * sets it for the paragraphs after it, until the next heading.
 */
export function carriedRoles(
  text: string,
  paragraphs: readonly { start: number; end: number; heading: boolean }[],
  docYear: number | null,
): (Role | null)[] {
  const { headingActual, headingTarget, periodActual, periodTarget, planPeriods } = rules().role;
  let section: Role | null = null;
  let carried: Role | null = null;
  return paragraphs.map((p) => {
    const line = text.slice(p.start, p.end).trim();
    if (p.heading) {
      const a = headingActual.some((w) => line.includes(w));
      const t = headingTarget.some((w) => line.includes(w));
      if (a !== t) section = a ? 'actual' : 'target';
      else if (a && t) section = null;
      carried = section;
      return carried;
    }
    if (LABEL_LINE.test(line)) {
      carried = section;
      return null;
    }
    const opening = line.search(/[，,：:。；]/);
    // Inside a review or plan section the heading decides; time frames steer only unlabelled sections.
    if (opening > 0 && section === null) {
      const cue = nearestBefore<unknown>(text, p.start + opening, p.start, [periodActual, periodTarget, planPeriods]);
      if (cue?.source === 0) carried = 'actual';
      else if (cue?.source === 1) carried = 'target';
      else if (cue) carried = docYear !== null && (cue.value as [number, number])[1] < docYear ? 'actual' : 'target';
    }
    return carried;
  });
}
