// CSV export with fast-csv: one row per target, every field a column, and
// doc_id linking rows to their document.
import { writeToString } from 'fast-csv';
import type { ExtractionResult } from '../schema.js';

export const TARGET_COLUMNS = [
  'doc_id', 'id', 'text', 'start', 'end', 'value', 'low', 'high', 'unit', 'unitText', 'comparator',
  'change', 'role', 'verb', 'metric', 'year', 'speaker', 'sentence',
] as const;

export function targetRows(results: readonly ExtractionResult[]): Record<string, unknown>[] {
  return results.flatMap((r) =>
    r.targets.map((t) => {
      const row: Record<string, unknown> = { doc_id: r.document.id, ...t };
      return Object.fromEntries(TARGET_COLUMNS.map((c) => [c, row[c] ?? '']));
    }),
  );
}

export function targetsCsv(results: readonly ExtractionResult[], bom = false): Promise<string> {
  return writeToString(targetRows(results), { headers: [...TARGET_COLUMNS], writeBOM: bom });
}
