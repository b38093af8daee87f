// The matching rules of the scorer, on small hand-built cases.
import { describe, expect, it } from 'vitest';
import { compareTargets, metricMatches } from '../src/eval/compare.js';
import type { Fixture, GoldTarget } from '../src/eval/fixture.js';
import { extract } from '../src/index.js';

const gold = (g: Partial<GoldTarget> & Pick<GoldTarget, 'text' | 'value' | 'unit'>): GoldTarget => ({
  low: null, high: null, comparator: 'eq', change: 'level', role: 'target', verb: null, metric: null, year: null, speaker: null, optional: false, ...g,
});
const fixture = (quantities: GoldTarget[]): Fixture => ({ doc: 'x.txt', transcript: false, quantities, speakers: [], turns: [], bodies: [], responsibilities: [] });

describe('compareTargets', () => {
  const text = '力争新增床位3万张，建设三个方面的工作，敬老院120处。';
  const result = extract(text);

  it('matches on value and unit, and counts misses', () => {
    const r = compareTargets(text, result, fixture([gold({ text: '3万张', value: 30000, unit: '张', change: 'increase' }), gold({ text: '7个', value: 7, unit: '个' })]));
    expect(r.quantity).toMatchObject({ tp: 1, fn: 1 });
    expect(r.missed.map((m) => m.text)).toEqual(['7个']);
  });

  it('neither rewards nor penalises optional gold entries', () => {
    const withOptional = compareTargets(text, result, fixture([gold({ text: '三个方面', value: 3, unit: '个', optional: true })]));
    const without = compareTargets(text, result, fixture([]));
    expect(withOptional.quantity.tp).toBe(0);
    expect(withOptional.quantity.fn).toBe(0);
    expect(without.quantity.fp).toBeGreaterThanOrEqual(withOptional.quantity.fp);
  });

  it('counts a wrong role against the full record, not the quantity', () => {
    const r = compareTargets(text, result, fixture([gold({ text: '3万张', value: 30000, unit: '张', change: 'increase', role: 'actual' })]));
    expect(r.quantity.tp).toBe(1);
    expect(r.fullRecord.tp).toBe(0);
    expect(r.wrong.map((w) => w.field)).toContain('role');
  });

  it('accepts a metric sharing at least half its characters', () => {
    expect(metricMatches('全社会研发经费投入', '研发经费投入')).toBe(true);
    expect(metricMatches('全社会研发经费投入', '投入')).toBe(false);
    expect(metricMatches(null, null)).toBe(true);
  });
});
