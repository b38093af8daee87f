// One unit of batch work — read, decode, extract, serialize one document —
// shared by the worker threads and by in-process callers, so --jobs 1 and
// --jobs N run exactly the same code and give exactly the same bytes.
//
// The result leaves the worker as one JSON string rather than an object:
// cheaper to pass between threads than a structured clone of thousands of
// records, and a result too large to serialize (V8 strings stop at ~512 M
// characters) fails here, as this document's error, not the whole run's.
import { extract } from '../extract.js';
import { DocumentError, readDocumentFile } from '../input.js';

/** A file to read (in the worker, so the main thread never holds its bytes) or a text already in memory (stdin). */
export type Task = { kind: 'file'; path: string } | { kind: 'text'; path: string; id: string; text: string };

export type Outcome =
  | {
      ok: true;
      path: string;
      bytes: number;
      /** The ExtractionResult as compact JSON, exactly what --format jsonl writes. */
      json: string;
      /** Records per kind (targets, bodies …), for the summary. */
      counts: Record<string, number>;
    }
  | { ok: false; path: string; bytes: number; reason: string };

export function failure(path: string, e: unknown, bytes = 0): Outcome {
  const reason = e instanceof DocumentError ? e.reason : e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return { ok: false, path, bytes, reason };
}

export function runTask(task: Task): Outcome {
  let bytes = 0;
  try {
    const doc = task.kind === 'file' ? readDocumentFile(task.path) : { ...task, bytes: Buffer.byteLength(task.text) };
    bytes = doc.bytes;
    const result = extract(doc.text, { id: doc.id });
    const counts: Record<string, number> = {};
    for (const [kind, value] of Object.entries(result)) if (Array.isArray(value)) counts[kind] = value.length;
    let json: string;
    try {
      json = JSON.stringify(result);
    } catch (e) {
      const n = Object.values(counts).reduce((a, b) => a + b, 0);
      throw new Error(`the result (${n} records) is too large to serialize: ${(e as Error).message}`);
    }
    return { ok: true, path: task.path, bytes, json, counts };
  } catch (e) {
    // Anything extract() throws is this document's problem, not the batch's.
    return failure(task.path, e, bytes);
  }
}
