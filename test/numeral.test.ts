// The numeral corpus: one value, all its surface forms (Duckling's Corpus.hs style).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseNumeral } from '../src/numeral.js';

const corpus: [number, string[]][] = [
  [0, ['0', '零', '〇']],
  [1, ['1', '一', '壹']],
  [2, ['2', '二', '两', '贰']],
  [3, ['3', '三', '叁']],
  [4, ['4', '四', '肆']],
  [5, ['5', '五', '伍']],
  [6, ['6', '六', '陆']],
  [7, ['7', '七', '柒']],
  [8, ['8', '八', '捌']],
  [9, ['9', '九', '玖']],
  [10, ['10', '十', '一十', '拾', '壹拾']],
  [11, ['11', '十一', '一十一', '拾壹']],
  [12, ['12', '十二', '拾贰']],
  [15, ['15', '十五']],
  [19, ['19', '十九']],
  [20, ['20', '二十', '贰拾']],
  [21, ['21', '二十一']],
  [30, ['30', '三十']],
  [33, ['33', '三十三']],
  [45, ['45', '四十五']],
  [57, ['57', '五十七']],
  [99, ['99', '九十九']],
  [100, ['100', '一百', '百', '壹佰']],
  [101, ['101', '一百零一']],
  [105, ['105', '一百零五']],
  [110, ['110', '一百一十']],
  [120, ['120', '一百二十', '壹佰贰拾']],
  [200, ['200', '二百', '两百']],
  [236, ['236', '二百三十六']],
  [300, ['300', '三百']],
  [999, ['999', '九百九十九']],
  [1000, ['1000', '1,000', '一千', '千', '壹仟']],
  [1001, ['1001', '一千零一']],
  [1010, ['1010', '一千零一十']],
  [1055, ['1055', '1,055', '一千零五十五']],
  [1200, ['1200', '1,200', '一千二百']],
  [2000, ['2000', '两千', '二千']],
  [2022, ['2022', '二〇二二', '二零二二']],
  [5000, ['5000', '五千']],
  [7345, ['7345', '七千三百四十五']],
  [10000, ['10000', '10,000', '1万', '一万', '万', '壹萬']],
  [12000, ['12000', '1.2万', '一万二千']],
  [15000, ['15000', '15,000', '1.5万', '一万五千']],
  [20000, ['20000', '2万', '两万', '二万']],
  [23000, ['23000', '2.3万', '两万三千']],
  [25000, ['25000', '2万5千', '两万五千', '2.5万']],
  [30000, ['30000', '3万', '三万']],
  [70000, ['7万', '七万']],
  [100000, ['100000', '10万', '十万']],
  [120000, ['12万', '十二万']],
  [1000000, ['100万', '一百万']],
  [1200000, ['120万', '一百二十万']],
  [3500000, ['350万', '三百五十万']],
  [5000000, ['500万', '五百万']],
  [10000000, ['1000万', '一千万', '千万']],
  [12000000, ['1200万', '一千二百万']],
  [67000000, ['6700万', '六千七百万']],
  [100000000, ['1亿', '一亿', '亿']],
  [150000000, ['1.5亿', '一亿五千万']],
  [350000000, ['3.5亿', '三亿五千万']],
  [1400000000, ['14亿', '十四亿']],
  [141000000000, ['1410亿']],
  [500000000000, ['5000亿', '五千亿']],
  [700000000000, ['7000亿', '七千亿']],
  [1000000000000, ['1万亿', '一万亿']],
  [1200000000000, ['1.2万亿']],
  [2300000000000, ['2.3万亿']],
  [6300000000000, ['6.3万亿']],
  [0.5, ['0.5', '零点五']],
  [1.5, ['1.5', '一点五']],
  [2.3, ['2.3']],
  [12.5, ['12.5', '十二点五']],
  [17.6, ['17.6', '十七点六']],
  [29.8, ['29.8', '二十九点八']],
  [3.14, ['3.14', '三点一四']],
];

const invalid = ['十四五', '二十二十', '点五', '五点', '百十', '1万万', '', 'abc', '1.2.3', '三点五点'];

describe('parseNumeral', () => {
  for (const [value, forms] of corpus) {
    for (const form of forms) {
      it(`${form} → ${value}`, () => expect(parseNumeral(form)).toBe(value));
    }
  }
  for (const form of invalid) {
    it(`${JSON.stringify(form)} is not a numeral`, () => expect(parseNumeral(form)).toBeNull());
  }

  it('reads every integer written in Arabic digits as itself', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => parseNumeral(String(n)) === n));
  });

  it('reads Arabic digits with a 万 or 亿 magnitude as the product', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99999 }), fc.constantFrom(['万', 1e4], ['亿', 1e8]), (n, [mag, factor]) => parseNumeral(`${n}${mag}`) === n * (factor as number)),
    );
  });

  it('agrees with a reference writer of Chinese numerals below 10^8', () => {
    const digits = '零一二三四五六七八九';
    const section = (n: number): string => {
      // Writes 0 < n < 10000 the standard way, with 零 for inner gaps.
      const units = ['千', '百', '十', ''];
      const ds = String(n).padStart(4, '0').split('').map(Number);
      let out = '';
      let zero = false;
      ds.forEach((d, i) => {
        if (d === 0) zero = out !== '';
        else {
          if (zero) out += '零';
          zero = false;
          out += digits[d] + units[i]!;
        }
      });
      return out;
    };
    const write = (n: number): string => {
      const high = Math.floor(n / 1e4);
      const low = n % 1e4;
      if (!high) return section(low);
      return section(high) + '万' + (low ? (low < 1000 ? '零' : '') + section(low) : '');
    };
    fc.assert(fc.property(fc.integer({ min: 1, max: 99999999 }), (n) => parseNumeral(write(n)) === n));
  });
});
