// `zhextract extract`: documents in (files, directories, patterns, or JSON
// Lines on stdin), JSON / JSON Lines / CSV out — streamed in input order
// through a worker pool, with bad documents reported and skipped.
import { statSync } from 'node:fs';
import { InvalidArgumentError } from 'commander';
import { BatchPool, defaultJobs } from '../batch/pool.js';
import { mapOrdered } from '../batch/ordered.js';
import { Progress } from '../batch/progress.js';
import { failure, type Outcome, type Task } from '../batch/task.js';
import { TABLE_NAMES } from '../export/csv.js';
import { ErrorLog, Extracted, openSink, RejectedDocument, type Format } from '../export/sinks.js';
import { abortPending } from '../export/write.js';
import { byteLines, documentId, expandInputs, parseJsonLine } from '../input.js';

export interface ExtractFlags {
  /** Defaults to json for files and jsonl for stdin. */
  format?: Format;
  out?: string;
  bom?: boolean;
  /** Read JSON Lines from stdin (also when the only input is `-`). */
  stdin?: boolean;
  /** Worker threads; defaults to the number of cores. */
  jobs?: number;
  /** Seconds one document may take before it is stopped and reported; 0 for no limit. */
  timeout?: number;
  /** The CSV table written to stdout when there is no --out. */
  table?: string;
}

export const DEFAULT_TIMEOUT_SECONDS = 600;

/** Exit statuses: all documents extracted / some failed (see errors.jsonl) / bad usage or output impossible. */
export const EXIT = { ok: 0, someFailed: 1, usage: 2 } as const;

class UsageError extends Error {}

/** Option parsers for commander: a bad value is a usage error (exit 2). */
export function parseJobs(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number ≥ 1');
  return n;
}
export function parseSeconds(v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError('a number of seconds ≥ 0');
  return n;
}

type Item = Task | Outcome;
const isOutcome = (i: Item): i is Outcome => 'ok' in i;

/** Files to tasks; a second file with the same base name would collide on document id, so it is reported instead. */
function* fileItems(paths: readonly string[]): Generator<Item> {
  const owner = new Map<string, string>();
  for (const path of paths) {
    const id = documentId(path);
    const first = owner.get(id);
    if (first !== undefined) yield failure(path, `duplicate document id "${id}" (also the id of ${first}); rename one of the files`);
    else {
      owner.set(id, path);
      yield { kind: 'file', path };
    }
  }
}

/** JSON Lines from stdin, one task per non-blank line; a line that is not a {"id","text"} object is a failed item in its place. */
async function* stdinItems(stream: AsyncIterable<Uint8Array>): AsyncGenerator<Item> {
  let n = 0;
  for await (const line of byteLines(stream)) {
    n++;
    if (line.every((b) => b === 0x20 || b === 0x09 || b === 0x0d)) continue;
    try {
      const d = parseJsonLine(line, n);
      yield { kind: 'text', path: d.path, id: d.id, text: d.text };
    } catch (e) {
      yield failure(`<stdin>:${n}`, e, line.length);
    }
  }
}

function checkUsage(inputs: readonly string[], flags: ExtractFlags): { stdin: boolean; format: Format } {
  const stdin = !!flags.stdin || inputs.includes('-');
  if (stdin && inputs.some((i) => i !== '-')) throw new UsageError('stdin (- or --stdin) cannot be mixed with files');
  if (!stdin && inputs.length === 0) throw new UsageError('no inputs: name files, directories or patterns, or - to read JSON Lines from stdin');
  const format = flags.format ?? (stdin ? 'jsonl' : 'json');
  if (flags.table !== undefined) {
    if (format !== 'csv' || flags.out) throw new UsageError('--table chooses the one CSV table written to stdout: use it with --format csv and without --out');
    if (!TABLE_NAMES.includes(flags.table)) throw new UsageError(`--table must be one of ${TABLE_NAMES.join(', ')}`);
  }
  if (flags.bom && format !== 'csv') throw new UsageError('--bom applies to --format csv');
  if (flags.jobs !== undefined && !(Number.isInteger(flags.jobs) && flags.jobs >= 1)) throw new UsageError('--jobs must be a whole number ≥ 1');
  if (flags.timeout !== undefined && !(flags.timeout >= 0)) throw new UsageError('--timeout must be a number of seconds ≥ 0');
  if (flags.out) {
    let isDir = true;
    try {
      isDir = statSync(flags.out).isDirectory();
    } catch {
      // does not exist yet: created on first write
    }
    if (!isDir) throw new UsageError(`--out ${flags.out} exists and is not a directory`);
  }
  return { stdin, format };
}

export async function runExtract(inputs: string[], flags: ExtractFlags): Promise<number> {
  let mode: { stdin: boolean; format: Format };
  try {
    mode = checkUsage(inputs, flags);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`zhextract: error: ${e.message}\n`);
    return EXIT.usage;
  }

  const paths = mode.stdin ? [] : expandInputs(inputs);
  let jobs = flags.jobs ?? defaultJobs();
  if (!mode.stdin) jobs = Math.max(1, Math.min(jobs, paths.length));
  const timeoutMs = 1000 * (flags.timeout ?? DEFAULT_TIMEOUT_SECONDS);
  // Workers start on the first task: a run whose inputs all fail up front never loads the dictionary.
  let pool: BatchPool | null = null;
  const run = (item: Item): Promise<Outcome> => (isOutcome(item) ? Promise.resolve(item) : (pool ??= new BatchPool(jobs, timeoutMs)).run(item));

  // A bar only on a terminal, and not when results scroll on that same terminal.
  const progress = new Progress(mode.stdin ? null : paths.length, !!process.stderr.isTTY && (!!flags.out || !process.stdout.isTTY));
  // An error on stdout arrives as an event; the loop below acts on it (EPIPE: the reader went away, as with | head).
  let stdoutError: NodeJS.ErrnoException | null = null;
  const onStdoutError = (e: NodeJS.ErrnoException) => void (stdoutError ??= e);
  const onSignal = (signal: NodeJS.Signals) => {
    progress.stop();
    abortPending(); // no half-written table survives an interrupt
    process.stderr.write(`zhextract: interrupted (${signal}); unfinished output files were removed\n`);
    // Workers must leave nodejieba before the process ends (see batch/gate.ts); a second signal kills at once.
    const running = pool as BatchPool | null;
    void (running ? running.destroy() : Promise.resolve()).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.stdout.on('error', onStdoutError);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let status: number = EXIT.ok;
  let errors: ErrorLog | null = null;
  try {
    errors = new ErrorLog(flags.out);
    const sink = openSink({ format: mode.format, out: flags.out, bom: flags.bom, table: flags.table });
    const items = mode.stdin ? stdinItems(process.stdin) : fileItems(paths);
    // Two tasks per worker in flight: a worker finds its next document waiting instead of idling for a round trip.
    for await (const o of mapOrdered(items, run, 2 * jobs)) {
      if (stdoutError) throw stdoutError;
      let reason = o.ok ? null : o.reason;
      if (o.ok) {
        try {
          await sink.write(new Extracted(o.json));
        } catch (e) {
          if (!(e instanceof RejectedDocument)) throw e;
          reason = e.message;
        }
      }
      if (reason !== null) {
        await errors.add(o.path, reason);
        progress.log(`zhextract: ${o.path}: ${reason}`);
      }
      progress.done(o.bytes, reason === null && o.ok ? o.counts : null);
    }
    await sink.close();
    await errors.close();
    status = errors.count ? EXIT.someFailed : EXIT.ok;
  } catch (e) {
    abortPending();
    progress.stop();
    if ((e as NodeJS.ErrnoException).code === 'EPIPE') {
      // The reader of stdout went away (| head): not an error of ours.
      status = errors?.count ? EXIT.someFailed : EXIT.ok;
    } else {
      process.stderr.write(`zhextract: error: ${e instanceof Error ? e.message : String(e)}\n`);
      status = EXIT.usage;
    }
  } finally {
    await (pool as BatchPool | null)?.destroy();
    progress.stop();
    process.stdout.off('error', onStdoutError);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  process.stderr.write(progress.summary() + '\n');
  return status;
}
