// Property: every record's offsets slice back to its text, on every seed
// document and on generated inputs, and every result passes the schema.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract, ExtractionResultSchema } from '../src/index.js';

const SEEDS = join(import.meta.dirname, '..', 'seeds');

function checkOffsets(input: string) {
  const result = extract(input);
  ExtractionResultSchema.parse(result);
  for (const t of result.targets) {
    expect(input.slice(t.start, t.end)).toBe(t.text);
    expect(t.start).toBeLessThan(t.end);
    expect(t.sentence.length).toBeGreaterThan(0);
  }
  return result;
}

describe('offsets', () => {
  for (const file of readdirSync(SEEDS).filter((f) => f.endsWith('.txt'))) {
    it(`slice back on ${file}`, () => {
      const text = readFileSync(join(SEEDS, file), 'utf8');
      const result = checkOffsets(text);
      expect(result.document.chars).toBe(text.length);
      expect(result.targets.length).toBeGreaterThan(0);
    });
  }

  // Fragments of policy prose recombined at random, with noise between them.
  const fragments = [
    '增长10%以上', '达到6.3万亿元', '新增3万张', '１２％', '3—5家', '三到五家', '120、350万千瓦', '百分之十二点五',
    '2022年', '1-2月', '“三个十大”', '第一', '一批', '，', '。', '\n', '　', '\r\n', '约3000万人', '1,055个', '负2%',
    '壹佰贰拾万元', '力争', '去年', '实施500万元以上技改项目10000个', '（十）', '5G', '十几个', '😀', 'abc',
  ];
  it('slice back on generated text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 4 })), { maxLength: 30 }), (parts) => {
        checkOffsets(parts.join(''));
      }),
      { numRuns: 300 },
    );
  });
});
