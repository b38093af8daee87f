#!/usr/bin/env node
// The zhextract command line: `extract` documents to JSON / JSONL / CSV, and
// `eval` extractions against gold fixtures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { evaluate, formatMisses, formatSummary } from './eval/run.js';
import { targetsCsv } from './export/csv.js';
import { writeAtomic } from './export/write.js';
import { extract } from './extract.js';
import { DocumentError, expandInputs, readDocumentFile } from './input.js';
import { RULES_DIR } from './rules.js';
import type { ExtractionResult } from './schema.js';

const pkg = JSON.parse(readFileSync(join(RULES_DIR, '..', 'package.json'), 'utf8')) as { version: string };

interface ExtractFlags {
  format: 'json' | 'jsonl' | 'csv';
  out?: string;
  bom?: boolean;
}

async function runExtract(inputs: string[], flags: ExtractFlags): Promise<number> {
  const results: ExtractionResult[] = [];
  const errors: { path: string; reason: string }[] = [];
  for (const path of expandInputs(inputs)) {
    try {
      const doc = readDocumentFile(path);
      const result = extract(doc.text, { id: doc.id });
      results.push(result);
      if (flags.format === 'jsonl' && !flags.out) process.stdout.write(JSON.stringify(result) + '\n');
    } catch (e) {
      const reason = e instanceof DocumentError ? e.reason : e instanceof Error ? e.message : String(e);
      errors.push({ path, reason });
      process.stderr.write(`zhextract: ${path}: ${reason}\n`);
    }
  }
  if (flags.format === 'json') {
    if (flags.out) for (const r of results) writeAtomic(join(flags.out, `${r.document.id}.json`), JSON.stringify(r, null, 2) + '\n');
    else process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  } else if (flags.format === 'jsonl' && flags.out) {
    writeAtomic(join(flags.out, 'results.jsonl'), results.map((r) => JSON.stringify(r) + '\n').join(''));
  } else if (flags.format === 'csv') {
    const csv = await targetsCsv(results, flags.bom);
    if (flags.out) writeAtomic(join(flags.out, 'targets.csv'), csv);
    else process.stdout.write(csv);
  }
  if (flags.out && errors.length) writeAtomic(join(flags.out, 'errors.jsonl'), errors.map((e) => JSON.stringify(e) + '\n').join(''));
  process.stderr.write(`zhextract: ${results.length} documents, ${results.reduce((n, r) => n + r.targets.length, 0)} targets, ${errors.length} errors\n`);
  return errors.length ? 1 : 0;
}

function parseRatio(v: string): number {
  const n = Number(v);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('expected a number between 0 and 1');
  return n;
}

interface EvalFlags {
  gold: string;
  docs: string;
  format: 'table' | 'json';
  verbose?: boolean;
  minF1?: number;
  minFullF1?: number;
}

function runEval(flags: EvalFlags): number {
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

export function program(): Command {
  const cli = new Command('zhextract')
    .description('Extract numeric targets, speakers, bodies and actions from Chinese policy prose')
    .version(pkg.version)
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));
  cli
    .command('extract')
    .description('extract records from text files (a directory stands for its .txt files)')
    .argument('<inputs...>', 'files or directories')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'jsonl', 'csv']).default('json'))
    .option('-o, --out <dir>', 'write files into this directory instead of stdout')
    .option('--bom', 'start CSV files with a byte-order mark (for Excel)')
    .action(async (inputs: string[], flags: ExtractFlags) => {
      process.exitCode = await runExtract(inputs, flags);
    });
  cli
    .command('eval')
    .description('score extractions against hand-made gold fixtures')
    .option('-g, --gold <dir>', 'directory of *.gold.json fixtures', 'fixtures')
    .option('-d, --docs <dir>', 'directory holding the documents the fixtures name', 'seeds')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('-v, --verbose', 'list every miss, spurious record and wrong field')
    .option('--min-f1 <ratio>', 'exit 1 when quantity F1 is below this', parseRatio)
    .option('--min-full-f1 <ratio>', 'exit 1 when full-record F1 is below this', parseRatio)
    .action((flags: EvalFlags) => {
      process.exitCode = runEval(flags);
    });
  return cli;
}

await program().parseAsync(process.argv);
