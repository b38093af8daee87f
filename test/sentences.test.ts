// Sentence corpus: short inputs and the exact quantity records they yield.
// Each row documents one rule of ANNOTATION.md section 1.
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';

type Expected = {
  text: string;
  value: number;
  unit: string;
  comparator?: string;
  change?: string;
  role?: string;
  low?: number;
  high?: number;
  unitText?: string;
  verb?: string;
  metric?: string | null;
  year?: number | null;
};

const corpus: [string, Expected[]][] = [
  // currency and magnitudes
  ['产业集群规模达到6.3万亿元。', [{ text: '6.3万亿元', value: 6.3e12, unit: '元', unitText: '万亿元', comparator: 'eq', change: 'level', verb: '达到' }]],
  ['计划完成投资7000亿元以上。', [{ text: '7000亿元以上', value: 7e11, unit: '元', comparator: 'gte', role: 'target' }]],
  ['拉动年度固定资产投资1.3万亿以上。', [{ text: '1.3万亿以上', value: 1.3e12, unit: '元', comparator: 'gte' }]],
  ['出口额达到120亿美元。', [{ text: '120亿美元', value: 1.2e10, unit: '美元' }]],
  ['直接融资40.6亿元。', [{ text: '40.6亿元', value: 4.06e9, unit: '元' }]],
  // percent and points
  ['全社会研发经费投入增长10%以上。', [{ text: '10%以上', value: 10, unit: '%', comparator: 'gte', change: 'increase', verb: '增长' }]],
  ['城镇化率提高1个百分点。', [{ text: '1个百分点', value: 1, unit: '百分点', change: 'increase' }]],
  ['失业率控制在百分之五点五以内。', [{ text: '百分之五点五以内', value: 5.5, unit: '%', comparator: 'lte' }]],
  ['覆盖率达到１２％。', [{ text: '１２％', value: 12, unit: '%' }]],
  ['城镇化率提高到62%。', [{ text: '62%', value: 62, unit: '%', change: 'level' }]],
  ['赤字率下降至3.2%左右。', [{ text: '3.2%左右', value: 3.2, unit: '%', comparator: 'approx', change: 'level' }]],
  ['单位GDP能耗降低13.5%。', [{ text: '13.5%', value: 13.5, unit: '%', change: 'decrease' }]],
  ['增速回落至负2%。', [{ text: '负2%', value: -2, unit: '%' }]],
  ['产量是上年的2倍。', [{ text: '2倍', value: 2, unit: '倍' }]],
  // physical units
  ['可再生能源发电装机达到6700万千瓦。', [{ text: '6700万千瓦', value: 6.7e7, unit: '千瓦', unitText: '万千瓦' }]],
  ['年发电量1.5亿千瓦时。', [{ text: '1.5亿千瓦时', value: 1.5e8, unit: '千瓦时' }]],
  ['新建高标准农田1亿亩。', [{ text: '1亿亩', value: 1e8, unit: '亩', change: 'level' }]],
  ['建成高速公路210公里。', [{ text: '210公里', value: 210, unit: '公里' }]],
  ['改造老旧小区560余万平方米。', [{ text: '560余万平方米', value: 5.6e6, unit: '平方米', comparator: 'gt' }]],
  ['日处理能力300吨/日。', [{ text: '300吨/日', value: 300, unit: '吨/日' }]],
  // measure words
  ['新增护理型养老床位3万张。', [{ text: '3万张', value: 30000, unit: '张', change: 'increase', verb: '新增' }]],
  ['建设改造敬老院120处。', [{ text: '120处', value: 120, unit: '处' }]],
  ['培育认定10个现代流通强县。', [{ text: '10个', value: 10, unit: '个', verb: '培育认定' }]],
  ['引进各类人才1200多名。', [{ text: '1200多名', value: 1200, unit: '名', comparator: 'gt' }]],
  ['建设农产品供应链基础设施项目40余个。', [{ text: '40余个', value: 40, unit: '个', comparator: 'gt' }]],
  ['举办培训班将近30场。', [{ text: '将近30场', value: 30, unit: '场', comparator: 'approx' }]],
  ['惠及群众约3000万人。', [{ text: '约3000万人', value: 3e7, unit: '人', comparator: 'approx' }]],
  ['全市共有学校一千二百所。', [{ text: '一千二百所', value: 1200, unit: '所' }]],
  ['新增两万名技术工人。', [{ text: '两万名', value: 20000, unit: '名' }]],
  ['新建十一座水库。', [{ text: '十一座', value: 11, unit: '座' }]],
  ['拨付资金壹佰贰拾万元。', [{ text: '壹佰贰拾万元', value: 1.2e6, unit: '元' }]],
  ['实施技改项目1,055个。', [{ text: '1,055个', value: 1055, unit: '个' }]],
  // comparators before the number
  ['营业收入突破2.3万亿元。', [{ text: '2.3万亿元', value: 2.3e12, unit: '元', comparator: 'gt', verb: '突破' }]],
  ['总量超过11%。', [{ text: '11%', value: 11, unit: '%', comparator: 'gt', verb: '超过' }]],
  ['粮食产量不低于1.3万亿斤。', [{ text: '不低于1.3万亿斤', value: 1.3e12, unit: '斤', comparator: 'gte' }]],
  ['应纳税所得额不到100万元的部分。', [{ text: '不到100万元', value: 1e6, unit: '元', comparator: 'lt', role: 'threshold' }]],
  // ranges
  ['新布局3—5家省级创新创业共同体。', [{ text: '3—5家', value: 3, low: 3, high: 5, unit: '家' }]],
  ['每县建设3-5家。', [{ text: '3-5家', value: 3, low: 3, high: 5, unit: '家' }]],
  ['培育3～5家龙头企业。', [{ text: '3～5家', value: 3, low: 3, high: 5, unit: '家' }]],
  ['培育3至5家龙头企业。', [{ text: '3至5家', value: 3, low: 3, high: 5, unit: '家' }]],
  ['培育三到五家龙头企业。', [{ text: '三到五家', value: 3, low: 3, high: 5, unit: '家' }]],
  ['安排资金3万—5万元。', [{ text: '3万—5万元', value: 30000, low: 30000, high: 50000, unit: '元' }]],
  // lists sharing a unit
  [
    '新增装机120万千瓦、350万千瓦。',
    [
      { text: '120万千瓦', value: 1.2e6, unit: '千瓦' },
      { text: '350万千瓦', value: 3.5e6, unit: '千瓦' },
    ],
  ],
  [
    '新增装机120、350万千瓦。',
    [
      { text: '120', value: 1.2e6, unit: '千瓦' },
      { text: '350万千瓦', value: 3.5e6, unit: '千瓦' },
    ],
  ],
  [
    '分别提高29个、6个百分点。',
    [
      { text: '29个', value: 29, unit: '百分点', change: 'increase' },
      { text: '6个百分点', value: 6, unit: '百分点', change: 'increase' },
    ],
  ],
  [
    '分别增长8%、10%。',
    [
      { text: '8%', value: 8, unit: '%', change: 'increase' },
      { text: '10%', value: 10, unit: '%', change: 'increase' },
    ],
  ],
  // roles
  ['实施500万元以上技改项目10000个。', [{ text: '500万元以上', value: 5e6, unit: '元', role: 'threshold' }, { text: '10000个', value: 10000, unit: '个', role: 'target' }]],
  [
    '2022年，130个产业集群规模达到6.3万亿元。',
    [
      { text: '130个', value: 130, unit: '个', role: 'other', year: 2022 },
      { text: '6.3万亿元', value: 6.3e12, unit: '元', year: 2022 },
    ],
  ],
  ['去年新增就业1186万人。', [{ text: '1186万人', value: 1.186e7, unit: '人', change: 'increase', role: 'actual' }]],
  ['1-2月，全省固定资产投资增长11.6%。', [{ text: '11.6%', value: 11.6, unit: '%', role: 'actual' }]],
  ['截至目前，已下达省级重点项目2000个。', [{ text: '2000个', value: 2000, unit: '个', role: 'actual' }]],
  ['力争新增国家级领军人才1000名左右。', [{ text: '1000名左右', value: 1000, unit: '名', comparator: 'approx', role: 'target', verb: '新增' }]],
  // metrics: a rate opening the next clause measures the amount before it; 按…口径 is a basis, not a metric
  [
    '货物贸易进出口总值42.07万亿元，增长7.7%；实际使用外资1891.3亿美元，按可比口径增长8%。',
    [
      { text: '42.07万亿元', value: 4.207e13, unit: '元', metric: '货物贸易进出口总值' },
      { text: '7.7%', value: 7.7, unit: '%', change: 'increase', metric: '货物贸易进出口总值' },
      { text: '1891.3亿美元', value: 1.8913e11, unit: '美元', metric: '实际使用外资' },
      { text: '8%', value: 8, unit: '%', change: 'increase', metric: '实际使用外资' },
    ],
  ],
  // a light verb governs the deed it names; 年均 is an adverb
  ['完成农村户厕改造41万户。', [{ text: '41万户', value: 410000, unit: '户', verb: '完成' }]],
  ['地区生产总值年均增长6.3%。', [{ text: '6.3%', value: 6.3, unit: '%', change: 'increase', verb: '增长' }]],
  // a horizon (到2026年, 截至2022年底) is the year of what follows; a span (2018年到2022年) is not
  ['到2026年，化工产业产值达到3500亿元。', [{ text: '3500亿元', value: 3.5e11, unit: '元', role: 'target', year: 2026 }]],
  ['截至2022年底，累计建设乡镇商贸中心3900多个。', [{ text: '3900多个', value: 3900, unit: '个', role: 'actual', year: 2022 }]],
  ['2018年到2022年，累计建成农田8000万亩。', [{ text: '8000万亩', value: 8e7, unit: '亩', year: null }]],
  // a reference level or basis is not the number's year; a third party's forecast is other; reported data is actual
  ['发布日期：2023-01-15\n\n力争全年旅游总收入恢复到2019年的90%以上。', [{ text: '90%以上', value: 90, unit: '%', role: 'target', year: null }]],
  ['发布日期：2023-01-15\n\n今年社会消费品零售总额在去年2.43万亿元的基础上增长8%左右。', [
    { text: '2.43万亿元', value: 2.43e12, unit: '元', role: 'actual', year: 2022 },
    { text: '8%左右', value: 8, unit: '%', role: 'target', year: 2023, metric: '社会消费品零售总额' },
  ]],
  ['国际货币基金组织近期预测，今年中国经济将增长5.2%左右。', [{ text: '5.2%左右', value: 5.2, unit: '%', role: 'other' }]],
  ['发布时间：2023-08-01\n\n今年上半年，全国民间投资同比下降0.2%。', [{ text: '0.2%', value: 0.2, unit: '%', change: 'decrease', role: 'actual', year: 2023 }]],
  ['发布时间：2023-08-01\n\n去年以来，累计推介项目3200多个。', [{ text: '3200多个', value: 3200, unit: '个', role: 'actual', year: null }]],
  // with no heading to go by, a year earlier in the paragraph holds for its later sentences
  [
    '发布日期：2023-02-02\n\n2022年社会消费品零售总额约44万亿元。全国网上零售额13.79万亿元，增长4%。',
    [
      { text: '约44万亿元', value: 4.4e13, unit: '元', role: 'actual', year: 2022 },
      { text: '13.79万亿元', value: 1.379e13, unit: '元', role: 'actual', year: null },
      { text: '4%', value: 4, unit: '%', role: 'actual', year: null },
    ],
  ],
  // exclusions
  ['2022年3月28日，省政府新闻办举行新闻发布会。', []],
  ['1-2月和一季度，上半年形势较好。', []],
  ['《山东省“三个十大”2022年行动计划》印发。', []],
  ['“十四五”时期，党的二十大胜利召开。', []],
  ['一是突出针对性；第一，加快5G建设。', []],
  ['培育千亿级企业，建设一批项目，做好两篇文章。', []],
  ['数万亿美元，十几个项目，几十家企业。', []],
  ['国发〔2018〕42号，电话12315。', []],
  ['2018—2022年期间统一部署，进一步加强。', []],
  ['培育1家千亿级企业。', [{ text: '1家', value: 1, unit: '家' }]],
];

describe('sentences → quantity records', () => {
  for (const [input, expected] of corpus) {
    it(input, () => {
      const got = extract(input).targets;
      expect(got.map((t) => t.text)).toEqual(expected.map((e) => e.text));
      got.forEach((t, i) => {
        const e = expected[i]!;
        expect(t).toMatchObject({ low: null, high: null, ...e });
        expect(input.slice(t.start, t.end)).toBe(t.text);
      });
    });
  }
});

describe('the document date: a dateline, a publication date or the year of the document number', () => {
  it.each([
    ['发布日期：2022-03-28 10:00', '2022-03-28'],
    ['国务院关于加快推进农业机械化的指导意见\n\n国务院\n2018年12月12日\n\n正文。', '2018-12-12'],
    ['某某省人民政府关于印发方案的通知\n\n某某省人民政府\n二〇二四年三月十五日\n', '2024-03-15'],
    ['宜府发〔2024〕5号\n\n各县市区人民政府：', '2024'],
    ['2022年工作回顾\n\n过去一年……', '2023'],
    ['没有日期的正文。', null],
  ])('%s', (text, date) => expect(extract(text).document.date).toBe(date));
});
