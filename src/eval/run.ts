// Runs extraction over a set of gold fixtures, sums the scores per record kind,
// and lays them out as tables (the terminal and the HTML report share them).
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { extract } from '../extract.js';
import { expandInputs, readDocumentFile } from '../input.js';
import type { ExtractionResult } from '../schema.js';
import { compare, FIELDS, KINDS, score, type CompareReport, type FieldScore, type Kind, type Score } from './compare.js';
import { readFixture } from './fixture.js';

/** Written into every JSON report, so that `--baseline` can refuse a file of another shape. */
export const REPORT_FORMAT = 'zhextract-eval/2';

export interface KindTotals {
  /** Documents whose fixture has gold records of this kind. */
  documents: number;
  score: Score;
  fields: Record<string, FieldScore>;
}

export interface Totals extends Record<Kind, KindTotals> {
  targets: KindTotals & { fullRecord: Score };
  actions: KindTotals & { withTargets: { found: number; total: number } };
}

export interface EvalSummary {
  format: typeof REPORT_FORMAT;
  documents: CompareReport[];
  totals: Totals;
  /** Flat `kind.metric` values (see metricNames), for thresholds and baselines; unmeasured ones are absent. */
  metrics: Record<string, number>;
}

/** One evaluated document: what the HTML report draws. */
export interface DocumentRun {
  text: string;
  result: ExtractionResult;
  report: CompareReport;
}

export interface Evaluation {
  runs: DocumentRun[];
  summary: EvalSummary;
}

export interface EvalSet {
  /** Directory of *.gold.json fixtures. */
  gold: string;
  /** Directory where the documents the fixtures name are looked up. */
  docs: string;
  /** Explicit documents (files or directories of .txt): only their fixtures are evaluated. */
  paths?: readonly string[];
}

/** Every metric a threshold may name: `kind.precision|recall|f1|<field>`, `targets.fullF1`, `actions.targetRecall`. */
export function metricNames(): string[] {
  return [
    ...KINDS.flatMap((k) => ['precision', 'recall', 'f1', ...FIELDS[k]].map((m) => `${k}.${m}`)),
    'targets.fullF1',
    'actions.targetRecall',
  ];
}

const sumScores = (scores: Score[]) =>
  score(
    scores.reduce((n, s) => n + s.tp, 0),
    scores.reduce((n, s) => n + s.fp, 0),
    scores.reduce((n, s) => n + s.fn, 0),
  );

function kindTotals(documents: CompareReport[], kind: Kind): KindTotals {
  const scored = documents.filter((d) => d[kind].scored);
  const fields = Object.fromEntries(
    FIELDS[kind].map((f): [string, FieldScore] => {
      const correct = scored.reduce((n, d) => n + d[kind].fields[f]!.correct, 0);
      const total = scored.reduce((n, d) => n + d[kind].fields[f]!.total, 0);
      return [f, { correct, total, accuracy: total ? correct / total : null }];
    }),
  );
  return { documents: scored.length, score: sumScores(scored.map((d) => d[kind].score)), fields };
}

export function summarize(documents: CompareReport[]): EvalSummary {
  const base = Object.fromEntries(KINDS.map((k) => [k, kindTotals(documents, k)])) as Record<Kind, KindTotals>;
  const scoredActions = documents.filter((d) => d.actions.scored);
  const totals: Totals = {
    ...base,
    targets: { ...base.targets, fullRecord: sumScores(documents.filter((d) => d.targets.scored).map((d) => d.targets.fullRecord)) },
    actions: {
      ...base.actions,
      withTargets: {
        found: scoredActions.reduce((n, d) => n + d.actions.withTargets.found, 0),
        total: scoredActions.reduce((n, d) => n + d.actions.withTargets.total, 0),
      },
    },
  };
  const metrics: Record<string, number> = {};
  for (const k of KINDS) {
    const t = totals[k];
    if (!t.documents) continue;
    Object.assign(metrics, { [`${k}.precision`]: t.score.precision, [`${k}.recall`]: t.score.recall, [`${k}.f1`]: t.score.f1 });
    for (const [f, s] of Object.entries(t.fields)) if (s.accuracy !== null) metrics[`${k}.${f}`] = s.accuracy;
  }
  if (totals.targets.documents) metrics['targets.fullF1'] = totals.targets.fullRecord.f1;
  const { found, total } = totals.actions.withTargets;
  if (total) metrics['actions.targetRecall'] = found / total;
  return { format: REPORT_FORMAT, documents, totals, metrics };
}

/** Extracts and compares every fixture of the set (or those of the documents named in `paths`). */
export function evaluate(set: EvalSet): Evaluation {
  const files = readdirSync(set.gold).filter((f) => f.endsWith('.gold.json')).sort();
  if (!files.length) throw new Error(`${set.gold}: no *.gold.json fixtures`);
  const fixtures = files.map((f) => readFixture(join(set.gold, f)));
  const given = set.paths?.length ? new Map(expandInputs(set.paths).map((p) => [basename(p), p])) : null;
  const unmatched = [...(given ?? [])].filter(([name]) => !fixtures.some((f) => f.doc === name)).map(([, path]) => path);
  if (unmatched.length) throw new Error(`no fixture in ${set.gold} for ${unmatched.join(', ')}`);
  const runs = fixtures.flatMap((fixture): DocumentRun[] => {
    const path = given ? given.get(fixture.doc) : join(set.docs, fixture.doc);
    if (path === undefined) return [];
    const doc = readDocumentFile(path);
    const result = extract(doc.text, { id: doc.id });
    return [{ text: doc.text, result, report: compare(doc.text, result, fixture) }];
  });
  return { runs, summary: summarize(runs.map((r) => r.report)) };
}

// --- tables --------------------------------------------------------------------

export interface Table {
  kind: Kind;
  caption: string;
  header: string[];
  rows: string[][];
}

const CAPTIONS: Record<Kind, string> = {
  targets: 'F1: value + unit; full F1: also comparator, change, role; fields: accuracy over matched targets',
  speakers: 'matched on name (unnamed: role + label or organization)',
  turns: 'aligned in order on speaker label + opening words',
  bodies: 'matched when any form (name, alias, canonical) is shared',
  responsibilities: 'body (any form) + verb + half the object',
  actions: 'verb + half the object; "with targets R": actions holding quantities found with all of them',
};

export const ratio = (x: number | null) => (x === null ? '-' : x.toFixed(3));
const docName = (doc: string) => doc.replace(/\.txt$/, '');

/** The metric table of one kind: a row per document that has gold of that kind, then ALL. */
export function kindTable(s: EvalSummary, kind: Kind): Table {
  const fields = FIELDS[kind] as readonly string[];
  const extra = kind === 'targets' ? ['full F1'] : kind === 'actions' ? ['with targets R'] : [];
  const row = (name: string, t: Pick<KindTotals, 'score' | 'fields'>, extraCells: string[]) => [
    name,
    String(t.score.tp + t.score.fn),
    String(t.score.tp + t.score.fp),
    ratio(t.score.precision),
    ratio(t.score.recall),
    ratio(t.score.f1),
    ...extraCells,
    ...fields.map((f) => ratio(t.fields[f]!.accuracy)),
  ];
  const extraOf = (r: { score: Score; fullRecord?: Score; withTargets?: { found: number; total: number } }) =>
    r.fullRecord ? [ratio(r.fullRecord.f1)] : r.withTargets ? [ratio(r.withTargets.total ? r.withTargets.found / r.withTargets.total : null)] : [];
  const rows = s.documents.filter((d) => d[kind].scored).map((d) => row(docName(d.doc), d[kind], extraOf(d[kind])));
  if (rows.length) rows.push(row('ALL', s.totals[kind], extraOf(s.totals[kind])));
  return { kind, caption: CAPTIONS[kind], header: ['document', 'gold', 'found', 'P', 'R', 'F1', ...extra, ...fields], rows };
}

/** A Markdown table with padded columns (readable in a terminal, pasteable into a README). */
export function alignColumns(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function formatTable(t: Table): string {
  if (!t.rows.length) return `${t.kind}: no gold records in these fixtures`;
  return `${t.kind}: ${t.caption}\n${alignColumns(t.header, t.rows)}`;
}

export function formatSummary(s: EvalSummary): string {
  return KINDS.map((k) => formatTable(kindTable(s, k))).join('\n\n');
}

const clip = (s: string) => s.replace(/\s+/g, ' ').slice(0, 80);

/** Every miss, spurious record and wrong field, one tab-separated line each. */
export function formatMisses(s: EvalSummary): string {
  const out: string[] = [];
  for (const d of s.documents)
    for (const k of KINDS) {
      const r = d[k];
      for (const m of r.missed) out.push([d.doc, k, 'missed', m.text, m.detail, clip(m.sentence)].join('\t'));
      for (const m of r.spurious) out.push([d.doc, k, 'spurious', m.text, m.detail, clip(m.sentence)].join('\t'));
      for (const w of r.wrong)
        out.push([d.doc, k, `wrong ${w.field}`, w.text, `gold=${JSON.stringify(w.gold)} got=${JSON.stringify(w.got)}`, clip(w.sentence)].join('\t'));
    }
  return out.join('\n');
}
