#!/usr/bin/env node
// The zhextract command line: wiring only; each command lives in src/commands/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { parseRatio, runEval, type EvalFlags } from './commands/eval.js';
import { runExtract, type ExtractFlags } from './commands/extract.js';
import { RULES_DIR } from './rules.js';

const pkg = JSON.parse(readFileSync(join(RULES_DIR, '..', 'package.json'), 'utf8')) as { version: string };

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
