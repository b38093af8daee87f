// Actions: verb + object, the quantities inside, and the body named before the verb.
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';

const actionsOf = (text: string) => {
  const r = extract(text);
  return r.actions.map((a) => ({
    verb: a.verb,
    object: a.object,
    body: a.body,
    targets: a.targetIds.map((id) => r.targets.find((t) => t.id === id)!.text),
  }));
};

describe('actions', () => {
  it.each([
    ['实施500万元以上技改项目10000个。', [{ verb: '实施', object: '500万元以上技改项目10000个', body: null, targets: ['500万元以上', '10000个'] }]],
    ['新启动4家省实验室、20家省重点实验室建设。', [{ verb: '新启动', object: '4家省实验室、20家省重点实验室建设', body: null, targets: ['4家', '20家'] }]],
    ['重点建设改造敬老院120处,新增护理型养老床位3万张。', [
      { verb: '建设改造', object: '敬老院120处', body: null, targets: ['120处'] },
      { verb: '新增', object: '护理型养老床位3万张', body: null, targets: ['3万张'] },
    ]],
    ['支持打造100个典型应用场景。', [{ verb: '打造', object: '100个典型应用场景', body: null, targets: ['100个'] }]],
    ['洲际五星级酒店等14个项目开工建设。', [{ verb: '开工建设', object: '洲际五星级酒店等14个项目', body: null, targets: ['14个'] }]],
    // verbs written together: a compound, unless the first is a manner (加快) or takes the rest as its object (带动)
    ['三年培养引进产业技能人才3万人。', [{ verb: '培养引进', object: '产业技能人才3万人', body: null, targets: ['3万人'] }]],
    ['加快推进项目45个。', [{ verb: '推进', object: '项目45个', body: null, targets: ['45个'] }]],
    ['带动新增产值超过300亿元。', [{ verb: '带动', object: '新增产值超过300亿元', body: null, targets: ['300亿元'] }]],
    ['新认定省级以上企业技术中心15家。', [{ verb: '新认定', object: '省级以上企业技术中心15家', body: null, targets: ['15家'] }]],
    ['省工信厅牵头制定行动计划，实施技改项目1万个。', [
      { verb: '制定', object: '行动计划', body: '省工信厅', targets: [] },
      { verb: '实施', object: '技改项目1万个', body: '省工信厅', targets: ['1万个'] },
    ]],
  ])('%s', (text, expected) => expect(actionsOf(text)).toEqual(expected));

  it('a verb of state is no action', () => {
    expect(actionsOf('全社会研发经费投入增长10%以上，城镇化率达到65%左右。')).toEqual([]);
  });

  it('slices back to its text and carries the speaker of its turn', () => {
    const text = '主持人：请介绍。\n王栋：今年新增护理型养老床位3万张。';
    const r = extract(text);
    expect(r.actions).toHaveLength(1);
    const a = r.actions[0]!;
    expect(text.slice(a.start, a.end)).toBe(a.text);
    expect(a.speaker).toBe('王栋');
  });
});
