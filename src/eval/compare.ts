// Scores an extraction against a gold fixture. Matching rules:
// - a target matches a gold quantity with the same value (or low/high) and
//   unit; among several, the nearest in the text wins (gold positions are found
//   by searching each gold `text` in document order);
// - a gold entry marked optional is neither rewarded nor penalised: it absorbs
//   the prediction that matches it, and is not counted when missed;
// - full-record match: value, unit, comparator, change and role all equal.
import type { ExtractionResult, Target } from '../schema.js';
import type { Fixture, GoldTarget } from './fixture.js';

export const TARGET_FIELDS = ['comparator', 'change', 'role', 'verb', 'metric', 'year', 'speaker'] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface FieldError {
  field: TargetField;
  gold: unknown;
  got: unknown;
  text: string;
  sentence: string;
}

export interface TargetReport {
  quantity: Score;
  fullRecord: Score;
  fields: Record<TargetField, { correct: number; total: number; accuracy: number }>;
  missed: { text: string; value: number; unit: string; context: string }[];
  spurious: { text: string; value: number; unit: string; sentence: string }[];
  wrong: FieldError[];
}

export interface CompareReport {
  doc: string;
  targets: TargetReport;
}

export function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

const close = (a: number | null, b: number | null) =>
  a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

function sameQuantity(g: GoldTarget, t: Target): boolean {
  return g.unit === t.unit && close(g.value, t.value) && close(g.low, t.low) && close(g.high, t.high);
}

/** A metric is right when it shares at least half its characters with the gold metric. */
export function metricMatches(gold: string | null, got: string | null): boolean {
  if (gold === null || got === null) return gold === got;
  const pool = [...got];
  let shared = 0;
  for (const ch of gold) {
    const k = pool.indexOf(ch);
    if (k >= 0) {
      shared++;
      pool.splice(k, 1);
    }
  }
  return shared * 2 >= Math.max([...gold].length, [...got].length);
}

function fieldMatches(field: TargetField, g: GoldTarget, t: Target): boolean {
  return field === 'metric' ? metricMatches(g.metric, t.metric) : g[field] === t[field];
}

/** Positions of the gold quantities, searched in document order. */
function locate(text: string, gold: readonly GoldTarget[]): number[] {
  let cursor = 0;
  return gold.map((g) => {
    let at = text.indexOf(g.text, cursor);
    if (at < 0) at = text.indexOf(g.text);
    if (at >= 0) cursor = at + g.text.length;
    return at;
  });
}

export function compareTargets(text: string, result: ExtractionResult, fixture: Fixture): TargetReport {
  const gold = fixture.quantities;
  const positions = locate(text, gold);
  const used = new Set<number>();
  const pairs: [GoldTarget, Target][] = [];
  const missed: TargetReport['missed'] = [];
  gold.forEach((g, k) => {
    let best = -1;
    let bestDistance = Infinity;
    result.targets.forEach((t, i) => {
      if (used.has(i) || !sameQuantity(g, t)) return;
      const d = positions[k]! >= 0 ? Math.abs(t.start - positions[k]!) : 0;
      if (d < bestDistance) [best, bestDistance] = [i, d];
    });
    if (best >= 0) {
      used.add(best);
      if (!g.optional) pairs.push([g, result.targets[best]!]);
    } else if (!g.optional) {
      const p = Math.max(0, positions[k]!);
      missed.push({ text: g.text, value: g.value, unit: g.unit, context: text.slice(Math.max(0, p - 20), p + g.text.length + 20) });
    }
  });
  const spurious = result.targets
    .filter((_, i) => !used.has(i))
    .map((t) => ({ text: t.text, value: t.value, unit: t.unit, sentence: t.sentence }));

  const fields = Object.fromEntries(TARGET_FIELDS.map((f) => [f, { correct: 0, total: 0, accuracy: 1 }])) as TargetReport['fields'];
  const wrong: FieldError[] = [];
  let full = 0;
  for (const [g, t] of pairs) {
    for (const f of TARGET_FIELDS) {
      const ok = fieldMatches(f, g, t);
      fields[f].total++;
      if (ok) fields[f].correct++;
      else wrong.push({ field: f, gold: g[f], got: t[f], text: t.text, sentence: t.sentence });
    }
    if (g.comparator === t.comparator && g.change === t.change && g.role === t.role) full++;
  }
  for (const f of TARGET_FIELDS) fields[f].accuracy = fields[f].total ? fields[f].correct / fields[f].total : 1;
  return {
    quantity: score(pairs.length, spurious.length, missed.length),
    fullRecord: score(full, spurious.length + pairs.length - full, missed.length + pairs.length - full),
    fields,
    missed,
    spurious,
    wrong,
  };
}

export function compare(text: string, result: ExtractionResult, fixture: Fixture): CompareReport {
  return { doc: fixture.doc, targets: compareTargets(text, result, fixture) };
}
