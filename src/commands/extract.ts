// `zhextract extract`: documents in, JSON / JSONL / CSV out.
import { join } from 'node:path';
import { targetsCsv } from '../export/csv.js';
import { writeAtomic } from '../export/write.js';
import { extract } from '../extract.js';
import { DocumentError, expandInputs, readDocumentFile } from '../input.js';
import type { ExtractionResult } from '../schema.js';

export interface ExtractFlags {
  format: 'json' | 'jsonl' | 'csv';
  out?: string;
  bom?: boolean;
}

export async function runExtract(inputs: string[], flags: ExtractFlags): Promise<number> {
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

