// Packaging: the tarball `npm pack` makes installs into an empty project and
// works there — the library with its types, the CLI, and the CLI's worker
// threads (the worker file must be in the package). Needs the npm registry
// for the dependencies; nodejieba compiles from source (~20 s or more).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const TMP = mkdtempSync(join(tmpdir(), 'zhextract-pack-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const npmEnv = { ...process.env, npm_config_yes: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

describe('npm pack', () => {
  it('installs into an empty project: typed import, npx zhextract --help, extraction through worker threads', { timeout: 600_000 }, () => {
    // --ignore-scripts: dist/ was built by `npm test`; rebuilding it here would race the other test files using it.
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', TMP], { cwd: ROOT, env: npmEnv, encoding: 'utf8' })) as {
      filename: string;
      files: { path: string }[];
    }[];
    const files = packed[0]!.files.map((f) => f.path);
    for (const needed of ['package.json', 'README.md', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/cli.js', 'dist/src/batch/worker.js', 'rules/units.yaml'])
      expect(files).toContain(needed);
    expect(files.filter((f) => /^(src|test|bench|seeds|fixtures)\//.test(f))).toEqual([]);

    const project = join(TMP, 'project');
    execFileSync('mkdir', ['-p', project]);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
    writeFileSync(join(project, '.npmrc'), 'yes=true\n');
    execFileSync('npm', ['install', join(TMP, packed[0]!.filename)], { cwd: project, env: npmEnv, stdio: 'pipe' });

    // Types: a strict project compiles against the package's .d.ts; a wrong call is an error (so the types are not `any`).
    writeFileSync(
      join(project, 'use.ts'),
      [
        "import { extract, type ExtractionResult, type Target } from 'zhextract';",
        "const result: ExtractionResult = extract('新增护理型养老床位3万张。', { id: 'demo' });",
        'const first: Target | undefined = result.targets[0];',
        'const value: number | undefined = first?.value;',
        '// @ts-expect-error extract() takes a string',
        'extract(42);',
        'console.log(value);',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, types: [] }, files: ['use.ts'] }),
    );
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], { cwd: project, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);

    // Runtime: the import works from node_modules (rules/ found next to the package).
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', "import { extract } from 'zhextract'; const t = extract('新增护理型养老床位3万张。').targets[0]; console.log(t.text, t.value, t.unit);"], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(run.stdout).toBe('3万张 30000 张\n');

    const help = spawnSync('npx', ['zhextract', '--help'], { cwd: project, env: npmEnv, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: zhextract');
    expect(help.stdout).toContain('extract');

    // The installed CLI streams through its worker pool.
    const line = JSON.stringify({ id: 'x', text: '全社会研发经费投入增长10%以上。' }) + '\n';
    const cli = spawnSync('npx', ['zhextract', 'extract', '-', '--jobs', '2'], { cwd: project, env: npmEnv, input: line, encoding: 'utf8' });
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout).targets.map((t: { text: string }) => t.text)).toEqual(['10%以上']);
  });
});
