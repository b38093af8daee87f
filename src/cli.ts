#!/usr/bin/env node
// The zhextract command line: wiring only; each command lives in src/commands/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { parseRatio, parseThreshold, runEval, type EvalFlags } from './commands/eval.js';
import { DEFAULT_TIMEOUT_SECONDS, parseJobs, parseSeconds, runExtract, type ExtractFlags } from './commands/extract.js';
import { TABLE_NAMES } from './export/csv.js';
import { RULES_DIR } from './rules.js';

const pkg = JSON.parse(readFileSync(join(RULES_DIR, '..', 'package.json'), 'utf8')) as { version: string };

export function program(): Command {
  const cli = new Command('zhextract')
    .description('Extract numeric targets, speakers, bodies and actions from Chinese policy prose')
    .version(pkg.version)
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));
  cli
    .command('extract')
    .description('extract records from text files (a directory stands for its .txt files) or from JSON Lines on stdin')
    .argument('[inputs...]', 'files, directories or patterns ("archive/**/*.txt"); - reads JSON Lines {"id","text"} from stdin')
    .addOption(new Option('-f, --format <format>', 'output format (default: json; jsonl for stdin)').choices(['json', 'jsonl', 'csv']))
    .option('-o, --out <dir>', 'write files into this directory instead of stdout')
    .option('--bom', 'start CSV files with a byte-order mark (for Excel)')
    .option('--stdin', 'read JSON Lines from stdin (same as -)')
    .option('-j, --jobs <n>', 'worker threads (default: the number of cores)', parseJobs)
    .option('--timeout <seconds>', `stop and report a document that takes longer (default: ${DEFAULT_TIMEOUT_SECONDS}; 0: no limit)`, parseSeconds)
    .addOption(new Option('--table <name>', 'with --format csv and no --out: the table written to stdout (default: targets)').choices([...TABLE_NAMES]))
    .action(async (inputs: string[], flags: ExtractFlags) => {
      process.exitCode = await runExtract(inputs, flags);
    });
  cli
    .command('eval')
    .description('score extractions against hand-made gold fixtures')
    .argument('[docs...]', 'evaluate only these documents (files or directories)')
    .option('-g, --gold <dir>', 'directory of *.gold.json fixtures', 'fixtures')
    .option('-d, --docs <dir>', 'directory holding the documents the fixtures name', 'seeds')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('-v, --verbose', 'list every miss, spurious record and wrong field')
    .option('--min-f1 <ratio>', 'exit 1 when quantity F1 is below this', parseRatio)
    .option('--min-full-f1 <ratio>', 'exit 1 when full-record F1 is below this', parseRatio)
    .option('--min <kind.metric=ratio>', 'exit 1 when this metric is below the ratio (repeatable), e.g. bodies.f1=0.95', parseThreshold)
    .option('--baseline <report.json>', 'show what changed since a report written with --format json')
    .option('--html <file>', 'write a self-contained HTML report with the records highlighted in the text')
    .action((docs: string[], flags: EvalFlags) => {
      process.exitCode = runEval(docs, flags);
    });
  return cli;
}

await program().parseAsync(process.argv);
