// What changed since a previous `--format json` report: metric deltas, and
// the records that were wrong before and are right now (fixed) or the reverse
// (broken). A record is identified by document, kind, problem, text, detail
// and sentence, so it survives unrelated changes elsewhere in the document.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { KINDS, type Kind } from './compare.js';
import { alignColumns, ratio, REPORT_FORMAT, type EvalSummary } from './run.js';

const Ref = z.object({ text: z.string(), detail: z.string(), sentence: z.string() });
const Lists = z.object({ missed: z.array(Ref), spurious: z.array(Ref), wrong: z.array(Ref.extend({ field: z.string() })) });

/** The part of a JSON report that a baseline needs. */
const BaselineSchema = z.object({
  format: z.literal(REPORT_FORMAT),
  metrics: z.record(z.string(), z.number()),
  documents: z.array(
    z.object({ doc: z.string(), targets: Lists, speakers: Lists, turns: Lists, bodies: Lists, responsibilities: Lists, actions: Lists }),
  ),
});
export type Baseline = z.infer<typeof BaselineSchema>;

export function readBaseline(path: string): Baseline {
  const parsed = BaselineSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: not a report written by \`zhextract eval --format json\` (${REPORT_FORMAT})`);
  return parsed.data;
}

export interface Issue {
  doc: string;
  kind: Kind;
  /** `missed`, `spurious` or `wrong <field>`. */
  problem: string;
  text: string;
  detail: string;
  sentence: string;
}

export interface MetricChange {
  metric: string;
  before: number | null;
  now: number | null;
}

export interface BaselineDiff {
  metrics: MetricChange[];
  fixed: Issue[];
  broken: Issue[];
}

function issues(documents: Baseline['documents']): Issue[] {
  return documents.flatMap((d) =>
    KINDS.flatMap((kind) => {
      const r = d[kind];
      const issue = (problem: string, x: z.infer<typeof Ref>): Issue => ({ doc: d.doc, kind, problem, text: x.text, detail: x.detail, sentence: x.sentence });
      return [
        ...r.missed.map((m) => issue('missed', m)),
        ...r.spurious.map((m) => issue('spurious', m)),
        ...r.wrong.map((w) => issue(`wrong ${w.field}`, w)),
      ];
    }),
  );
}

const keyOf = (i: Issue) => JSON.stringify([i.doc, i.kind, i.problem, i.text, i.detail, i.sentence]);

/** Issues of `a` not in `b`, counting repeats (the same text can be missed twice in one sentence). */
function minus(a: Issue[], b: Issue[]): Issue[] {
  const left = new Map<string, number>();
  for (const i of b) left.set(keyOf(i), (left.get(keyOf(i)) ?? 0) + 1);
  return a.filter((i) => {
    const n = left.get(keyOf(i)) ?? 0;
    left.set(keyOf(i), n - 1);
    return n <= 0;
  });
}

/** Differences that show at three decimals. */
const changed = (a: number | null, b: number | null) => a === null || b === null ? a !== b : Math.abs(a - b) >= 0.0005;

export function diffReports(before: Baseline, now: EvalSummary): BaselineDiff {
  const names = [...new Set([...Object.keys(before.metrics), ...Object.keys(now.metrics)])];
  const metrics = names
    .map((metric) => ({ metric, before: before.metrics[metric] ?? null, now: now.metrics[metric] ?? null }))
    .filter((m) => changed(m.before, m.now));
  const was = issues(before.documents);
  const is = issues(now.documents);
  return { metrics, fixed: minus(was, is), broken: minus(is, was) };
}

const signed = (m: MetricChange) => (m.before === null || m.now === null ? '' : (m.now >= m.before ? '+' : '') + (m.now - m.before).toFixed(3));
const line = (i: Issue) => `  ${i.doc}\t${i.kind}\t${i.problem}\t${i.text}\t${i.detail}\t${i.sentence.replace(/\s+/g, ' ').slice(0, 80)}`;

export function formatDiff(d: BaselineDiff, path: string): string {
  const out = [`since ${path}: ${d.fixed.length} fixed, ${d.broken.length} broken, ${d.metrics.length} metric${d.metrics.length === 1 ? '' : 's'} changed`];
  if (d.metrics.length)
    out.push(alignColumns(['metric', 'before', 'now', 'delta'], d.metrics.map((m) => [m.metric, ratio(m.before), ratio(m.now), signed(m)])));
  if (d.fixed.length) out.push('fixed:', ...d.fixed.map(line));
  if (d.broken.length) out.push('broken:', ...d.broken.map(line));
  return out.join('\n');
}
