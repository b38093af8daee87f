// Bodies and responsibilities: alias rules, region expansion, generic phrases, responsibility forms.
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';

const SHANDONG = '解读《山东省“三个十大”2022年行动计划》\n\n';
const bodiesOf = (text: string) => extract(text).bodies.map((b) => ({ name: b.name, aliases: b.aliases, canonical: b.canonical, type: b.type, level: b.level }));

describe('bodies: aliases map to one canonical name', () => {
  it.each([
    [SHANDONG + '省工信厅牵头，省工业和信息化厅配合，山东省工业和信息化厅负责。', '山东省工业和信息化厅', ['省工业和信息化厅', '山东省工业和信息化厅']],
    [SHANDONG + '省发改委、省发展改革委和省发展和改革委员会。', '山东省发展和改革委员会', ['省发展改革委', '省发展和改革委员会']],
    ['工信部会同工业和信息化部。', '中华人民共和国工业和信息化部', ['工业和信息化部']],
    ['国家发改委和国家发展改革委。', '中华人民共和国国家发展和改革委员会', ['国家发展改革委']],
  ])('%s', (text, canonical, aliases) => {
    const [first, ...rest] = bodiesOf(text);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ canonical, aliases });
  });

  it('expands a one-character prefix with the document region, and knows type and level', () => {
    expect(bodiesOf(SHANDONG + '省科技厅、省委和省政府新闻办。')).toEqual([
      { name: '省科技厅', aliases: [], canonical: '山东省科学技术厅', type: 'government', level: 'provincial' },
      { name: '省委', aliases: [], canonical: '中共山东省委员会', type: 'party', level: 'provincial' },
      { name: '省政府新闻办', aliases: [], canonical: '山东省人民政府新闻办公室', type: 'government', level: 'provincial' },
    ]);
  });

  it('reads place names before departments (青岛市发展改革委, 东至县政府)', () => {
    expect(bodiesOf('青岛市发展改革委和济南市工信局。').map((b) => [b.canonical, b.level])).toEqual([
      ['青岛市发展和改革委员会', 'municipal'],
      ['济南市工业和信息化局', 'municipal'],
    ]);
  });

  it('finds names by their head word: 国家先进印染技术创新中心, 省技术成果交易中心', () => {
    expect(bodiesOf(SHANDONG + '建设国家先进印染技术创新中心、高端智能家电制造业创新中心，依托省技术成果交易中心。').map((b) => b.canonical)).toEqual([
      '国家先进印染技术创新中心',
      '高端智能家电制造业创新中心',
      '山东省技术成果交易中心',
    ]);
  });

  it.each(['有关部门要加强协调，各级各部门狠抓落实。', '牵头部门和配合部门逐一明确。', '经省政府常务会议、省委常委会会议审议通过。', '全省城市发展，区域协调，市场监管。', '新启动4家省实验室、20家省重点实验室建设。', '省级创新平台和国家级工业设计中心。'])(
    'a generic phrase, meeting or kind is no body: %s',
    (text) => expect(bodiesOf(SHANDONG + text)).toEqual([]),
  );

  const WUHU = '芜湖市人民政府工作报告\n\n';
  it.each([
    // People's organizations written bare belong to the document's region; with no region they are national.
    [WUHU + '支持工会、共青团、妇联、工商联等人民团体发挥作用。', ['芜湖市人民政府', '芜湖市总工会', '共青团芜湖市委员会', '芜湖市妇女联合会', '芜湖市工商业联合会']],
    ['支持工会、共青团、妇联等人民团体。', ['中华全国总工会', '中国共产主义青年团', '中华全国妇女联合会']],
    // A county's zone takes the county's bare name.
    [WUHU + '推进繁昌经开区、南陵经开区建设。', ['芜湖市人民政府', '繁昌经济开发区', '南陵经济开发区']],
    // Named institutions without a region prefix, at word boundaries; a verb before them is not part of the name.
    ['支持安徽工程大学、皖南医学院建设，筹建长江研究院。', ['安徽工程大学', '皖南医学院', '长江研究院']],
    // Enterprises named in project lists: before a capacity with its product, before a phase, brand + industry word.
    ['建成奇瑞20万辆新能源汽车、海螺水泥二期等12个项目。', ['奇瑞', '海螺水泥']],
    ['实施瑞鹄汽车模具、长信科技显示面板等15个项目。', ['长信科技']],
    // A city's document knows its province; a city in the title is the document's region.
    ['宜昌市推动制造业高质量发展三年行动方案\n\n按照省委、省政府部署，市发改委牵头。', ['中共湖北省委员会', '湖北省人民政府', '宜昌市发展和改革委员会']],
    // A school named after its place keeps its own name; a province's short name is provincial.
    ['支持安徽卫生健康职业学院、宜昌职业技术学院建设。', ['安徽卫生健康职业学院', '宜昌职业技术学院']],
    // A body listed after another takes its own head word.
    ['组建市城投集团、市交通投资公司。', ['市城市建设投资集团', '市交通投资公司']],
  ])('names organizations outside the gazetteer: %s', (text, canonicals) => {
    expect(bodiesOf(text).map((b) => b.canonical)).toEqual(canonicals);
  });

  it('finds the region under a bare title, and 省域/市场 start no body', () => {
    const text = '政府工作报告\n\n——2023年1月15日在四川省第十四届人民代表大会第一次会议上\n\n建设川南省域经济副中心，省科技厅牵头。';
    expect(bodiesOf(text).map((b) => b.canonical)).toEqual(['四川省科学技术厅']);
  });

  it('an enterprise\'s declared or short name is the same body', () => {
    const text = '以台州的浙江恒川新材料股份有限公司（以下简称“恒川新材”）为例，今年恒川新材融资5亿元。中国东方电气集团营业收入突破700亿元。加快东方电气大型清洁能源装备产业基地等项目建设。';
    expect(bodiesOf(text)).toEqual([
      { name: '浙江恒川新材料股份有限公司', aliases: ['恒川新材'], canonical: '浙江恒川新材料股份有限公司', type: 'enterprise', level: null },
      { name: '中国东方电气集团', aliases: ['东方电气'], canonical: '中国东方电气集团', type: 'enterprise', level: 'national' },
    ]);
  });

  it('我委 in an official\'s answer is the official\'s own body', () => {
    const text = '国家发展改革委有关负责人就《若干措施》答记者问\n\n问：请介绍背景。\n答：我委会同有关部门开展调研，起草了《若干措施》。\n问：下一步？\n答：将抓好落实。';
    const r = extract(text);
    expect(r.bodies.map((b) => [b.name, b.aliases])).toEqual([['国家发展改革委', ['我委']]]);
    expect(r.responsibilities.map((x) => [x.body, x.verb, x.object])).toEqual([['我委', '起草', '《若干措施》']]);
  });

  it.each([
    '新建县级医院3所，建设一批现代产业学院，支持高水平研究型大学，改造乡镇卫生院。',
    '新增产能30万吨，粮食产量达到80万吨以上。',
    '滨江大道二期、礼貌山一期、池州电厂二期等项目开工。',
    '推动汽车电子、智能装备等项目落地。',
    '实施皖南民俗文化街区、安卓梅达酒店等20个重点文旅项目。',
    '完成城市运行管理中心框架搭建。',
  ])('a kind of institution, a measured subject, a place or a venue is no body: %s', (text) => expect(bodiesOf(text)).toEqual([]));

  it('records every mention with offsets', () => {
    const text = '国务院印发通知。国务院要求各地落实。';
    const [b] = extract(text).bodies;
    expect(b!.mentions.map((m) => [m.start, m.end, text.slice(m.start, m.end)])).toEqual([
      [0, 3, '国务院'],
      [8, 11, '国务院'],
    ]);
  });
});

describe('responsibilities', () => {
  const resp = (text: string) => extract(text).responsibilities.map((r) => [r.body, r.verb, r.object]);

  it.each([
    [SHANDONG + '省工信厅牵头制定《工业技改提级2022年行动计划》。', [['省工信厅', '牵头制定', '《工业技改提级2022年行动计划》']]],
    [SHANDONG + '省商务厅坚决落实省委决策部署,牵头实施传统消费升级、新兴消费扩容三大行动,着力推动消费。', [['省商务厅', '牵头实施', '传统消费升级、新兴消费扩容三大行动']]],
    ['（三）完善农机装备创新体系。加快推进农机装备创新。（工业和信息化部、发展改革委等负责）', [['工业和信息化部', '负责', '完善农机装备创新体系'], ['发展改革委', '负责', '完善农机装备创新体系']]],
    ['（十八）健全组织实施机制。建立由农业农村部、工业和信息化部牵头的国家农业机械化发展协调推进机制，统筹协调。', [['农业农村部', '牵头', '国家农业机械化发展协调推进机制'], ['工业和信息化部', '牵头', '国家农业机械化发展协调推进机制']]],
    ['标准制定工作由国家标准委负责。', [['国家标准委', '负责', '标准制定工作']]],
    // Notes in the forms city plans use: a label, lead and partners, a note with a sentence after it.
    ['1.做强绿色化工产业链。推动磷化工延伸。（责任单位：市经信局、市发改委，各县市区人民政府）', [['市经信局', '负责', '做强绿色化工产业链'], ['市发改委', '负责', '做强绿色化工产业链']]],
    ['6.强化企业创新主体地位。支持企业建立研发机构。（市科技局牵头，市财政局、市教育局配合）', [['市科技局', '牵头', '强化企业创新主体地位'], ['市财政局', '配合', '强化企业创新主体地位'], ['市教育局', '配合', '强化企业创新主体地位']]],
    ['（二）提升农机装备水平。（工业和信息化部、农业农村部等负责。列第一位者为牵头单位，下同）', [['工业和信息化部', '负责', '提升农机装备水平'], ['农业农村部', '负责', '提升农机装备水平']]],
    ['出口品牌建设由市商务局负责，市财政局、市税务局配合。', [['市商务局', '负责', '出口品牌建设'], ['市财政局', '配合', '出口品牌建设'], ['市税务局', '配合', '出口品牌建设']]],
    // 会同: the lead body with its own verb, the partners with 会同.
    ['国家发展改革委将会同商务部、海关总署等部门推动西部陆海新通道建设。', [['国家发展改革委', '推动', '西部陆海新通道建设'], ['商务部', '会同', '西部陆海新通道建设'], ['海关总署', '会同', '西部陆海新通道建设']]],
    ['市发改委牵头建立重大项目调度机制。', [['市发改委', '牵头建立', '重大项目调度机制']]],
    ['由工业和信息化部牵头，科技部、国家发展改革委配合，组织实施产业基础再造工程。', [
      ['工业和信息化部', '牵头', '组织实施产业基础再造工程'], ['科技部', '配合', '组织实施产业基础再造工程'], ['国家发展改革委', '配合', '组织实施产业基础再造工程'],
    ]],
  ])('%s', (text, expected) => expect(resp(text)).toEqual(expected));

  it.each(['广东省商务厅联合京东开展县域消费季活动。', '省科技厅组织开展科技成果评价。', '（见附件2）', '（2023年）'])('no marker, no responsibility: %s', (text) => {
    expect(resp(text)).toEqual([]);
  });

  it('a 负责人 is a title, not a responsibility', () => {
    expect(resp('教育部负责人就两个文件回答了记者提问。')).toEqual([]);
  });

  it('links each responsibility to its body record', () => {
    const r = extract(SHANDONG + '省工信厅牵头制定行动计划。');
    expect(r.responsibilities[0]!.bodyId).toBe(r.bodies.find((b) => b.name === '省工信厅')!.id);
  });
});
