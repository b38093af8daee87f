// `zhextract eval`: score extractions against gold fixtures.
import { InvalidArgumentError } from 'commander';
import { evaluate, formatMisses, formatSummary } from '../eval/run.js';

export function parseRatio(v: string): number {
  const n = Number(v);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('expected a number between 0 and 1');
  return n;
}

export interface EvalFlags {
  gold: string;
  docs: string;
  format: 'table' | 'json';
  verbose?: boolean;
  minF1?: number;
  minFullF1?: number;
}

export function runEval(flags: EvalFlags): number {
  const summary = evaluate(flags.gold, flags.docs);
  if (flags.format === 'json') process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
  else {
    process.stdout.write(formatSummary(summary) + '\n');
    if (flags.verbose) process.stdout.write(formatMisses(summary) + '\n');
  }
  const failures: string[] = [];
  if (flags.minF1 !== undefined && summary.quantity.f1 < flags.minF1) failures.push(`quantity F1 ${summary.quantity.f1.toFixed(3)} < ${flags.minF1}`);
  if (flags.minFullF1 !== undefined && summary.fullRecord.f1 < flags.minFullF1)
    failures.push(`full-record F1 ${summary.fullRecord.f1.toFixed(3)} < ${flags.minFullF1}`);
  for (const f of failures) process.stderr.write(`zhextract eval: ${f}\n`);
  return failures.length ? 1 : 0;
}

