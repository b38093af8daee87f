// Bad input: every encoding we accept decodes to the same text, everything
// else is reported with its path and reason, and the extractor stays linear
// (finishes) on adversarial text.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { byteLines, decodeBytes, DocumentError, expandInputs, parseJsonLine, readDocumentFile } from '../src/input.js';

const TMP = mkdtempSync(join(tmpdir(), 'zhextract-input-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const TEXT = '力争2022年全社会研发经费投入增长10%以上，新增护理型养老床位3万张。\n第二行：𠮷€。\n';
const utf8 = (s: string) => Buffer.from(s, 'utf8');
const reason = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DocumentError) return e.reason;
    throw e;
  }
  throw new Error('expected a DocumentError');
};

describe('decodeBytes: encodings that decode', () => {
  it.each([
    ['UTF-8', utf8(TEXT), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(TEXT)]), 'utf-8'],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]), 'utf-16le'],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEXT, 'utf16le').swap16()]), 'utf-16be'],
    ['GB18030 (4-byte 𠮷 and €)', iconv.encode(TEXT, 'gb18030'), 'gb18030'],
  ])('%s', (_, bytes, encoding) => {
    expect(decodeBytes(bytes, 'x.txt')).toEqual({ text: TEXT, encoding });
  });

  it('GBK / GB2312 text (a subset of GB18030)', () => {
    const gbk = '国务院关于加快推进农业机械化的指导意见，到2025年达到75%。';
    expect(decodeBytes(iconv.encode(gbk, 'gbk'), 'g.txt')).toEqual({ text: gbk, encoding: 'gb18030' });
  });

  it('the decoded text extracts the same records whatever the encoding', () => {
    const a = extract(decodeBytes(utf8(TEXT), 'a').text);
    const b = extract(decodeBytes(iconv.encode(TEXT, 'gb18030'), 'b').text);
    expect(b.targets).toEqual(a.targets);
    expect(a.targets.map((t) => t.text)).toEqual(['10%以上', '3万张']);
  });
});

describe('decodeBytes: reported, never replaced', () => {
  it.each([
    ['empty', Buffer.alloc(0), 'empty file'],
    ['a BOM and nothing else', Buffer.from([0xef, 0xbb, 0xbf]), 'empty file (only a byte-order mark)'],
    ['NUL bytes', Buffer.from('PK\u0003\u0004\u0000\u0000abc'), 'binary file (contains NUL bytes; UTF-16 text needs a byte-order mark)'],
    ['UTF-16 without a BOM', Buffer.from('abc', 'utf16le'), 'binary file (contains NUL bytes; UTF-16 text needs a byte-order mark)'],
    ['control characters', Buffer.from('\u0001\u0002\u0003\u0004\u0005abc'), 'binary file (mostly control characters)'],
    ['UTF-16 decoding to NUL', Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0x00]), 'binary file (contains NUL characters)'],
    // UTF-8 prose with one stray byte: damaged UTF-8, not GB18030 mojibake.
    ['one bad byte in UTF-8', Buffer.concat([utf8('第一行增长10%。\n第二'), Buffer.from([0xff]), utf8('行。')]), 'undecodable UTF-8 at byte 28 (line 2)'],
    ['a truncated UTF-8 character at the end', Buffer.concat([utf8('增长10%。'.repeat(3)), utf8('中').subarray(0, 2)]), 'undecodable UTF-8 at byte 36 (line 1)'],
    ['bad UTF-8 after a UTF-8 BOM', Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xc3, 0x28]), 'undecodable UTF-8 at byte 4 (line 1)'],
    ['Latin-1', Buffer.from('caf\u00e9 au lait', 'latin1'), 'undecodable bytes at byte 3 (line 1) (neither UTF-8 nor GB18030)'],
    ['UTF-16 LE with an odd byte', Buffer.from([0xff, 0xfe, 0x2d, 0x4e, 0x41]), 'undecodable UTF-16LE at byte 4 (line 1)'],
    ['UTF-16 LE with a lone surrogate', Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41, 0x00]), 'undecodable UTF-16LE at byte 4 (line 1)'],
  ])('%s', (_, bytes, expected) => {
    expect(reason(() => decodeBytes(bytes, 'x.txt'))).toBe(expected);
  });
});

describe('readDocumentFile', () => {
  const dir = join(TMP, 'files');
  mkdirSync(dir);
  writeFileSync(join(dir, 'ok.txt'), iconv.encode(TEXT, 'gb18030'));
  mkdirSync(join(dir, 'folder.txt'));
  symlinkSync('loop-b.txt', join(dir, 'loop-a.txt'));
  symlinkSync('loop-a.txt', join(dir, 'loop-b.txt'));

  it('reads, decodes and names a document', () => {
    const d = readDocumentFile(join(dir, 'ok.txt'));
    expect({ id: d.id, text: d.text, encoding: d.encoding }).toEqual({ id: 'ok', text: TEXT, encoding: 'gb18030' });
  });
  it.each([
    ['a directory named like a file', 'folder.txt', 'is a directory'],
    ['a missing file', 'missing.txt', 'no such file (ENOENT)'],
    ['a symbolic-link loop', 'loop-a.txt', 'too many symbolic links (ELOOP)'],
  ])('%s', (_, name, expected) => {
    expect(reason(() => readDocumentFile(join(dir, name)))).toBe(expected);
  });
  it('a FIFO is not read (it could block forever)', () => {
    const fifo = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    expect(reason(() => readDocumentFile(fifo))).toBe('not a regular file');
  });
  it('a device such as /dev/zero is not read (it never ends)', () => {
    expect(reason(() => readDocumentFile('/dev/zero'))).toBe('not a regular file');
  });
  it.skipIf(process.getuid?.() === 0)('an unreadable file (not testable as root)', () => {
    const f = join(dir, 'secret.txt');
    writeFileSync(f, 'x');
    chmodSync(f, 0);
    expect(reason(() => readDocumentFile(f))).toBe('permission denied (EACCES)');
  });
});

describe('expandInputs', () => {
  const dir = join(TMP, 'tree');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  for (const f of ['b.txt', 'a.txt', 'notes.md', 'sub/c.txt']) writeFileSync(join(dir, f), '文');
  mkdirSync(join(dir, 'd.txt'));

  it('a directory stands for its .txt entries, sorted, a directory named *.txt included (to be reported)', () => {
    expect(expandInputs([dir])).toEqual(['a.txt', 'b.txt', 'd.txt'].map((f) => join(dir, f)));
  });
  it('patterns match files, sorted; a path named twice is read once; order of arguments is kept', () => {
    expect(expandInputs([join(dir, 'sub', 'c.txt'), `${dir}/**/*.txt`, join(dir, 'a.txt')])).toEqual(
      [join(dir, 'sub', 'c.txt'), join(dir, 'a.txt'), join(dir, 'b.txt')],
    );
  });
  it('a pattern that matches nothing stays, to be reported when read', () => {
    expect(expandInputs([`${dir}/*.doc`])).toEqual([`${dir}/*.doc`]);
  });
});

describe('JSON Lines', () => {
  it('parses {"id","text"}; a numeric id becomes a string; a missing id is the line number', () => {
    expect(parseJsonLine(utf8('{"id":"a","text":"增长10%。"}'), 1)).toEqual({ id: 'a', path: '<stdin>:1', text: '增长10%。' });
    expect(parseJsonLine(utf8('{"id":7,"text":"x"}'), 2).id).toBe('7');
    expect(parseJsonLine(utf8('\ufeff{"text":"x"}'), 3).id).toBe('3');
  });
  it.each([
    ['{"id":"a"}', '"text" must be a string'],
    ['{"id":{},"text":"x"}', '"id" must be a string or a number'],
    ['[1,2]', 'not a JSON object'],
    ['"text"', 'not a JSON object'],
  ])('rejects %s', (line, expected) => {
    expect(reason(() => parseJsonLine(utf8(line), 4))).toBe(expected);
  });
  it('rejects invalid JSON and undecodable bytes, naming the line', () => {
    expect(reason(() => parseJsonLine(utf8('{"text":'), 5))).toMatch(/^not JSON: /);
    expect(reason(() => parseJsonLine(Buffer.from([0x7b, 0xff, 0x7d]), 6))).toBe('undecodable UTF-8 at byte 1 (line 1) of the line');
  });
  it('byteLines splits on \\n across chunk boundaries, drops \\r, keeps a last line without \\n', async () => {
    async function* chunks() {
      yield utf8('{"a":1}\r\n{"b"');
      yield utf8(':2}\n\n中');
      yield Buffer.from([0xe6, 0x96]); // 文 split across chunks
      yield Buffer.from([0x87]);
    }
    const lines: string[] = [];
    for await (const l of byteLines(chunks())) lines.push(Buffer.from(l).toString('utf8'));
    expect(lines).toEqual(['{"a":1}', '{"b":2}', '', '中文']);
  });
});

// The extractor must finish on adversarial text: no backtracking pattern, no
// quadratic scan. Generous per-test timeouts; no wall-clock assertions.
describe('adversarial inputs finish', () => {
  const cases: [string, () => string][] = [
    ['a line of a million digits', () => '1'.repeat(1_000_000)],
    ['a million digits with thousands separators', () => '1,000'.repeat(200_000)],
    ['100,000 nested book-title marks', () => '《'.repeat(100_000) + '》'.repeat(100_000)],
    ['100,000 nested quotes', () => '“'.repeat(100_000) + '”'.repeat(100_000)],
    ['100,000 nested parentheses around a number', () => '（'.repeat(100_000) + '增长10%' + '）'.repeat(100_000)],
    ['100,000 nested square brackets', () => '['.repeat(100_000) + ']'.repeat(100_000)],
    ['a million Chinese numerals in one run', () => '一二三四五六七八九十'.repeat(100_000)],
    ['half a million 百分之 prefixes', () => '百分之'.repeat(150_000)],
    ['a million characters without punctuation', () => '中国'.repeat(500_000)],
  ];
  for (const [name, make] of cases)
    it(name, { timeout: 180_000 }, () => {
      const text = make();
      const r = extract(text);
      expect(r.document.chars).toBe(text.length);
      for (const t of r.targets) expect(text.slice(t.start, t.end)).toBe(t.text);
    });
});
