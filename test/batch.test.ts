// The batch machinery below the CLI: ordered concurrency, the worker pool
// (same results as in-process, order included), CSV tables read off the
// schemas, the streamed JSON array, and atomic files.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mapOrdered } from '../src/batch/ordered.js';
import { BatchPool } from '../src/batch/pool.js';
import { runTask, type Outcome } from '../src/batch/task.js';
import { cell, CsvTableWriter, deriveTables, TABLES, tableCsv } from '../src/export/csv.js';
import { Extracted, fileNameOf, openSink } from '../src/export/sinks.js';
import { AtomicFile, abortPending, writeAtomic } from '../src/export/write.js';
import { extract, ExtractionResultSchema, type ExtractionResult } from '../src/index.js';

const ROOT = join(import.meta.dirname, '..');
const SEEDS = join(ROOT, 'seeds');
const TMP = mkdtempSync(join(tmpdir(), 'zhextract-batch-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEEDS, f));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('mapOrdered', () => {
  it('yields in input order whatever order tasks finish in, never running more than asked', async () => {
    let running = 0;
    let most = 0;
    const delays = [30, 1, 20, 5, 0, 25, 3, 10, 0, 15];
    const out: number[] = [];
    for await (const r of mapOrdered(delays.keys(), async (i) => {
      most = Math.max(most, ++running);
      await sleep(delays[i]!);
      running--;
      return i * 10;
    }, 3))
      out.push(r);
    expect(out).toEqual(delays.map((_, i) => i * 10));
    expect(most).toBe(3);
  });

  it('holds at most `window` results behind a slow first task (bounded memory)', async () => {
    let started = 0;
    const gen = mapOrdered(
      (function* () {
        for (let i = 0; i < 100; i++) yield i;
      })(),
      async (i) => {
        started++;
        await sleep(i === 0 ? 50 : 0);
        return i;
      },
      4,
      8,
    );
    const first = await gen.next();
    expect(first.value).toBe(0);
    expect(started).toBeLessThanOrEqual(9); // the slow one plus the window
    const rest: number[] = [];
    for await (const r of gen) rest.push(r);
    expect(rest).toEqual([...Array(99).keys()].map((i) => i + 1));
  });

  it('reads an async source lazily and handles an empty one', async () => {
    async function* none() {}
    const out: unknown[] = [];
    for await (const r of mapOrdered(none(), async (x) => x, 2)) out.push(r);
    expect(out).toEqual([]);
  });
});

describe('runTask', () => {
  it('reads, extracts and serializes a file: the same JSON as extract() in-process', () => {
    const path = seedFiles[0]!;
    const o = runTask({ kind: 'file', path }) as Extract<Outcome, { ok: true }>;
    const expected = extract(readFileSync(path, 'utf8'), { id: 'chizhou-2023-work-report' });
    expect(o.ok).toBe(true);
    expect(o.json).toBe(JSON.stringify(expected));
    expect(o.bytes).toBe(readFileSync(path).length);
    expect(o.counts['targets']).toBe(expected.targets.length);
  });
  it('reports what cannot be read or extracted, never throws', () => {
    expect(runTask({ kind: 'file', path: join(TMP, 'missing.txt') })).toEqual({ ok: false, path: join(TMP, 'missing.txt'), bytes: 0, reason: 'no such file (ENOENT)' });
    expect(runTask({ kind: 'text', path: '<stdin>:1', id: 'x', text: 'a\u0000b' })).toMatchObject({ ok: false, reason: 'InputError: input contains NUL bytes: binary data, not text' });
  });
});

describe('BatchPool (worker threads)', () => {
  it('gives byte-identical outcomes to in-process runs, in input order, with 1 and 3 threads', { timeout: 240_000 }, async () => {
    const tasks = [...seedFiles, join(TMP, 'missing.txt'), ...seedFiles.slice(0, 2)].map((path) => ({ kind: 'file' as const, path }));
    const inline = tasks.map(runTask);
    for (const jobs of [1, 3]) {
      const pool = new BatchPool(jobs, 600_000);
      try {
        const out: Outcome[] = [];
        for await (const o of mapOrdered(tasks, (t) => pool.run(t), 2 * jobs)) out.push(o);
        expect(out).toEqual(inline);
      } finally {
        await pool.destroy();
      }
    }
  });

  it('stops a document that runs past the timeout, reports it, and goes on with a fresh worker', { timeout: 240_000 }, async () => {
    // A long sentence full of quantities: the extractor is quadratic on it (see the issue report), minutes of work.
    const slow = '三个'.repeat(50_000);
    const pool = new BatchPool(1, 2_000);
    try {
      const out: Outcome[] = [];
      const tasks = [
        { kind: 'text' as const, path: '<stdin>:1', id: 'slow', text: slow },
        { kind: 'text' as const, path: '<stdin>:2', id: 'ok', text: '新增养老床位3万张。' },
      ];
      for await (const o of mapOrdered(tasks, (t) => pool.run(t), 2)) out.push(o);
      expect(out[0]).toEqual({ ok: false, path: '<stdin>:1', bytes: 0, reason: 'timed out after 2 s (see --timeout); the document was skipped' });
      expect(out[1]).toEqual(runTask(tasks[1]!));
    } finally {
      await pool.destroy();
    }
  });
});

describe('CSV tables from the schemas', () => {
  it('one table per record kind plus documents, columns = doc_id + the schema fields in order', () => {
    const arrays = Object.entries(ExtractionResultSchema.shape).filter(([, s]) => s instanceof z.ZodArray);
    expect(TABLES.map((t) => t.name)).toEqual(['documents', ...arrays.map(([k]) => k)]);
    expect(TABLES.map((t) => t.name)).toEqual(expect.arrayContaining(['targets', 'speakers', 'turns', 'bodies', 'responsibilities', 'actions']));
    for (const [key, s] of arrays) {
      const fields = Object.keys(((s as z.ZodArray).element as z.ZodObject).shape);
      expect(TABLES.find((t) => t.name === key)!.columns).toEqual(['doc_id', ...fields]);
    }
    const docFields = Object.keys(ExtractionResultSchema.shape.document.shape).filter((f) => f !== 'id');
    expect(TABLES[0]!.columns).toEqual(['doc_id', ...docFields]);
  });

  it('a field or a record kind added to a schema appears without touching the exporter', () => {
    const wider = ExtractionResultSchema.extend({
      targets: z.array(ExtractionResultSchema.shape.targets.element.extend({ confidence: z.number() })),
      events: z.array(z.object({ id: z.string(), when: z.string().nullable() })).optional(),
    });
    const tables = deriveTables(wider);
    expect(tables.find((t) => t.name === 'targets')!.columns.at(-1)).toBe('confidence');
    expect(tables.find((t) => t.name === 'events')!.columns).toEqual(['doc_id', 'id', 'when']);
  });

  it('exact output: null empty, arrays and objects as JSON, quoting by RFC 4180, BOM on request', async () => {
    const schema = z.object({
      document: z.object({ id: z.string(), title: z.string().nullable() }),
      things: z.array(z.object({ id: z.string(), tags: z.array(z.string()), at: z.object({ start: z.number() }), n: z.number().nullable(), s: z.string() })),
    });
    const tables = deriveTables(schema);
    const results = [
      { document: { id: 'd1', title: null }, things: [{ id: 'x1', tags: ['国务院', '省政府'], at: { start: 3 }, n: null, s: 'a,"b"\nc' }] },
      { document: { id: 'd2', title: '报告' }, things: [] },
    ];
    expect(await tableCsv(results, 'things', false, tables)).toBe(
      'doc_id,id,tags,at,n,s\nd1,x1,"[""国务院"",""省政府""]","{""start"":3}",,"a,""b""\nc"\n',
    );
    expect(await tableCsv(results, 'documents', true, tables)).toBe('\uFEFFdoc_id,title\nd1,\nd2,报告\n');
    expect(await tableCsv([], 'things', true, tables)).toBe('\uFEFFdoc_id,id,tags,at,n,s\n');
    expect([cell(null), cell(undefined), cell(0), cell(-2.5), cell(true), cell([]), cell('x')]).toEqual(['', '', '0', '-2.5', 'true', '[]', 'x']);
  });

  it('streams a table (header even without rows, BOM even then)', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (b) => (text += b));
    const w = new CsvTableWriter(TABLES.find((t) => t.name === 'turns')!, out, true);
    await w.end();
    expect(text).toBe('\uFEFF' + TABLES.find((t) => t.name === 'turns')!.columns.join(',') + '\n');
  });
});

describe('sinks', () => {
  const results: ExtractionResult[] = [extract('新增养老床位3万张。', { id: 'a' }), extract('增长10%以上。', { id: 'b/c' })];
  const collect = async (format: 'json' | 'jsonl', rs: ExtractionResult[]) => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (b) => (text += b));
    const sink = openSink({ format, stdout: out });
    for (const r of rs) await sink.write(new Extracted(JSON.stringify(r)));
    await sink.close();
    return text;
  };
  it('the streamed JSON array is byte for byte JSON.stringify(results, null, 2)', async () => {
    for (const rs of [[], results.slice(0, 1), results]) expect(await collect('json', rs)).toBe(JSON.stringify(rs, null, 2) + '\n');
  });
  it('JSON Lines: one compact result per line', async () => {
    expect(await collect('jsonl', results)).toBe(results.map((r) => JSON.stringify(r) + '\n').join(''));
  });
  it('json --out: <id>.json per document, ids made safe as file names, a repeated id refused', async () => {
    const dir = join(TMP, 'json-out');
    const sink = openSink({ format: 'json', out: dir });
    for (const r of results) await sink.write(new Extracted(JSON.stringify(r)));
    await expect(sink.write(new Extracted(JSON.stringify(results[0])))).rejects.toThrow('another document already wrote a.json');
    await sink.close();
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'b_c.json']);
    expect(readFileSync(join(dir, 'b_c.json'), 'utf8')).toBe(JSON.stringify(results[1], null, 2) + '\n');
    expect([fileNameOf('..'), fileNameOf(''), fileNameOf('a:b*c')]).toEqual(['_..', '_', 'a_b_c']);
  });
});

describe('atomic files', () => {
  it('a streamed file appears under its name only on commit; abort leaves nothing', async () => {
    const path = join(TMP, 'atomic', 'table.csv');
    const f = new AtomicFile(path);
    f.stream.write('half');
    expect(existsSync(path)).toBe(false);
    await f.commit();
    expect(readFileSync(path, 'utf8')).toBe('half');
    const g = new AtomicFile(join(TMP, 'atomic', 'other.csv'));
    g.stream.write('x');
    abortPending();
    expect(readdirSync(join(TMP, 'atomic'))).toEqual(['table.csv']);
  });
  it('writeAtomic replaces a file whole', () => {
    const path = join(TMP, 'atomic', 'whole.json');
    writeFileSync(path, 'old');
    writeAtomic(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(join(TMP, 'atomic')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
