// Transcript corpus: each turn format, the speakers it yields, and who said each number.
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';

const turnsOf = (text: string) => extract(text).turns.map((t) => [t.speaker, t.kind, text.slice(t.start, t.end)]);

describe('turn formats', () => {
  it('a name or outlet alone on its line; a byline above 发布日期 is no turn', () => {
    const text = [
      '省政府新闻办举行新闻发布会', '', '焉杰', '', '发布日期:2022-03-28 10:00:00', '', '丁绍敏', '',
      '欢迎参加新闻发布会。今天，我们邀请省发展改革委副主任、新闻发言人王栋先生，省科技厅副厅长潘军先生介绍情况。', '',
      '王栋', '', '今年力争新增养老床位3万张。', '', '山东科技报记者', '', '请问科技方面有什么安排？', '',
      '潘军', '', '新启动4家省实验室。',
    ].join('\n');
    const r = extract(text);
    expect(r.turns.map((t) => [t.speaker, t.kind])).toEqual([
      ['丁绍敏', 'statement'],
      ['王栋', 'statement'],
      ['山东科技报记者', 'question'],
      ['潘军', 'answer'],
    ]);
    expect(r.speakers.map(({ label, name, title, organization, role }) => ({ label, name, title, organization, role }))).toEqual([
      { label: '丁绍敏', name: '丁绍敏', title: null, organization: null, role: 'host' },
      { label: '王栋', name: '王栋', title: '副主任、新闻发言人', organization: '省发展改革委', role: 'official' },
      { label: '山东科技报记者', name: null, title: null, organization: '山东科技报', role: 'reporter' },
      { label: '潘军', name: '潘军', title: '副厅长', organization: '省科技厅', role: 'official' },
    ]);
    expect(r.targets.map((t) => [t.text, t.speaker])).toEqual([
      ['3万张', '王栋'],
      ['4家', '潘军'],
    ]);
    // Turns cover the body without gaps or overlaps.
    for (let k = 1; k < r.turns.length; k++) expect(text.slice(r.turns[k - 1]!.end, r.turns[k]!.start).trim()).toBe('');
  });

  it('a host named after the role label (主持人 邵晓岚：), and titles from the list of attendees', () => {
    const text = [
      '国务院新闻办公室举行新闻发布会', '', '出席人员：', '国务院新闻办公室新闻发言人 邵晓岚', '商务部副部长 郭书宁', '',
      '主持人 邵晓岚：女士们、先生们，大家上午好！', '', '郭书宁', '', '去年社会消费品零售总额约44万亿元。', '',
      '凤凰卫视记者：外需走弱影响几何？', '', '郭书宁', '', '影响可控。', '', '邵晓岚：谢谢。',
    ].join('\n');
    const r = extract(text);
    expect(r.turns.map((t) => [t.speaker, t.kind])).toEqual([
      ['邵晓岚', 'statement'],
      ['郭书宁', 'statement'],
      ['凤凰卫视记者', 'question'],
      ['郭书宁', 'answer'],
      ['邵晓岚', 'statement'],
    ]);
    expect(r.speakers.map(({ name, title, organization, role }) => ({ name, title, organization, role }))).toEqual([
      { name: '邵晓岚', title: '新闻发言人', organization: '国务院新闻办公室', role: 'host' },
      { name: '郭书宁', title: '副部长', organization: '商务部', role: 'official' },
      { name: null, title: null, organization: '凤凰卫视', role: 'reporter' },
    ]);
  });

  it('labels before full-width and half-width colons, with an organization in brackets', () => {
    const text = '主持人：请王栋介绍。\n王栋（省发展改革委）:今年新增项目100个。\n《人民日报》记者：请问投资多少？\n王栋（省发展改革委）：完成投资7000亿元以上。\n主持人：发布会到此结束。';
    expect(turnsOf(text).map(([s, k]) => [s, k])).toEqual([
      ['主持人', 'statement'],
      ['王栋', 'statement'],
      ['《人民日报》记者', 'question'],
      ['王栋', 'answer'],
      ['主持人', 'statement'],
    ]);
    const r = extract(text);
    expect(r.speakers.find((s) => s.label === '王栋')).toMatchObject({ organization: '省发展改革委', role: 'official' });
    expect(r.speakers.find((s) => s.label === '《人民日报》记者')).toMatchObject({ organization: '人民日报', role: 'reporter', name: null });
    expect(r.targets.map((t) => t.speaker)).toEqual(['王栋', '王栋']);
  });

  it('问/答 interviews: the asker is 记者, the answerer the one the headline names', () => {
    const text = '教育部负责人就实施方案答记者问\n新华社北京2月23日电 近日，有关方面印发了方案。\n问：请介绍一下方案。\n答：到2022年，新建学校100所。\n问：还有什么？\n答：谢谢。';
    const r = extract(text);
    expect(r.turns.map((t) => [t.speaker, t.kind])).toEqual([
      ['记者', 'question'],
      ['教育部负责人', 'answer'],
      ['记者', 'question'],
      ['教育部负责人', 'answer'],
    ]);
    expect(r.speakers.find((s) => s.label === '教育部负责人')).toMatchObject({ name: null, title: '负责人', organization: '教育部', role: 'official' });
    expect(r.targets.map((t) => [t.text, t.speaker])).toEqual([['100所', '教育部负责人']]);
  });

  it('问/答 with an 有关负责人 in the headline, and an appended text that is nobody\'s turn', () => {
    const text = [
      '国家发展改革委有关负责人就《若干措施》答记者问', '发布时间：2023-08-01', '',
      '问：请介绍一下背景。', '答：去年新设民营企业868.6万户。', '问：主要目标是什么？', '答：力争达到6000万户左右。',
      '附：《若干措施》（节选）', '（一）放宽市场准入。到2025年培育企业35万家以上。（国家发展改革委等按职责分工负责）',
    ].join('\n');
    const r = extract(text);
    expect(r.turns.map((t) => t.speaker)).toEqual(['记者', '国家发展改革委负责人', '记者', '国家发展改革委负责人']);
    expect(r.speakers.find((s) => s.role === 'official')).toMatchObject({ title: '负责人', organization: '国家发展改革委' });
    expect(r.targets.map((t) => [t.text, t.speaker])).toEqual([
      ['868.6万户', '国家发展改革委负责人'],
      ['6000万户左右', '国家发展改革委负责人'],
      ['35万家以上', null],
    ]);
  });

  it('a question quoting a name with a colon does not open a turn; a one-line answer does', () => {
    const text = '主持人：请提问。\n新华社记者：有人说“王栋：要新增3万张床位”，是真的吗？\n王栋：是。\n主持人：谢谢。';
    expect(turnsOf(text).map(([s]) => s)).toEqual(['主持人', '新华社记者', '王栋', '主持人']);
    expect(extract(text).targets.map((t) => t.speaker)).toEqual(['新华社记者']);
  });

  it('a transcript with no introduction still has speakers, without titles', () => {
    const text = '李克强：今年新增就业1100万人以上。\n路透社记者：经济增速目标是多少？\n李克强：6%以上。';
    const r = extract(text);
    expect(r.turns.map((t) => [t.speaker, t.kind])).toEqual([
      ['李克强', 'statement'],
      ['路透社记者', 'question'],
      ['李克强', 'answer'],
    ]);
    expect(r.speakers[0]).toMatchObject({ name: '李克强', title: null, organization: null, role: 'official' });
  });

  it('prose is no transcript: no turns, and targets carry no speaker', () => {
    const text = '政府工作报告\n\n各位代表：\n\n今年国内生产总值增长6%以上。\n\n谢谢\n';
    const r = extract(text);
    expect(r.turns).toEqual([]);
    expect(r.speakers).toEqual([]);
    expect(r.targets.map((t) => t.speaker)).toEqual([null]);
  });
});

describe('document metadata', () => {
  it.each([
    ['发布日期:2022-03-28 10:00:00 信息来源: 山东省政府网', { date: '2022-03-28', source: '山东省政府网' }],
    ['政府工作报告\n——2021年3月5日在第十三届全国人民代表大会第四次会议上', { date: '2021-03-05', source: null }],
    ['池州市人民政府市长  朱浩东\n一、2022年工作回顾', { date: '2023', region: '池州市' }],
    ['解读《山东省“三个十大”2022年行动计划》', { region: '山东省', date: null }],
  ])('%s', (text, expected) => {
    expect(extract(text).document).toMatchObject(expected);
  });
});
