// Runs extraction over every fixture in a directory and sums the scores.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../extract.js';
import { readDocumentFile } from '../input.js';
import { compare, score, TARGET_FIELDS, type CompareReport, type Score, type TargetField } from './compare.js';
import { readFixture } from './fixture.js';

export interface EvalSummary {
  documents: CompareReport[];
  quantity: Score;
  fullRecord: Score;
  fields: Record<TargetField, number>;
}

const sum = (reports: CompareReport[], pick: (r: CompareReport) => Score) =>
  score(
    reports.reduce((n, r) => n + pick(r).tp, 0),
    reports.reduce((n, r) => n + pick(r).fp, 0),
    reports.reduce((n, r) => n + pick(r).fn, 0),
  );

export function evaluate(goldDir: string, docsDir: string): EvalSummary {
  const files = readdirSync(goldDir).filter((f) => f.endsWith('.gold.json')).sort();
  if (!files.length) throw new Error(`${goldDir}: no *.gold.json fixtures`);
  const documents = files.map((f) => {
    const fixture = readFixture(join(goldDir, f));
    const doc = readDocumentFile(join(docsDir, fixture.doc));
    return compare(doc.text, extract(doc.text, { id: doc.id }), fixture);
  });
  const fields = Object.fromEntries(
    TARGET_FIELDS.map((f) => {
      const correct = documents.reduce((n, d) => n + d.targets.fields[f].correct, 0);
      const total = documents.reduce((n, d) => n + d.targets.fields[f].total, 0);
      return [f, total ? correct / total : 1];
    }),
  ) as Record<TargetField, number>;
  return {
    documents,
    quantity: sum(documents, (d) => d.targets.quantity),
    fullRecord: sum(documents, (d) => d.targets.fullRecord),
    fields,
  };
}

const pct = (x: number) => x.toFixed(3);

export function formatSummary(s: EvalSummary): string {
  const header = ['document', 'gold', 'found', 'P', 'R', 'F1', 'full F1', ...TARGET_FIELDS];
  const rows = s.documents.map((d) => {
    const t = d.targets;
    return [
      d.doc.replace(/\.txt$/, ''),
      String(t.quantity.tp + t.quantity.fn),
      String(t.quantity.tp + t.quantity.fp),
      pct(t.quantity.precision),
      pct(t.quantity.recall),
      pct(t.quantity.f1),
      pct(t.fullRecord.f1),
      ...TARGET_FIELDS.map((f) => pct(t.fields[f].accuracy)),
    ];
  });
  rows.push([
    'ALL',
    String(s.quantity.tp + s.quantity.fn),
    String(s.quantity.tp + s.quantity.fp),
    pct(s.quantity.precision),
    pct(s.quantity.recall),
    pct(s.quantity.f1),
    pct(s.fullRecord.f1),
    ...TARGET_FIELDS.map((f) => pct(s.fields[f])),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function formatMisses(s: EvalSummary): string {
  const out: string[] = [];
  for (const d of s.documents) {
    for (const m of d.targets.missed) out.push(`${d.doc}\tmissed\t${m.text}\t${m.value} ${m.unit}\t${m.context.replace(/\s+/g, ' ')}`);
    for (const m of d.targets.spurious) out.push(`${d.doc}\tspurious\t${m.text}\t${m.value} ${m.unit}\t${m.sentence.slice(0, 80)}`);
    for (const w of d.targets.wrong)
      out.push(`${d.doc}\twrong ${w.field}\t${w.text}\tgold=${JSON.stringify(w.gold)} got=${JSON.stringify(w.got)}\t${w.sentence.slice(0, 80)}`);
  }
  return out.join('\n');
}
