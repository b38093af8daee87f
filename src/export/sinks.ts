// Where results go, one document at a time, so that nothing accumulates:
// stdout (JSON array, JSON Lines, or one CSV table) or a directory
// (<id>.json per document, results.jsonl, or every CSV table). Files in a
// directory appear atomically when the run ends.
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { ExtractionResult } from '../schema.js';
import { CsvTableWriter, TABLES, table } from './csv.js';
import { AtomicFile, put, writeAtomic } from './write.js';

export type Format = 'json' | 'jsonl' | 'csv';

/** Thrown by Sink.write when one document cannot be written (the run goes on); any other error ends the run. */
export class RejectedDocument extends Error {}

/** One extracted document: its result as compact JSON (from the worker), parsed only by sinks that need the object. */
export class Extracted {
  private parsed: ExtractionResult | undefined;
  constructor(readonly json: string) {}
  get result(): ExtractionResult {
    return (this.parsed ??= JSON.parse(this.json) as ExtractionResult);
  }
}

export interface Sink {
  write(doc: Extracted): Promise<void>;
  /** Finishes the output; files under --out appear only now. */
  close(): Promise<void>;
}

export interface SinkOptions {
  format: Format;
  out?: string;
  bom?: boolean;
  /** The CSV table written to stdout (without --out). */
  table?: string;
  stdout?: Writable;
}

/** A document id as a file name: path separators and characters Windows refuses become _. */
export function fileNameOf(id: string): string {
  const safe = id.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_');
  return safe === '' || safe === '.' || safe === '..' ? `_${safe}` : safe;
}

/** Indented JSON; a result whose indented form passes V8's string limit is this document's error, not the run's. */
function pretty(d: Extracted): string {
  try {
    return JSON.stringify(d.result, null, 2);
  } catch (e) {
    throw new RejectedDocument(`the result is too large to write as indented JSON (${(e as Error).message}); use --format jsonl`);
  }
}

/** The same text as JSON.stringify(results, null, 2), written one result at a time. */
function jsonArray(out: Writable): Sink {
  let first = true;
  return {
    async write(d) {
      await put(out, (first ? '[\n  ' : ',\n  ') + pretty(d).replaceAll('\n', '\n  '));
      first = false;
    },
    async close() {
      await put(out, first ? '[]\n' : '\n]\n');
    },
  };
}

function jsonLines(out: Writable, file?: AtomicFile): Sink {
  return {
    write: (d) => put(out, d.json + '\n'),
    close: async () => file?.commit(),
  };
}

function jsonFiles(dir: string): Sink {
  const written = new Set<string>();
  return {
    async write(d) {
      const name = fileNameOf(d.result.document.id);
      // Two documents with one id would overwrite each other: refuse the second, loudly.
      if (written.has(name)) throw new RejectedDocument(`another document already wrote ${name}.json (document ids must be unique)`);
      const content = pretty(d) + '\n';
      written.add(name);
      writeAtomic(join(dir, `${name}.json`), content);
    },
    close: async () => {},
  };
}

function csvTables(dir: string, bom: boolean): Sink {
  const files = TABLES.map((t) => new AtomicFile(join(dir, `${t.name}.csv`)));
  const writers = TABLES.map((t, i) => new CsvTableWriter(t, files[i]!.stream, bom));
  return {
    async write(d) {
      for (const w of writers) await w.write(d.result);
    },
    async close() {
      for (const w of writers) await w.end();
      for (const f of files) await f.commit();
    },
  };
}

function csvStdout(out: Writable, name: string, bom: boolean): Sink {
  const w = new CsvTableWriter(table(name), out, bom);
  return { write: (d) => w.write(d.result), close: () => w.end() };
}

export function openSink(o: SinkOptions): Sink {
  const stdout = o.stdout ?? process.stdout;
  if (o.format === 'csv') return o.out ? csvTables(o.out, !!o.bom) : csvStdout(stdout, o.table ?? 'targets', !!o.bom);
  if (o.format === 'jsonl') {
    if (!o.out) return jsonLines(stdout);
    const file = new AtomicFile(join(o.out, 'results.jsonl'));
    return jsonLines(file.stream, file);
  }
  return o.out ? jsonFiles(o.out) : jsonArray(stdout);
}

/** errors.jsonl under --out: one {"path", "reason"} per failed document, in input order; written (empty) even when all went well, so a stale list never survives. */
export class ErrorLog {
  count = 0;
  private readonly file: AtomicFile | null;

  constructor(out: string | undefined) {
    this.file = out ? new AtomicFile(join(out, 'errors.jsonl')) : null;
  }

  async add(path: string, reason: string): Promise<void> {
    this.count++;
    if (this.file) await put(this.file.stream, JSON.stringify({ path, reason }) + '\n');
  }

  async close(): Promise<void> {
    await this.file?.commit();
  }
}
