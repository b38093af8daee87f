// The matching rules of the scorer, on small hand-built cases: one block per
// record kind, each rule with a case that matches and one that does not.
import { describe, expect, it } from 'vitest';
import { align, compare, goldSpeakerLabel, opensTurn, sharesHalf } from '../src/eval/compare.js';
import type { Fixture, GoldTarget } from '../src/eval/fixture.js';
import { summarize } from '../src/eval/run.js';
import { extract, type Action, type Body, type ExtractionResult, type Responsibility, type Speaker, type Target, type Turn } from '../src/index.js';

const gold = (g: Partial<GoldTarget> & Pick<GoldTarget, 'text' | 'value' | 'unit'>): GoldTarget => ({
  low: null, high: null, comparator: 'eq', change: 'level', role: 'target', verb: null, metric: null, year: null, speaker: null, optional: false, ...g,
});
const fixture = (f: Partial<Fixture>): Fixture => ({
  doc: 'x.txt', transcript: false, quantities: [], speakers: [], turns: [], bodies: [], responsibilities: [], actions: [], ...f,
});
const result = (text: string, r: Partial<ExtractionResult>): ExtractionResult => ({
  document: { id: 'x', title: null, date: null, region: null, chars: text.length },
  targets: [], speakers: [], turns: [], bodies: [], responsibilities: [], actions: [], ...r,
});
/** A predicted record with a span: the first occurrence of `text` at or after `from`. */
const span = (text: string, part: string, from = 0) => {
  const start = text.indexOf(part, from);
  return { text: part, start, end: start + part.length };
};

describe('targets', () => {
  const text = '力争新增床位3万张，建设三个方面的工作，敬老院120处。';
  const extracted = extract(text);

  it('match on value and unit, and misses are counted', () => {
    const r = compare(text, extracted, fixture({ quantities: [gold({ text: '3万张', value: 30000, unit: '张', change: 'increase' }), gold({ text: '7个', value: 7, unit: '个' })]})).targets;
    expect(r.score).toMatchObject({ tp: 1, fn: 1 });
    expect(r.missed.map((m) => m.text)).toEqual(['7个']);
  });

  it('optional gold entries are neither rewarded nor penalised', () => {
    expect(extracted.targets.map((t) => t.text)).toContain('三个');
    const base = [gold({ text: '3万张', value: 30000, unit: '张', change: 'increase' })];
    const withOptional = compare(text, extracted, fixture({ quantities: [...base, gold({ text: '三个', value: 3, unit: '个', optional: true })] })).targets;
    const without = compare(text, extracted, fixture({ quantities: base })).targets;
    expect(withOptional.score).toMatchObject({ tp: 1, fn: 0 });
    expect(withOptional.score.fp).toBe(without.score.fp - 1);
    expect(compare(text, extracted, fixture({ quantities: [...base, gold({ text: '七个', value: 7, unit: '个', optional: true })] })).targets.score.fn).toBe(0);
  });

  it('a wrong role counts against the full record, not the quantity', () => {
    const r = compare(text, extracted, fixture({ quantities: [gold({ text: '3万张', value: 30000, unit: '张', change: 'increase', role: 'actual' })] })).targets;
    expect(r.score.tp).toBe(1);
    expect(r.fullRecord.tp).toBe(0);
    expect(r.wrong.find((w) => w.field === 'role')).toMatchObject({ gold: 'actual', got: 'target', text: '3万张', sentence: text });
  });

  it('among equal quantities the nearest one matches', () => {
    const t = '新增3个园区，建成3个基地。';
    const target = (from: number, role: Target['role']): Target => ({
      id: `t${from}`, ...span(t, '3个', from), value: 3, low: null, high: null, unit: '个', unitText: '个', comparator: 'eq', change: 'level', role,
      verb: null, metric: null, year: null, speaker: null, sentence: t,
    });
    const r = compare(t, result(t, { targets: [target(0, 'target'), target(5, 'actual')] }), fixture({ quantities: [gold({ text: '3个', value: 3, unit: '个' }), gold({ text: '3个', value: 3, unit: '个', role: 'actual' })] })).targets;
    expect(r.wrong).toEqual([]);
    expect(r.fields.role).toEqual({ correct: 2, total: 2, accuracy: 1 });
  });

  it('a metric is right when it shares at least half its characters', () => {
    expect(sharesHalf('全社会研发经费投入', '研发经费投入')).toBe(true);
    expect(sharesHalf('全社会研发经费投入', '投入')).toBe(false);
    expect(sharesHalf(null, null)).toBe(true);
    expect(sharesHalf('投入', null)).toBe(false);
  });
});

describe('speakers', () => {
  const text = '省发展改革委副主任王栋先生出席。\n山东科技报记者\n请问？\n教育部负责人\n回答。';
  const speaker = (s: Partial<Speaker> & Pick<Speaker, 'label'>): Speaker => ({ id: `s${s.label}`, name: null, title: null, organization: null, role: 'official', turnIds: [], ...s });
  const predicted = result(text, {
    speakers: [
      speaker({ label: '王栋', name: '王栋', title: '副主任', organization: '省发展改革委' }),
      speaker({ label: '山东科技报记者', organization: '山东科技报', role: 'reporter' }),
      speaker({ label: '教育部负责人', organization: null, title: '负责人' }),
      speaker({ label: '主持人', role: 'host' }),
    ],
  });
  const golden = fixture({
    speakers: [
      { name: '王栋', title: '副主任、新闻发言人', organization: '省发展改革委', role: 'official' },
      { name: null, title: null, organization: '山东科技报', role: 'reporter' },
      { name: null, title: '负责人', organization: '教育部', role: 'official' },
      { name: '潘军', title: '副厅长', organization: '省科技厅', role: 'official' },
    ],
  });
  const r = compare(text, predicted, golden).speakers;

  it('a named speaker matches on name, and title, organization and role are compared', () => {
    expect(r.wrong.filter((w) => w.text === '王栋').map((w) => [w.field, w.gold, w.got])).toEqual([['title', '副主任、新闻发言人', '副主任']]);
    expect(r.missed.map((m) => m.text)).toEqual(['潘军']);
  });

  it('an unnamed speaker matches on role and either its organization or its label', () => {
    // 山东科技报记者 by organization; 教育部负责人 by label, although its organization is missing.
    expect(r.score).toMatchObject({ tp: 3, fp: 1, fn: 1 });
    expect(r.spurious.map((s) => s.text)).toEqual(['主持人']);
    expect(r.wrong.find((w) => w.text === '教育部负责人')).toMatchObject({ field: 'organization', gold: '教育部', got: null });
  });

  it('the gold label of an unnamed speaker is organization + title, or the role word', () => {
    expect(goldSpeakerLabel({ name: null, title: null, organization: '中新社', role: 'reporter' })).toBe('中新社记者');
    expect(goldSpeakerLabel({ name: null, title: null, organization: null, role: 'host' })).toBe('主持人');
    expect(goldSpeakerLabel({ name: '王栋', title: null, organization: null, role: 'official' })).toBe('王栋');
  });

  it('a named speaker is placed where the text first names them', () => {
    const m = r.matched.find((x) => x.text === '王栋')!;
    expect(text.slice(m.start!, m.end!)).toBe('王栋');
  });
});

describe('turns', () => {
  const lines = ['王栋\n\n新闻界的朋友们：大家好。', '记者：请问投资？', '王栋：我们将扩大投资。', '记者：还有吗？'];
  const text = lines.join('\n');
  /** The turn made of lines [from, to). */
  const turn = (speaker: string, from: number, to = from + 1): Turn => {
    const start = lines.slice(0, from).join('\n').length + (from ? 1 : 0);
    return { id: `u${from}`, speaker, start, end: start + lines.slice(from, to).join('\n').length, kind: 'statement' };
  };

  it('the opening must start the turn, with only its label line before it', () => {
    expect(opensTurn(text, { start: 0, end: 20 }, '新闻界的朋友们')).toBe(true);
    expect(opensTurn(text, turn('记者', 1), '请问投资')).toBe(true);
    expect(opensTurn(text, { start: 0, end: text.length }, '请问投资')).toBe(false);
    expect(opensTurn(text, { start: 0, end: 20 }, '大家好')).toBe(false);
  });

  it('turns are aligned in order: a skipped turn is a miss, an extra one spurious', () => {
    const golden = fixture({
      turns: [
        { speaker: '王栋', opening: '新闻界的朋友们' },
        { speaker: '记者', opening: '请问投资' },
        { speaker: '王栋', opening: '我们将扩大投资' },
        { speaker: '记者', opening: '还有吗' },
      ],
    });
    // The extractor merged 王栋's answer into the question before it, and saw a 王栋 turn that does not start with its opening.
    const predicted = [turn('王栋', 0), turn('记者', 1, 3), turn('记者', 3), { ...turn('王栋', 3), id: 'x' }];
    const r = compare(text, result(text, { turns: predicted }), golden).turns;
    expect(r.score).toMatchObject({ tp: 3, fp: 1, fn: 1 });
    expect(r.missed).toMatchObject([{ text: '王栋', detail: '王栋', start: text.indexOf('我们将扩大投资') }]);
    expect(r.spurious.map((t) => t.id)).toEqual(['x']);
  });

  it('a turn answers to the label and name of the speaker who owns it', () => {
    const question = { ...turn('问', 1), id: 'u1' };
    const asker: Speaker = { id: 's1', label: '记者', name: null, title: null, organization: null, role: 'reporter', turnIds: ['u1'] };
    const golden = fixture({ turns: [{ speaker: '记者', opening: '请问投资' }] });
    expect(compare(text, result(text, { turns: [question] }), golden).turns.score.tp).toBe(0);
    expect(compare(text, result(text, { turns: [question], speakers: [asker] }), golden).turns.score.tp).toBe(1);
  });

  it('alignment is a longest common subsequence', () => {
    expect(align(['a', 'b', 'c', 'b'], ['b', 'c', 'x', 'b'], (g, p) => g === p)).toEqual([[1, 0], [2, 1], [3, 3]]);
  });
});

describe('bodies', () => {
  const text = '省工信厅牵头制定《工业技改提级2022年行动计划》，省商务厅牵头实施三大行动。';
  const body = (b: Partial<Body> & Pick<Body, 'id' | 'name'>): Body => ({
    aliases: [], canonical: b.name, type: 'government', level: 'provincial', mentions: [span(text, b.name)], ...b,
  });
  const predicted = result(text, {
    bodies: [
      body({ id: 'b1', name: '省工信厅', canonical: '省工信厅' }),
      body({ id: 'b2', name: '省商务厅', canonical: '山东省商务厅', level: 'municipal' }),
      body({ id: 'b3', name: '有关部门', mentions: [] }),
    ],
  });
  const golden = fixture({
    bodies: [
      { name: '山东省工业和信息化厅', aliases: ['省工信厅'], canonical: '山东省工业和信息化厅', type: 'government', level: 'provincial' },
      { name: '省商务厅', aliases: [], canonical: '山东省商务厅', type: 'government', level: 'provincial' },
      { name: '省科技厅', aliases: [], canonical: '山东省科学技术厅', type: 'government', level: 'provincial' },
    ],
  });
  const r = compare(text, predicted, golden).bodies;

  it('a body matches when any of its forms is one of the predicted forms', () => {
    expect(r.score).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(r.spurious.map((s) => s.text)).toEqual(['有关部门']);
    expect(r.missed).toMatchObject([{ text: '省科技厅', start: null, sentence: '' }]);
  });

  it('canonical, type and level are compared', () => {
    expect(r.wrong.map((w) => [w.text, w.field, w.gold, w.got])).toEqual([
      ['省工信厅', 'canonical', '山东省工业和信息化厅', '省工信厅'],
      ['省商务厅', 'level', 'provincial', 'municipal'],
    ]);
    expect(r.fields.type).toEqual({ correct: 2, total: 2, accuracy: 1 });
  });
});

describe('responsibilities', () => {
  const text = '省工信厅牵头制定《工业技改提级2022年行动计划》。';
  const goldBodies = [{ name: '山东省工业和信息化厅', aliases: ['省工业和信息化厅', '省工信厅'], canonical: '山东省工业和信息化厅', type: 'government' as const, level: 'provincial' as const }];
  const predictedBody: Body = { id: 'b1', name: '省工信厅', aliases: [], canonical: '省工信厅', type: 'government', level: 'provincial', mentions: [span(text, '省工信厅')] };
  const resp = (verb: string, object: string, body = '省工信厅'): Responsibility => ({
    id: 'r1', ...span(text, text.slice(0, -1)), body, bodyId: 'b1', verb, object, speaker: null, sentence: text,
  });
  const golden = fixture({ bodies: goldBodies, responsibilities: [{ body: '省工业和信息化厅', verb: '牵头制定', object: '《工业技改提级2022年行动计划》' }] });
  const score = (r: Responsibility) => compare(text, result(text, { bodies: [predictedBody], responsibilities: [r] }), golden).responsibilities.score;

  it('matches the body through the forms of its gold record, the verb, and half the object', () => {
    expect(score(resp('牵头制定', '工业技改提级2022年行动计划'))).toMatchObject({ tp: 1, fp: 0, fn: 0 });
  });

  it('a different verb, too little object or another body is no match', () => {
    expect(score(resp('制定', '《工业技改提级2022年行动计划》')).tp).toBe(0);
    expect(score(resp('牵头制定', '行动计划')).tp).toBe(0);
    expect(score({ ...resp('牵头制定', '《工业技改提级2022年行动计划》', '省商务厅'), bodyId: 'b9' }).tp).toBe(0);
  });
});

describe('actions', () => {
  const text = '实施500万元以上技改项目10000个，新建5G基站4万个。';
  const target = (part: string, value: number, unit: string): Target => ({
    id: `t${part}`, ...span(text, part), value, low: null, high: null, unit, unitText: unit, comparator: 'eq', change: 'level', role: 'target',
    verb: null, metric: null, year: null, speaker: null, sentence: text,
  });
  const targets = [target('500万元以上', 5000000, '元'), target('10000个', 10000, '个'), target('4万个', 40000, '个')];
  const action = (verb: string, object: string, targetIds: string[]): Action => ({
    id: `a${verb}`, ...span(text, verb + object), verb, object, body: null, targetIds, speaker: null, sentence: text,
  });
  const golden = fixture({
    actions: [
      { verb: '实施', object: '500万元以上技改项目10000个', body: null, targets: ['500万元以上', '10000个'] },
      { verb: '新建', object: '5G基站4万个', body: null, targets: ['4万个'] },
    ],
  });

  it('match on verb and half the object; actions with targets are found with all of them', () => {
    const predicted = result(text, { targets, actions: [action('实施', '500万元以上技改项目10000个', ['t500万元以上']), action('新建', '5G基站4万个', ['t4万个'])] });
    const r = compare(text, predicted, golden).actions;
    expect(r.score).toMatchObject({ tp: 2, fp: 0, fn: 0 });
    expect(r.withTargets).toEqual({ found: 1, total: 2 });
  });

  it('another verb is a miss and a spurious action', () => {
    const r = compare(text, result(text, { targets, actions: [action('新建', '5G基站4万个', []), { ...action('实施', '500万元以上技改项目10000个', []), verb: '推进' }] }), golden).actions;
    expect(r.score).toMatchObject({ tp: 1, fp: 1, fn: 1 });
    expect(r.missed[0]).toMatchObject({ text: '500万元以上技改项目10000个', start: 2, sentence: text });
  });
});

describe('totals', () => {
  it('a kind without gold in a fixture is left out of the totals', () => {
    const text = '省工信厅。';
    const predicted = result(text, { bodies: [{ id: 'b1', name: '省工信厅', aliases: [], canonical: '省工信厅', type: 'government', level: null, mentions: [] }] });
    const annotated = compare(text, predicted, fixture({ bodies: [{ name: '省工信厅', aliases: [], canonical: '山东省工业和信息化厅', type: 'government', level: null }] }));
    const unannotated = compare(text, predicted, fixture({}));
    expect(unannotated.bodies.scored).toBe(false);
    const s = summarize([annotated, unannotated]);
    expect(s.totals.bodies).toMatchObject({ documents: 1, score: { tp: 1, fp: 0 } });
    expect(s.metrics['bodies.canonical']).toBe(0);
    expect(s.metrics['actions.f1']).toBeUndefined();
  });
});
