// Context: what the number measures, as written (a first approximation; the
// actions issue deepens it).
import { rules } from '../rules.js';
import { yearMentions } from './year.js';

const PUNCT_OR_SPACE = /[\s，,。；;：:、！？“”‘’（）()《》]/;
const TRIM_LEADING = /^(?:[\s，,、]|的|和|及|其中|力争|确保|争取|全年|累计|共|新|再)+/;
const TRIM_TRAILING = /(?:[\s，,、]|的|达|为|占|分别|均|约|近|共|累计|同比|比上年|较上年|已|将|要)+$/;

function tidy(s: string): string | null {
  const t = s.replace(TRIM_LEADING, '').replace(TRIM_TRAILING, '');
  return t.length >= 2 && t.length <= 40 ? t : null;
}

export interface MetricInput {
  text: string;
  start: number;
  end: number;
  clauseStart: number;
  clauseEnd: number;
  verbStart: number | null;
  verbEnd: number | null;
  /** End of the last other quantity before this one in the clause, if any. */
  previousEnd: number | null;
  /** Start of the next quantity after this one in the clause, if any. */
  nextStart: number | null;
  docYear: number | null;
}

/** Text after the last year mention (2022年, 今年) in [from, to). */
function afterYears(m: MetricInput, from: number, to: number): number {
  const years = yearMentions(m.text, from, to, m.docYear);
  return years.length ? Math.max(from, years[years.length - 1]!.end) : from;
}

export function metricOf(m: MetricInput): string | null {
  const { text } = m;
  // verb + metric + number: 新增国家级省级领军人才1000名左右
  if (m.verbEnd !== null) {
    const from = Math.max(m.verbEnd, m.previousEnd ?? 0);
    const between = tidy(text.slice(from, m.start));
    if (between && !rules().verbs.quantity.matchAt(text, from + 0)) return between;
  }
  // verb + number + metric: 新启动4家省实验室
  let stop = m.nextStart ?? m.clauseEnd;
  for (let i = m.end; i < stop; i++) if (PUNCT_OR_SPACE.test(text[i]!)) stop = i;
  const after = tidy(text.slice(m.end, stop));
  if (after && !rules().verbs.quantity.matchAt(text, m.end)) return after;
  // metric + verb + number: 全社会研发经费投入增长10%以上
  const to = m.verbStart ?? m.start;
  const from = afterYears(m, Math.max(m.clauseStart, m.previousEnd ?? 0), to);
  return tidy(text.slice(from, to));
}
