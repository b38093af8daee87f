// The reports people read: the baseline diff, the HTML page's escaping, and
// the HTML report of the seeds opened in a real headless browser (Debian's
// chromium driven by playwright-core), which also saves a screenshot to
// out/report.png (docs/report.png, shown in the README, is a copy of one).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { diffReports } from '../src/eval/baseline.js';
import { compare, KINDS } from '../src/eval/compare.js';
import type { Fixture, GoldTarget } from '../src/eval/fixture.js';
import { escapeHtml, renderHtml } from '../src/eval/html.js';
import { summarize, type EvalSummary } from '../src/eval/run.js';
import { extract } from '../src/index.js';

const ROOT = join(import.meta.dirname, '..');
const CHROMIUM = '/usr/bin/chromium';
const TMP = mkdtempSync(join(tmpdir(), 'zhextract-report-'));
afterAll(() => rmSync(TMP, { recursive: true }));

const gold = (g: Partial<GoldTarget> & Pick<GoldTarget, 'text' | 'value' | 'unit'>): GoldTarget => ({
  low: null, high: null, comparator: 'eq', change: 'increase', role: 'target', verb: null, metric: null, year: null, speaker: null, optional: false, ...g,
});
const fixture = (quantities: GoldTarget[]): Fixture => ({
  doc: 'x.txt', transcript: false, quantities, speakers: [], turns: [], bodies: [], responsibilities: [], actions: [],
});

describe('baseline', () => {
  const text = '新增床位3万张，建设敬老院120处。';
  const result = extract(text);
  const summary = (quantities: GoldTarget[]) => summarize([compare(text, result, fixture(quantities))]);
  // Before: the gold says 120处 is a decrease; after, the gold of 3万张 says it is actual.
  const before = summary([gold({ text: '3万张', value: 30000, unit: '张' }), gold({ text: '120处', value: 120, unit: '处', change: 'decrease' })]);
  const after = summary([gold({ text: '3万张', value: 30000, unit: '张', role: 'actual' }), gold({ text: '120处', value: 120, unit: '处', change: 'level' })]);
  const roundTrip = (s: EvalSummary) => JSON.parse(JSON.stringify(s));

  it('lists newly fixed and newly broken records', () => {
    const d = diffReports(roundTrip(before), after);
    expect(d.fixed.map((i) => [i.problem, i.text])).toEqual([['wrong change', '120处']]);
    expect(d.broken.map((i) => [i.problem, i.text])).toEqual([['wrong role', '3万张']]);
  });

  it('lists the metrics that changed, and nothing when nothing did', () => {
    const d = diffReports(roundTrip(before), after);
    expect(d.metrics.map((m) => m.metric)).toEqual(expect.arrayContaining(['targets.change', 'targets.role']));
    expect(d.metrics.find((m) => m.metric === 'targets.f1')).toBeUndefined();
    expect(diffReports(roundTrip(after), after)).toEqual({ metrics: [], fixed: [], broken: [] });
  });
});

describe('HTML escaping', () => {
  const text = '标题</script><script>alert(1)</script>&"\'\n新增床位3万张。';
  const result = extract(text);
  const report = compare(text, result, fixture([gold({ text: '3万张', value: 30000, unit: '张' }), gold({ text: '<b>7个</b>', value: 7, unit: '个' })]));
  const html = renderHtml([{ text, result, report }], summarize([report]), '<title>');

  it('escapes the text, the records and the title', () => {
    expect(escapeHtml('<a href="x">&\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b>7个');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;');
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain('<title>&lt;title&gt;</title>');
  });
});

describe('HTML highlights', () => {
  it('a record crossing the end of another is split, keeping its id', () => {
    const text = '实施500万元以上技改项目。';
    const target = extract(text).targets[0]!;
    expect(target.text).toBe('500万元以上');
    const action = { id: 'a1', text: '实施500万元', start: 0, end: 7, verb: '实施', object: '500万元', body: null, targetIds: [], speaker: null, sentence: text };
    const result = { ...extract(text), actions: [action] };
    const report = compare(text, result, fixture([]));
    const html = renderHtml([{ text, result, report }], summarize([report]), 'x');
    const body = html.slice(html.indexOf('<div class="text">'), html.indexOf('</div></section>'));
    const open = (kind: string, id: string) => `<mark class="k-${kind} s-spurious" data-id="0-${kind}-${id}" title="[^"]*">`;
    expect(body).toMatch(new RegExp(`${open('actions', 'a1')}实施${open('targets', 't1')}500万元</mark></mark>${open('targets', 't1')}以上</mark>技改项目。`));
  });
});

const browserMissing = existsSync(CHROMIUM) ? '' : ` — SKIPPED: no browser at ${CHROMIUM} (apt-get install chromium)`;

describe('HTML report of the seeds in a headless browser', () => {
  it.skipIf(browserMissing)(`loads without errors, highlights every record, shows fields on click${browserMissing}`, async () => {
    const page = join(TMP, 'report.html');
    const run = spawnSync(process.execPath, [join(ROOT, 'dist/src/cli.js'), 'eval', '--gold', 'fixtures', '--docs', 'seeds', '--format', 'json', '--html', page], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout) as EvalSummary;
    expect(readFileSync(page, 'utf8')).toMatch(/^<!doctype html>/);

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const tab = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const errors: string[] = [];
      const requests: string[] = [];
      tab.on('pageerror', (e) => errors.push(String(e)));
      tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      tab.on('request', (r) => requests.push(r.url()));
      await tab.goto(pathToFileURL(page).href);

      // Each record is one highlight (split pieces and body mentions share its data-id).
      const shown = await tab.evaluate(() => {
        const ids: Record<string, Set<string>> = {};
        for (const m of document.querySelectorAll<HTMLElement>('main mark[data-id]')) {
          const kind = [...m.classList].find((c) => c.startsWith('k-'))!.slice(2);
          (ids[kind] ??= new Set()).add(m.dataset.id!);
        }
        return Object.fromEntries(Object.entries(ids).map(([k, s]) => [k, s.size]));
      });
      for (const kind of KINDS) {
        const expected = summary.documents.reduce((n, d) => n + d[kind].matched.length + d[kind].spurious.length + d[kind].missed.length, 0);
        expect(shown[kind] ?? 0, kind).toBe(expected);
      }
      expect(shown.targets).toBeGreaterThanOrEqual(summary.totals.targets.score.tp);
      expect(await tab.locator('main mark.s-missed').count()).toBeGreaterThan(0);
      expect(await tab.locator('#metrics table').count()).toBe(KINDS.filter((k) => summary.totals[k].documents).length);

      // The press conference shows most kinds: click its first target with a wrong field.
      const doc = tab.locator('section.doc', { has: tab.locator('h2', { hasText: 'shandong' }) });
      const mark = doc.locator('.text mark.k-targets.s-wrong').first();
      const text = await mark.textContent();
      await mark.click();
      const panel = tab.locator('#panel');
      await expect.poll(() => panel.textContent()).toContain(`targets · wrong: ${text}`);
      expect(await panel.locator('tr.err').count()).toBeGreaterThan(0);
      expect(await panel.locator('th', { hasText: /^unit$/ }).count()).toBe(1);
      expect(await tab.locator('mark.sel').count()).toBeGreaterThan(0);
      // The picture: the clicked target at the bottom, the speakers' turns above it.
      await mark.evaluate((m) => m.scrollIntoView({ block: 'end' }));
      const shot = join(ROOT, 'out', 'report.png');
      await tab.screenshot({ path: shot });
      expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');

      expect(errors).toEqual([]);
      expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
