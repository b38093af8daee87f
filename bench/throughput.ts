// `npm run bench`: how fast is zhextract, measured against the tokenizer it
// is built on, on this machine, in one run. Prints a table and writes
// bench/RESULTS.md.
//
//   1. Throughput (MB/s of UTF-8 input) of extract() over the seed corpus
//      repeated to ≥ 3 MB, next to nodejieba's own cut and tag over the same
//      documents in the same process, and the ratio extract / tag.
//   2. The CLI with --jobs 2 against --jobs 1 on the same files (wall clock,
//      start-up included), and that both wrote the same bytes. The files are
//      an archive-sized corpus (ARCHIVE_MB of the seeds repeated), since the
//      start-up each run pays once (~2 s: the dictionary) would dominate a
//      3 MB run as it does not a data team's archive. Next to it, the
//      machine's own ceiling: two extract() processes at once against one.
//   3. Peak RSS of `zhextract extract -` streaming 1,000 and 10,000 documents:
//      streaming means the peak does not grow with the number of documents.
//   4. Start-up: time to the first result for one small document.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, openSync, closeSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../src/extract.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');
const DATA = join(ROOT, 'bench', 'data'); // git-ignored scratch space
const ROUNDS = 3;
const MB = 1e6;
const ARCHIVE_MB = 12;

interface Jieba {
  cut(s: string): string[];
  tag(s: string): unknown[];
}
// The same module instance extract() uses, so the same dictionary (user words included).
const jieba = createRequire(import.meta.url)('nodejieba') as Jieba;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (x: number, d = 2) => x.toFixed(d);

function seeds(): { id: string; text: string }[] {
  const dir = join(ROOT, 'seeds');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f.replace(/\.txt$/, ''), text: readFileSync(join(dir, f), 'utf8') }));
}

/** The seeds repeated until the corpus holds at least `bytes` of UTF-8. */
function corpus(bytes: number): { id: string; text: string }[] {
  const base = seeds();
  const out: { id: string; text: string }[] = [];
  let total = 0;
  for (let copy = 1; total < bytes; copy++)
    for (const d of base) {
      // Copy number first: sorted by name, no file follows an identical one.
      out.push({ id: `${String(copy).padStart(4, '0')}-${d.id}`, text: d.text });
      total += Buffer.byteLength(d.text);
    }
  return out;
}

function timeIt(fn: () => void): number {
  const t = performance.now();
  fn();
  return (performance.now() - t) / 1000;
}

interface RunResult {
  seconds: number;
  firstOutput: number;
  maxRssMb: number | null;
  stdoutHash: string;
  status: number | null;
}

/** Runs the CLI; stdin from a file; times the whole run and the first byte of stdout; peak RSS via an --import hook. */
function runCli(args: string[], stdinFile?: string): Promise<RunResult> {
  const rssFile = join(DATA, `rss-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
  const hook = join(DATA, 'rss-hook.mjs');
  return new Promise((resolve, reject) => {
    const stdin = stdinFile ? openSync(stdinFile, 'r') : 'ignore';
    const t = performance.now();
    let first = 0;
    const hash = createHash('sha1');
    const child = spawn(process.execPath, ['--import', `file://${hook}`, CLI, ...args], {
      stdio: [stdin, 'pipe', 'pipe'],
      env: { ...process.env, ZX_RSS_FILE: rssFile },
    });
    if (typeof stdin === 'number') closeSync(stdin);
    let stderr = '';
    child.stdout!.on('data', (b: Buffer) => {
      if (!first) first = performance.now();
      hash.update(b);
    });
    child.stderr!.on('data', (b: Buffer) => (stderr += b));
    child.on('error', reject);
    child.on('close', (status) => {
      const seconds = (performance.now() - t) / 1000;
      if (status !== 0) return reject(new Error(`zhextract ${args.join(' ')} exited ${status}: ${stderr}`));
      const rss = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : null;
      rmSync(rssFile, { force: true });
      resolve({ seconds, firstOutput: first ? (first - t) / 1000 : seconds, maxRssMb: rss, stdoutHash: hash.digest('hex'), status });
    });
  });
}

/** Seconds a fresh process takes to extract() the first `count` files of `dir`, after loading the dictionary. */
function extractProcess(dir: string, count: number): Promise<number> {
  const code = `
    import { readdirSync, readFileSync } from 'node:fs';
    const { extract } = await import(${JSON.stringify(join(ROOT, 'dist', 'src', 'extract.js'))});
    const files = readdirSync(process.argv[1]).sort().slice(0, Number(process.argv[2])).map((f) => process.argv[1] + '/' + f);
    extract('预热：新增2个。');
    const t = performance.now();
    for (const f of files) extract(readFileSync(f, 'utf8'));
    console.log((performance.now() - t) / 1000);`;
  return new Promise((resolve, reject) => {
    let out = '';
    const child = spawn(process.execPath, ['--input-type=module', '-e', code, dir, String(count)], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout!.on('data', (b: Buffer) => (out += b));
    child.on('error', reject);
    child.on('close', (status) => (status === 0 ? resolve(Number(out)) : reject(new Error(`extract process exited ${status}`))));
  });
}

async function main() {
  rmSync(DATA, { recursive: true, force: true });
  mkdirSync(DATA, { recursive: true });
  // process.resourceUsage().maxRSS covers the whole process, worker threads included.
  writeFileSync(
    join(DATA, 'rss-hook.mjs'),
    "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { if (process.env.ZX_RSS_FILE) writeFileSync(process.env.ZX_RSS_FILE, String(process.resourceUsage().maxRSS)); });\n",
  );
  const loadBefore = loadavg()[0]!;
  const rows: [string, string][] = [];
  const say = (k: string, v: string) => {
    rows.push([k, v]);
    console.log(`${k.padEnd(48)} ${v}`);
  };

  // 1. In-process throughput, dictionary already loaded (start-up is measured in 4).
  const docs = corpus(3 * MB);
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  extract(docs[0]!.text, { id: 'warm-up' });
  jieba.tag(docs[0]!.text);
  jieba.cut(docs[0]!.text);
  const times: Record<'cut' | 'tag' | 'extract', number[]> = { cut: [], tag: [], extract: [] };
  for (let r = 0; r < ROUNDS; r++) {
    // Interleaved rounds, so a noisy neighbour hurts all three alike.
    times.cut.push(timeIt(() => docs.forEach((d) => jieba.cut(d.text))));
    times.tag.push(timeIt(() => docs.forEach((d) => jieba.tag(d.text))));
    times.extract.push(timeIt(() => docs.forEach((d) => extract(d.text, { id: d.id }))));
  }
  const speed = (k: keyof typeof times) => bytes / MB / median(times[k]);
  say('corpus', `${docs.length} documents, ${fmt(bytes / MB)} MB (seeds repeated), median of ${ROUNDS} rounds`);
  say('nodejieba cut', `${fmt(speed('cut'))} MB/s`);
  say('nodejieba tag', `${fmt(speed('tag'))} MB/s`);
  say('zhextract extract()', `${fmt(speed('extract'))} MB/s`);
  say('extract / tag', `${fmt(speed('extract') / speed('tag'))}× (goal ≥ 0.5×)`);

  // 2. The CLI on files, --jobs 1 against --jobs 2, over an archive-sized corpus.
  const archive = corpus(ARCHIVE_MB * MB);
  const archiveBytes = archive.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  const dir = join(DATA, 'corpus');
  mkdirSync(dir);
  for (const d of archive) writeFileSync(join(dir, `${d.id}.txt`), d.text);
  say('CLI corpus', `${archive.length} files, ${fmt(archiveBytes / MB)} MB (seeds repeated), median of ${ROUNDS} rounds`);
  // Alternating runs, median of three: the machine may be shared, and a neighbour's burst should hit both alike.
  const runs: Record<'1' | '2', RunResult[]> = { '1': [], '2': [] };
  for (let r = 0; r < ROUNDS; r++)
    for (const jobs of ['1', '2'] as const) runs[jobs].push(await runCli(['extract', dir, '--format', 'jsonl', '--jobs', jobs]));
  const wall = (j: '1' | '2') => median(runs[j].map((x) => x.seconds));
  // After the first result: the workers are up, so this is the part that more threads can speed up.
  const steady = (j: '1' | '2') => median(runs[j].map((x) => x.seconds - x.firstOutput));
  say('CLI --jobs 1 (wall, start-up included)', `${fmt(wall('1'))} s, ${fmt(archiveBytes / MB / wall('1'))} MB/s`);
  say('CLI --jobs 2 (wall, start-up included)', `${fmt(wall('2'))} s, ${fmt(archiveBytes / MB / wall('2'))} MB/s`);
  say('--jobs 2 speed-up, wall clock', `${fmt(wall('1') / wall('2'))}× (goal ≥ 1.7×; ${cpus().length} cores)`);
  say('--jobs 2 speed-up, after the first result', `${fmt(steady('1') / steady('2'))}× (${fmt(steady('1'))} s → ${fmt(steady('2'))} s)`);
  const hashes = new Set([...runs['1'], ...runs['2']].map((x) => x.stdoutHash));
  say('--jobs 2 output identical to --jobs 1', hashes.size === 1 ? 'yes (all runs, byte for byte)' : 'NO');
  // What two cores give at best here: extract() over the first 3 MB in two processes at once, no pool, no output.
  const alone: number[] = [];
  const paired: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    alone.push(await extractProcess(dir, docs.length));
    paired.push(...(await Promise.all([extractProcess(dir, docs.length), extractProcess(dir, docs.length)])));
  }
  say('two extract() processes at once vs one', `${fmt((2 * median(alone)) / median(paired))}× the throughput (the ceiling for --jobs 2 on this machine)`);

  // 3. Memory through the stream: small documents (one seed paragraph each) as JSON Lines.
  const paragraphs = seeds().flatMap((d) => d.text.split('\n').filter((p) => p.trim().length >= 20));
  const peaks: Record<number, number> = {};
  for (const n of [1, 1000, 10000]) {
    const file = join(DATA, `stream-${n}.jsonl`);
    let jsonl = '';
    for (let i = 0; i < n; i++) jsonl += JSON.stringify({ id: `d${i}`, text: paragraphs[i % paragraphs.length] }) + '\n';
    writeFileSync(file, jsonl);
    const r = await runCli(['extract', '-'], file);
    peaks[n] = r.maxRssMb ?? NaN;
    say(`stream ${n} documents (${fmt(Buffer.byteLength(jsonl) / MB)} MB)`, `peak RSS ${fmt(peaks[n]!, 0)} MB, ${fmt(r.seconds)} s`);
  }
  say('RSS growth 1,000 → 10,000 documents', `${fmt(peaks[10000]! - peaks[1000]!, 0)} MB (goal < 50 MB)`);

  // 4. Start-up: one small file, time to its first byte on stdout (median of 3).
  const small = join(DATA, 'small.txt');
  writeFileSync(small, '力争2022年全社会研发经费投入增长10%以上，新增护理型养老床位3万张。\n');
  const starts: number[] = [];
  for (let i = 0; i < 3; i++) starts.push((await runCli(['extract', small, '--format', 'jsonl'])).firstOutput);
  say('start-up: first result, one small document', `${fmt(median(starts))} s (dictionary load included)`);

  // Other work on the machine skews every figure, the --jobs comparison most: say how busy it was.
  say('load average (1 min) before / after', `${fmt(loadBefore)} / ${fmt(loadavg()[0]!)} on ${cpus().length} cores`);
  const when = new Date().toISOString().slice(0, 10);
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${fmt(totalmem() / 2 ** 30, 0)} GB, Node ${process.version}`;
  const md = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (bench/throughput.ts) on ${when}: ${machine}.`,
    'MB are 10^6 bytes of UTF-8 input. Figures vary with the load on the machine; rerun to compare.',
    `The CLI rows run \`zhextract extract DIR --format jsonl --jobs N\` over ${ARCHIVE_MB} MB of the seeds repeated (an archive, not one`,
    'document: start-up, ~2 s, is paid once per run and included in the wall clock). "Two extract() processes at once" runs the',
    'in-process rows\' 3 MB in two processes side by side: what two cores of this machine give at best, with no pool and no output.',
    '',
    '| measure | result |',
    '|---|---|',
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
    '',
  ].join('\n');
  writeFileSync(join(ROOT, 'bench', 'RESULTS.md'), md);
  console.log('\nwrote bench/RESULTS.md');
  rmSync(DATA, { recursive: true, force: true });
}

await main();
