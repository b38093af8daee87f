// CSV export with fast-csv: one table per record kind (documents.csv,
// targets.csv, speakers.csv, turns.csv, bodies.csv, responsibilities.csv,
// actions.csv), each row carrying the doc_id of its document.
//
// Tables and columns are read off the zod schemas in src/schema.ts, so a
// field or a record kind added there appears here without an edit. Cells:
// null is empty, numbers and booleans as written, and arrays or objects
// (aliases, turnIds, targetIds, mentions) as JSON — lossless even for arrays
// of objects, and read back with json.loads / from_json / JSON.parse.
import { format, writeToString } from 'fast-csv';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { z } from 'zod';
import { ExtractionResultSchema, type ExtractionResult } from '../schema.js';

export interface Table {
  /** File stem: `targets` → targets.csv; the document table is `documents`. */
  name: string;
  /** The key of ExtractionResult the rows come from. */
  key: string;
  columns: string[];
  rows(result: Row): Record<string, string>[];
}

type Row = Record<string, unknown>;
const docId = (r: Row) => cell((r['document'] as Row | undefined)?.['id']);

/** Strips optional/nullable/default wrappers. */
function unwrap(schema: unknown): unknown {
  let s = schema;
  while (s && typeof s === 'object' && !(s instanceof z.ZodObject) && !(s instanceof z.ZodArray) && 'unwrap' in s && typeof s.unwrap === 'function') s = s.unwrap();
  return s;
}

function objectShape(schema: unknown): Record<string, unknown> | null {
  const s = unwrap(schema);
  return s instanceof z.ZodObject ? (s.shape as Record<string, unknown>) : null;
}

export function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v);
}

/** The tables of a result schema: one for the `document` object, one per array of records. */
export function deriveTables(schema: z.ZodObject = ExtractionResultSchema): Table[] {
  const tables: Table[] = [];
  for (const [key, wrapped] of Object.entries(schema.shape)) {
    const field = unwrap(wrapped);
    const many = field instanceof z.ZodArray;
    const shape = objectShape(many ? field.element : field);
    if (!shape) continue;
    const fields = Object.keys(shape);
    if (!many) {
      // The document itself: its `id` becomes the doc_id the other tables link to.
      const rest = fields.filter((f) => f !== 'id');
      tables.push({
        name: key === 'document' ? 'documents' : key,
        key,
        columns: ['doc_id', ...rest],
        rows: (r) => {
          const d = r[key] as Row;
          return [Object.fromEntries([['doc_id', docId(r)], ...rest.map((f) => [f, cell(d[f])])])];
        },
      });
      continue;
    }
    tables.push({
      name: key,
      key,
      columns: ['doc_id', ...fields],
      rows: (r) => ((r[key] ?? []) as Row[]).map((rec) => Object.fromEntries([['doc_id', docId(r)], ...fields.map((f) => [f, cell(rec[f])])])),
    });
  }
  return tables;
}

export const TABLES: readonly Table[] = deriveTables();
export const TABLE_NAMES: readonly string[] = TABLES.map((t) => t.name);

export function table(name: string, tables: readonly Table[] = TABLES): Table {
  const t = tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}; tables: ${TABLE_NAMES.join(', ')}`);
  return t;
}

/** One table as a string (for tests and small jobs); `bom` starts it with U+FEFF for Excel. */
export async function tableCsv(results: readonly Row[], name: string, bom = false, tables: readonly Table[] = TABLES): Promise<string> {
  const t = table(name, tables);
  const csv = await writeToString(
    results.flatMap((r) => t.rows(r)),
    { headers: t.columns, alwaysWriteHeaders: true, includeEndRowDelimiter: true },
  );
  return (bom ? '\uFEFF' : '') + csv;
}

/** A table streamed into `out` a document at a time. */
export class CsvTableWriter {
  private readonly csv;
  private readonly done: Promise<void>;

  constructor(
    readonly table: Table,
    out: Writable,
    bom: boolean,
  ) {
    // The BOM is written here, not with fast-csv's writeBOM, which drops it from a table without rows.
    if (bom) out.write('\uFEFF');
    this.csv = format({ headers: table.columns, alwaysWriteHeaders: true, includeEndRowDelimiter: true });
    // pipe() carries back-pressure from a slow reader; `end: false` leaves closing `out` to its owner.
    this.csv.pipe(out, { end: false });
    // pipe() does not forward errors: a failed `out` (EPIPE, ENOSPC) must fail the table, not stall it.
    out.once('error', (e) => this.csv.destroy(e));
    this.done = new Promise((resolve, reject) => {
      this.csv.on('end', resolve);
      this.csv.on('error', reject);
    });
    this.done.catch(() => {}); // observed in write()/end(); never an unhandled rejection
  }

  async write(result: ExtractionResult): Promise<void> {
    if (this.csv.destroyed) await this.done; // rethrows why `out` failed
    for (const row of this.table.rows(result)) if (!this.csv.write(row)) await once(this.csv, 'drain');
  }

  /** Ends the table (the header alone when there were no rows); resolves when all is handed to `out`. */
  async end(): Promise<void> {
    this.csv.end();
    await this.done;
  }
}
