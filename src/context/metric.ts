// Context: what the number measures, as written: the noun phrase the number
// belongs to, in either order (全社会研发经费投入增长10%; 新启动4家省实验室).
import { lowerBound } from '../memo.js';
import { rules } from '../rules.js';
import type { Token } from '../segmenter.js';

const STOP = /[\s，,。；;：:、！？（）()《》]/;
/** Time expressions are context, not part of what is measured. */
const TIME = /(?:(?:到|至|在)?(?:19|20)[0-9]{2}年(?:底|末|以来)?|[0-9一二三四五六七八九十]{1,2}[-—至到][0-9一二三四五六七八九十]{1,2}月|前三季度|上半年|全年|今年|去年|年初|年末|年底)/g;
const TRIM_LEADING = /^(?:[\s，,、“”]|的|和|及|其中|力争|确保|争取|累计|共|新|再|将|要|预计|使|让|对|把)+/;
const TRIM_TRAILING = /(?:[\s，,、]|的|达|为|占|分别|均|约|近|共|累计|同比|比上年|较上年|已|将|要|在|从|于|预计|全部|全面|稳定|再|继续)+$/;

/** A metric is a noun phrase: never look further than this from the number (keeps long clauses linear). */
const REACH = 60;

/** 按可比口径, 以人民币计, 在…的基础上: how a figure is counted or what it starts from, not what it measures. */
const BASIS = /按[^，,]{0,6}(?:口径|计算|计)|以[^，,]{1,6}计|在[^，,]{0,20}的基础上|^的基础上/g;

function tidy(s: string): string | null {
  const t = s.replace(TIME, '').replace(BASIS, '').replace(TRIM_LEADING, '').replace(TRIM_TRAILING, '');
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
  /** Counts with a measure word name their metric after them (4家省实验室); amounts before. */
  unitKind: string | null;
  threshold: boolean;
  tokens: readonly Token[];
}

/** Where the predicate starts in [from, to) (尽快, 入选, 全面): the noun phrase after a count stops there. */
function predicateStart(m: MetricInput, from: number, to: number): number {
  const { predicateStarts } = rules().metric;
  for (let k = lowerBound(m.tokens, from, (t) => t.start); k < m.tokens.length && m.tokens[k]!.start < to; k++)
    if (predicateStarts.matchAt(m.text, m.tokens[k]!.start)) return m.tokens[k]!.start;
  return to;
}

/** The noun phrase right after the number: 4家省实验室, 500万元以上技改项目. */
function after(m: MetricInput): string | null {
  let stop = Math.min(m.nextStart ?? m.clauseEnd, m.end + REACH);
  for (let i = m.end; i < stop; i++) if (STOP.test(m.text[i]!)) stop = i;
  stop = predicateStart(m, m.end + 1, stop);
  const phrase = m.text.slice(m.end, stop);
  // 支撑带动力强的集群领军企业: the head noun follows the last 的.
  return tidy(phrase.slice(phrase.lastIndexOf('的') + 1));
}

export function metricOf(m: MetricInput): string | null {
  const { text } = m;
  // 500万元以上技改项目: a threshold measures the noun it qualifies.
  if (m.threshold) return after(m);
  // verb + metric + number: 新增国家级省级领军人才1000名左右; but in 实施华宇电子三期等80个技改示范项目
  // the words before 等 are examples, and the metric follows the count.
  if (m.verbEnd !== null && m.verbStart !== null) {
    const raw = text.slice(Math.max(m.verbEnd, m.previousEnd ?? 0, m.start - REACH), m.start);
    const between = raw.endsWith('等') ? null : tidy(raw);
    // 城镇新增就业1.4万人: an indicator named around its verb.
    const from = Math.max(m.clauseStart, m.previousEnd ?? 0, m.verbStart - REACH);
    const subject = tidy(text.slice(from, m.verbStart));
    if (between && between.length <= 2 && subject) return tidy(text.slice(from, m.start));
    if (between) return between;
  }
  // verb + count + metric: 新启动4家省实验室、20家省重点实验室建设
  if (m.unitKind === 'measure') {
    const noun = after(m);
    if (noun) return noun;
  }
  // metric + verb + number: 全社会研发经费投入增长10%以上
  const to = m.verbStart ?? m.start;
  const raw = text.slice(Math.max(m.clauseStart, m.previousEnd ?? 0, to - REACH), to);
  // …等6个超50亿元项目: examples before the count; 严守18亿亩耕地红线: nothing before it.
  return (raw.endsWith('等') ? null : tidy(raw)) ?? after(m);
}

/**
 * 制造业投资、基础设施投资、民间投资分别增长29.8%、10.5%、12.1%: when a list
 * of numbers follows a list of as many metrics, each number takes its own.
 */
export function splitListMetrics(metrics: (string | null)[], listGroups: number[][]): (string | null)[] {
  const out = metrics.slice();
  for (const group of listGroups) {
    const first = metrics[group[0]!];
    if (!first) continue;
    const parts = first.split('、');
    // As many metrics as numbers: one each; otherwise the numbers share what is measured.
    if (parts.length === group.length) group.forEach((k, i) => (out[k] = parts[i]!.replace(/^(?:和|及)/, '')));
    else for (const k of group) out[k] ??= first;
  }
  return out;
}
