// `zhextract eval`: score extractions against gold fixtures. Exit status: 0
// when every threshold holds, 1 when one does not, 2 when the set cannot be
// evaluated (bad fixture, missing document, unreadable baseline).
import { InvalidArgumentError } from 'commander';
import { diffReports, formatDiff, readBaseline, type Baseline } from '../eval/baseline.js';
import { renderHtml } from '../eval/html.js';
import { evaluate, formatMisses, formatSummary, metricNames, type Evaluation } from '../eval/run.js';
import { writeAtomic } from '../export/write.js';

export function parseRatio(v: string): number {
  const n = Number(v);
  if (!(v.trim() && n >= 0 && n <= 1)) throw new InvalidArgumentError('expected a number between 0 and 1');
  return n;
}

export interface Threshold {
  metric: string;
  min: number;
}

/** `--min kind.metric=value`, repeatable: collects the thresholds. */
export function parseThreshold(v: string, previous: Threshold[] = []): Threshold[] {
  const eq = v.indexOf('=');
  const metric = v.slice(0, Math.max(0, eq));
  if (!metricNames().includes(metric)) throw new InvalidArgumentError(`expected kind.metric=value, one of: ${metricNames().join(', ')}`);
  return [...previous, { metric, min: parseRatio(v.slice(eq + 1)) }];
}

export interface EvalFlags {
  gold: string;
  docs: string;
  format: 'table' | 'json';
  verbose?: boolean;
  minF1?: number;
  minFullF1?: number;
  min?: Threshold[];
  baseline?: string;
  html?: string;
}

/** Thresholds that do not hold, as messages; a metric with no gold to measure it fails too. */
export function failedThresholds(metrics: Record<string, number>, thresholds: readonly Threshold[]): string[] {
  return thresholds.flatMap(({ metric, min }) => {
    const value = metrics[metric];
    if (value === undefined) return [`${metric} not measured (no gold records) < ${min}`];
    return value < min ? [`${metric} ${value.toFixed(3)} < ${min}`] : [];
  });
}

export function runEval(paths: string[], flags: EvalFlags): number {
  let evaluation: Evaluation;
  let baseline: Baseline | undefined;
  try {
    baseline = flags.baseline === undefined ? undefined : readBaseline(flags.baseline);
    evaluation = evaluate({ gold: flags.gold, docs: flags.docs, paths });
  } catch (e) {
    process.stderr.write(`zhextract eval: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const { runs, summary } = evaluation;
  const changes = baseline && diffReports(baseline, summary);
  if (flags.format === 'json') process.stdout.write(JSON.stringify(changes ? { ...summary, changes } : summary, null, 2) + '\n');
  else {
    process.stdout.write(formatSummary(summary) + '\n');
    if (flags.verbose) process.stdout.write(formatMisses(summary) + '\n');
    if (changes) process.stdout.write('\n' + formatDiff(changes, flags.baseline!) + '\n');
  }
  if (flags.html) writeAtomic(flags.html, renderHtml(runs, summary, `zhextract eval: ${flags.gold}`));
  const thresholds = [
    ...(flags.minF1 === undefined ? [] : [{ metric: 'targets.f1', min: flags.minF1 }]),
    ...(flags.minFullF1 === undefined ? [] : [{ metric: 'targets.fullF1', min: flags.minFullF1 }]),
    ...(flags.min ?? []),
  ];
  const failures = failedThresholds(summary.metrics, thresholds);
  for (const f of failures) process.stderr.write(`zhextract eval: ${f}\n`);
  return failures.length ? 1 : 0;
}
