// Accuracy against the hand-made gold fixtures of every seed document.
// The floors are the measured scores (README); raise them as rules improve.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/eval/run.js';

const ROOT = join(import.meta.dirname, '..');

describe('gold fixtures', () => {
  const summary = evaluate(join(ROOT, 'fixtures'), join(ROOT, 'seeds'));

  it('covers every seed document', () => {
    expect(summary.documents.map((d) => d.doc).sort()).toEqual([
      'chizhou-2023-work-report.txt',
      'moe-2019-education-modernization-qa.txt',
      'shandong-2022-three-tens-press-conference.txt',
      'state-council-2018-agri-mechanization-guidance.txt',
      'state-council-2021-work-report.txt',
    ]);
  });

  it('quantity F1 (value + unit) ≥ 0.99', () => {
    expect(summary.quantity.f1).toBeGreaterThanOrEqual(0.99);
  });

  it('full-record F1 (value, unit, comparator, change, role) ≥ 0.90', () => {
    expect(summary.fullRecord.f1).toBeGreaterThanOrEqual(0.9);
  });
});
