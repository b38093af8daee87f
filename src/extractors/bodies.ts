// Extractor: organizations named in the text, from the gazetteer in
// rules/bodies.yaml (national bodies; regional departments after a region
// prefix: 省工信厅, 池州市发展改革委; party committees) and, for names not in
// it, a suffix grammar (国家先进印染技术创新中心, 省技术成果交易中心), named
// institutions (池州学院) and enterprises named in project lists (宝镁30万吨…).
// One left-to-right scan with longest-match lookups.
import { CharSet } from '../charset.js';
import { lowerBound } from '../memo.js';
import { rules, type Department } from '../rules.js';
import type { Body } from '../schema.js';
import type { Token } from '../segmenter.js';

/** What the extractor asks the tokenizer: where words start, and which word starts where. */
export interface Words {
  isWordStart(pos: number): boolean;
  tokenAt(pos: number): Token | undefined;
  /** The tokens of the sentence holding `pos`. */
  tokensAt(pos: number): Token[];
}

type Level = NonNullable<Body['level']>;

export interface BodyMention {
  start: number;
  end: number;
  form: string;
  canonical: string;
  type: Body['type'];
  level: Body['level'];
}

const CJK = /[\u4e00-\u9fff]/;
const ALL_CJK = /^[\u4e00-\u9fff]+$/;
/** charCodeAt tests for the scan that visits every character (text[i] would allocate a string each). */
const isCJK = (code: number) => code >= 0x4e00 && code <= 0x9fff;
const isDigit = (code: number) => code >= 48 && code <= 57;
const LIST_OPENERS = new CharSet('、，,；;：:');
const PHASE = '期'.charCodeAt(0);
/**
 * A mention that begins an event's name is not the body (省政府常务会议,
 * 全国人民代表大会第四次会议, 二十国集团领导人峰会), unless it convenes it (国务院召开…会议).
 */
const MEETING = /^[^，,。；;、：:（）()\s]{0,16}?(?:会议|峰会|论坛|博览会|会晤)/;
const CONVENES = /召开|举行|举办|主持|出席|组织/;
function isEventName(text: string, end: number): boolean {
  const m = MEETING.exec(text.slice(end, end + 20));
  return m !== null && !CONVENES.test(m[0]);
}
/** A name found by the suffix grammar starts with one of these. */
const NAME_STARTS = ['国家', '中国', '全国'];
const MAX_NAME = 16;

function levelOfPlace(place: string): Level {
  const r = rules().regions;
  if (r.provinces.has(place) || r.municipalities.has(place)) return 'provincial';
  if (r.cities.has(place) || place.endsWith('市') || place.endsWith('州') || place.endsWith('盟')) return 'municipal';
  return 'county';
}

/** The full region a one-character prefix stands for: the document's own region when the levels agree, or a city's province. */
function regionFor(prefix: string, level: Level, docRegion: string | null): string {
  if (!docRegion) return prefix;
  if (levelOfPlace(docRegion) === level) return docRegion;
  const province = rules().regions.cities.matchAt(docRegion, 0);
  return level === 'provincial' && province?.word === docRegion ? province.value : prefix;
}

function departmentCanonical(d: Department, region: string): string {
  if (!d.template) return region + d.full;
  const place = region.replace(/(?:省|市|县|区|自治区|州|盟)$/, '');
  return d.template.replaceAll('{region}', region).replaceAll('{place}', place);
}

interface Prefix {
  start: number;
  end: number;
  region: string;
  level: Level;
  /** For a one-character prefix, the word the tokenizer starts there (省, 省政府; 区域, 市场). */
  word?: Token | undefined;
}

/** A one-character prefix inside a longer ordinary word (区域, 市场, 省级) prefixes nothing past that word. */
function ordinaryWordBeyond(p: Prefix, end: number): boolean {
  return p.word !== undefined && p.word.end > end && COMMON_TAGS.has(p.word.tag);
}

/** Tags of ordinary words: a prefix character inside one (区域, 市场, 省级) starts no body. */
const COMMON_TAGS = new Set(['n', 'v', 'vn', 'a', 'ad', 'an', 'd', 'm', 'q', 'r', 'p', 'c', 'u', 'f', 's', 't', 'b', 'l', 'i']);

/** Place-name tags: nodejieba tags 青岛市 ns, but 东至县 nr. */
const PLACE_TAGS = new Set(['ns', 'nr', 'nz']);

/** A place name the tokenizer sees at `i` (青岛市, 东至县; 池州 before 高新区), with the region it names. */
function placeAt(text: string, i: number, words: Words, docRegion: string | null): Prefix | null {
  const t = words.tokenAt(i);
  if (!t || !PLACE_TAGS.has(t.tag) || t.word.length < 2 || !ALL_CJK.test(t.word)) return null;
  // 城市, 园区, 社区 are tagged as places too: a blocker before the unit makes them ordinary words.
  if (/[市县区]$/.test(t.word)) {
    if (t.word.length === 2 && rules().regions.blockers.has(t.word[0]!)) return null;
    return { start: i, end: t.end, region: t.word, level: levelOfPlace(t.word) };
  }
  // 青岛 + 市发展改革委: the dictionary keeps 市发展改革委 whole, so the place ends at the prefix.
  const unit = text[t.end];
  if (t.tag === 'ns' && unit !== undefined && '市县区'.includes(unit)) {
    const region = t.word + unit;
    return { start: i, end: t.end + 1, region, level: levelOfPlace(region) };
  }
  // 池州高新区: a bare place name stands for the document's region when that region starts with it.
  // 安徽卫生健康职业学院: a province's short name.
  const province = rules().regions.provinceShort.get(t.word);
  if (province) return { start: i, end: t.end, region: province, level: 'provincial' };
  if (t.tag === 'ns' && docRegion?.startsWith(t.word)) return { start: i, end: t.end, region: docRegion, level: levelOfPlace(docRegion) };
  // 东至经开区: a zone takes the bare name of the county (in a city's document) or city it belongs to.
  if (t.tag === 'ns' && rules().bodies.departments.matchAt(text, t.end)?.value.some((d) => d.full.endsWith('开发区'))) {
    return { start: i, end: t.end, region: t.word, level: docRegion && levelOfPlace(docRegion) === 'municipal' ? 'county' : 'municipal' };
  }
  return null;
}

/** A region written at `i` that can prefix a body starting there. */
function prefixesAt(text: string, i: number, words: Words, docRegion: string | null): Prefix[] {
  const r = rules().regions;
  const out: Prefix[] = [];
  const province = r.provinces.matchAt(text, i);
  if (province) out.push({ start: i, end: i + province.word.length, region: province.word, level: levelOfPlace(province.word) });
  const place = placeAt(text, i, words, docRegion);
  if (place) out.push(place);
  // 省商务厅, 市经开区, 市政协: a one-character prefix starting a word (not 池州's 州).
  const p = r.prefixes.matchAt(text, i);
  if (p && words.isWordStart(i) && !r.blockers.has(text[i - 1] ?? '') && !r.notBefore.has(text[i + p.word.length] ?? ''))
    out.push({ start: i, end: i + p.word.length, region: regionFor(p.word, p.value, docRegion), level: p.value, word: words.tokenAt(i) });
  // 工会, 妇联 written bare in a regional document: the region's own, an empty prefix standing for it.
  if (docRegion && rules().bodies.bareRegional.matchAt(text, i) && words.isWordStart(i))
    out.push({ start: i, end: i, region: docRegion, level: levelOfPlace(docRegion) });
  return out;
}

function regionalAt(text: string, i: number, words: Words, docRegion: string | null): BodyMention | null {
  const b = rules().bodies;
  for (const p of prefixesAt(text, i, words, docRegion)) {
    const forms = b.departments.matchAt(text, p.end);
    const d = forms?.value.find((x) => x.levels.includes(p.level));
    if (forms && d && !ordinaryWordBeyond(p, p.end + forms.word.length)) {
      const end = p.end + forms.word.length;
      return { start: i, end, form: text.slice(i, end), canonical: departmentCanonical(d, p.region), type: d.type, level: p.level };
    }
    // 省委, 山东省委, 市委常委会: the prefix's last character begins the committee's form.
    const c = p.end > p.start ? b.committees.matchAt(text, p.end - 1) : null;
    if (c) {
      const end = p.end - 1 + c.word.length;
      const standing = c.word.endsWith('常委会') ? '常务委员会' : '';
      const region = p.end - p.start > 1 ? p.region : regionFor(text[i]!, p.level, docRegion);
      return { start: i, end, form: text.slice(i, end), canonical: `中共${region}委员会${standing}`, type: 'party', level: p.level };
    }
  }
  return null;
}

function nationalAt(text: string, i: number, words: Words): BodyMention | null {
  const n = rules().bodies.national.matchAt(text, i);
  // 建行 inside 创建行业 is no mention: a body's name starts a word.
  if (!n || !words.isWordStart(i)) return null;
  const end = i + n.word.length;
  // 教育部党组: the party group of a national body.
  const group = /^(?:党组|党委)/.exec(text.slice(end, end + 2));
  if (group) return { start: i, end: end + 2, form: n.word + group[0], canonical: `中共${n.word}${group[0]}`, type: 'party', level: n.value.level };
  return { start: i, end, form: n.word, canonical: n.value.canonical, type: n.value.type, level: n.value.level };
}

/** 国家先进印染技术创新中心, 省技术成果交易中心: a name ending in an organization's head word. */
function suffixNameEndingAt(text: string, from: number, suffixStart: number, suffix: string, words: Words, docRegion: string | null): BodyMention | null {
  const b = rules().bodies;
  const end = suffixStart + suffix.length;
  let lo = suffixStart;
  while (lo > from && suffixStart - lo < MAX_NAME && CJK.test(text[lo - 1]!) && !'的和与及在等由对向是为从将'.includes(text[lo - 1]!)) lo--;
  for (let s = lo; s < suffixStart - 1; s++) {
    const national = NAME_STARTS.find((w) => text.startsWith(w, s));
    const prefix = national ? null : prefixesAt(text, s, words, docRegion).find((p) => p.word === undefined || p.word.word === text.slice(p.start, p.end) || !COMMON_TAGS.has(p.word.tag));
    if (!national && !prefix) continue;
    const head = national ? s + national.length : prefix!.end;
    const core = text.slice(head, end);
    // 国家级创新平台, 省级…: a rank, not a name; 贵池区共建第一附属医院: the region is the doer of a verb.
    if (core.startsWith('级') || holdsVerb(text, head, suffixStart, words)) continue;
    // 大湾区三大招商中心: a counted kind.
    if (/[一二三四五六七八九十两]大/.test(core)) return null;
    if (core.length - suffix.length < 2 || b.notBodies.has(core) || b.notBodies.has(text.slice(s, end))) return null;
    // 4家省实验室: a counted kind of institution, not one body.
    if (/[0-9家个所座批]/.test(text[s - 1] ?? '')) return null;
    const type = b.typeBySuffix.matchBefore(text, end)?.value ?? 'government';
    // 池州职业技术学院: a school or a company named after its place keeps its own name; 市…中心 is the city's.
    const ownName = national || (type !== 'government' && prefix!.end - prefix!.start > 1);
    const canonical = ownName ? text.slice(s, end) : prefix!.region + expandAbbreviations(core);
    // 浙江恒川新材料股份有限公司: a place in a company's name is no level of government.
    const level: Level | null = national ? 'national' : type === 'enterprise' && ownName ? null : prefix!.level;
    return { start: s, end, form: text.slice(s, end), canonical, type, level };
  }
  return null;
}

/** 投控集团 → 投资控股集团: the written-out form of the abbreviations in a name, for its canonical name. */
function expandAbbreviations(name: string): string {
  const { abbreviations } = rules().bodies;
  let out = '';
  for (let i = 0; i < name.length; ) {
    const m = abbreviations.matchAt(name, i);
    out += m ? m.value : name[i];
    i += m ? m.word.length : 1;
  }
  return out;
}

/** A word of `text` in [from, to) that is an action verb (共建, 建设). */
function holdsVerb(text: string, from: number, to: number, words: Words): boolean {
  const actions = rules().verbs.actions;
  for (let p = from; p < to; p++) {
    const v = words.isWordStart(p) ? actions.matchAt(text, p) : null;
    if (v && v.word.length > 1 && words.tokenAt(p)?.word === v.word) return true;
  }
  return false;
}

/** Tags a word of an institution's proper name may carry (nouns, places, names, unknown words, attributes). */
const NAME_TAGS = new Set(['n', 'nz', 'ns', 'nr', 'nrt', 'nt', 'x', 'b', 't', 'ng', 'j', 'vn', 'a', 'an']);
/** Tags that cannot begin a name: attributes and verbal nouns lean on what follows (好 in 发挥好…, 新型). */
const NOT_FIRST = new Set(['a', 'an', 'b', 'vn']);

/**
 * 池州学院, 绿地小学, 镁合金产业研究院, 第一附属医院: a noun phrase ending in an
 * institution's head word names one institution unless it is counted or
 * made of classifying words alone (县级医院, 现代产业学院).
 */
function namedInstitutionAt(text: string, from: number, headStart: number, head: string, words: Words): BodyMention | null {
  const b = rules().bodies;
  const end = headStart + head.length;
  if (!words.isWordStart(headStart) || (end < text.length && CJK.test(text[end]!) && !words.isWordStart(end))) return null;
  const tokens = words.tokensAt(headStart);
  let k = lowerBound(tokens, headStart, (t) => t.start);
  const verbs = rules().verbs;
  let start = headStart;
  while (k > 0) {
    const t = tokens[k - 1]!;
    const ordinal = t.tag === 'm' && /^第[一二三四五六七八九十]$/.test(t.word);
    if (t.start < from || headStart - t.start > MAX_NAME || !ALL_CJK.test(t.word)) break;
    // 充分发挥 comes tagged n: a word ending in a lexicon verb is a verb.
    if (!(NAME_TAGS.has(t.tag) || ordinal) || verbs.actions.matchBefore(t.word, t.word.length) || verbs.quantity.matchBefore(t.word, t.word.length)) break;
    start = t.start;
    k--;
  }
  while (start < headStart && NOT_FIRST.has(words.tokenAt(start)?.tag ?? '')) start = words.tokenAt(start)!.end;
  const core = tokens.filter((t) => t.start >= start && t.end <= headStart);
  if (headStart - start < 2 || core.every((t) => b.genericModifiers.has(t.word))) return null;
  // 4所学校, 一批研究院, 各医院: a counted or quantified kind.
  const before = tokens[k - 1];
  if (before && before.end === start && (before.tag === 'm' || before.tag === 'q' || before.tag === 'r')) return null;
  const form = text.slice(start, end);
  if (b.notBodies.has(form)) return null;
  return { start, end, form, canonical: form, type: b.typeBySuffix.matchBefore(text, end)?.value ?? 'institution', level: null };
}

/** The end of a number's digits at `at`. */
function digitsEnd(text: string, at: number): number {
  let k = at;
  while (k < text.length && /[0-9.]/.test(text[k]!)) k++;
  return k;
}

/**
 * The short enterprise name ending at `end` that opens a list item: the
 * item's text after its last verb (建成鸿叶 → 鸿叶), neither a place
 * (池州电厂), a measured subject (产能), a time nor a facility.
 */
function enterpriseEndingAt(text: string, from: number, end: number, maxLength: number, words: Words, docRegion: string | null): BodyMention | null {
  const b = rules().bodies;
  let start = end;
  while (start > from && end - start < MAX_NAME && CJK.test(text[start - 1]!)) start--;
  // 15.2万吨锂电新材: an item opens after punctuation, not after a number.
  if (/[0-9A-Za-z.%]/.test(text[start - 1] ?? '')) return null;
  const { actions, quantity } = rules().verbs;
  for (let p = start; p < end; p++) {
    const v = actions.matchAt(text, p) ?? quantity.matchAt(text, p);
    if (v && v.word.length > 1 && p + v.word.length <= end) {
      start = p + v.word.length;
      p = start - 1;
    }
  }
  const name = text.slice(start, end);
  if (name.length < 2 || name.length > maxLength || b.notEnterpriseWords.some((w) => name.includes(w)) || b.notEnterpriseEnds.has(name.at(-1)!)) return null;
  if (words.tokenAt(start)?.tag === 'ns' || prefixesAt(text, start, words, docRegion).length > 0 || rules().regions.provinces.matchAt(text, start)) return null;
  return { start, end, form: name, canonical: name, type: 'enterprise', level: null };
}

/**
 * 宝镁30万吨镁合金, 华宇电子三期: the short name right before a project's
 * production capacity (followed by its product) or its phase is the
 * enterprise building it.
 */
function enterpriseBefore(text: string, from: number, at: number, words: Words, docRegion: string | null): BodyMention | null {
  const b = rules().bodies;
  if (!b.projectPhases.matchAt(text, at)) {
    const k = digitsEnd(text, at);
    const unit = k > at ? b.capacityUnits.matchAt(text, k) : null;
    const after = unit ? k + unit.word.length : -1;
    if (!unit || !CJK.test(text[after] ?? '') || rules().qualifiersAfter.matchAt(text, after)) return null;
  }
  return enterpriseEndingAt(text, from, at, 6, words, docRegion);
}

/** The clause after `pos` names a project (…等技改项目, …等25个项目): the names before are builders' names. */
const PROJECT_CLAUSE = /^[^，,。；;：:]{0,60}?项目/;

/** Tags nodejieba gives the pieces of a word it does not know (昀/g 冢/ng, 凯/nr 盛/v). */
const FRAGMENT_TAGS = new Set(['nr', 'g', 'ng', 'zg', 'x']);
const FRAGMENT_RUN_TAGS = new Set(['nr', 'g', 'ng', 'zg', 'x', 'n', 'v', 'f', 'nz']);

/**
 * 西恩锂电池回收综合利用、昀冢陶瓷电容器…等20个项目: a project in a list that
 * opens with a name the tokenizer breaks into single characters, one of them
 * an unknown-word piece, before an ordinary word, names its enterprise.
 */
function enterpriseFragmentsAt(text: string, at: number, words: Words): BodyMention | null {
  if (!words.isWordStart(at)) return null;
  const opens = LIST_OPENERS.has(text.charCodeAt(at - 1)) || rules().verbs.actions.matchBefore(text, at) !== null;
  if (!opens) return null;
  let end = at;
  let unknown = false;
  for (let t = words.tokenAt(at); t && t.word.length === 1 && CJK.test(t.word) && FRAGMENT_RUN_TAGS.has(t.tag); t = words.tokenAt(end)) {
    unknown ||= FRAGMENT_TAGS.has(t.tag);
    end = t.end;
  }
  const next = words.tokenAt(end);
  if (!unknown || end - at < 2 || end - at > 4 || !next || next.word.length < 2 || !/^n/.test(next.tag)) return null;
  if (!PROJECT_CLAUSE.test(text.slice(end, end + 64))) return null;
  // 蓝城康旅小镇, 安卓梅达酒店: a venue is named after its place or brand, not after a builder.
  const itemEnd = end + (/[、，,；;。等]/.exec(text.slice(end, end + 64))?.index ?? 0);
  if (rules().bodies.venueHeads.matchBefore(text, itemEnd)) return null;
  const name = text.slice(at, end);
  if (rules().bodies.notEnterpriseWords.some((w) => name.includes(w))) return null;
  return { start: at, end, form: name, canonical: name, type: 'enterprise', level: null };
}

/**
 * 天道智能重工等25个项目, 贵航特钢煤气综合利用…等技改项目: in a list of
 * projects, a brand followed by an enterprise's industry word (重工, 特钢,
 * 电子) names the enterprise; an industry word alone (汽车电子) does not.
 */
function enterpriseWithHead(text: string, from: number, headStart: number, head: string, words: Words, docRegion: string | null): BodyMention | null {
  const end = headStart + head.length;
  if (!words.isWordStart(headStart) || !PROJECT_CLAUSE.test(text.slice(end, end + 32))) return null;
  const m = enterpriseEndingAt(text, from, end, 8, words, docRegion);
  if (!m || headStart - m.start < 2) return null;
  const first = words.tokenAt(m.start);
  if (!first || first.end > headStart || rules().bodies.industryWords.has(first.word) || rules().bodies.genericModifiers.has(first.word)) return null;
  return m;
}

/**
 * 国家先进印染技术创新中心、高端智能家电制造业创新中心; 市农科院、乡村振兴公司:
 * a list item after a named body, ending in a head word of its own, is a body
 * of the same level — unless it is a rank (省级…中心) or a deed (筹建…学院).
 */
function listedAfter(text: string, previous: BodyMention | undefined, suffixStart: number, suffix: string, words: Words): BodyMention | null {
  if (!previous || text[previous.end] !== '、') return null;
  const start = previous.end + 1;
  const end = suffixStart + suffix.length;
  const form = text.slice(start, end);
  if (form.length - suffix.length < 2 || form.length > MAX_NAME || !ALL_CJK.test(form) || rules().bodies.notBodies.has(form) || holdsVerb(text, start, suffixStart, words)) return null;
  if (form.includes('级')) return null;
  const type = previous.form.endsWith(suffix) ? previous.type : (rules().bodies.typeBySuffix.matchBefore(text, end)?.value ?? previous.type);
  return { start, end, form, canonical: form, type, level: previous.level };
}

export function findBodyMentions(text: string, words: Words, docRegion: string | null): BodyMention[] {
  const b = rules().bodies;
  const out: BodyMention[] = [];
  let coveredTo = 0;
  for (let i = 0; i < text.length; i++) {
    // Every gazetteer name starts a word (the user dictionary keeps them whole).
    if (i >= coveredTo && words.isWordStart(i)) {
      const m = regionalAt(text, i, words, docRegion) ?? nationalAt(text, i, words);
      if (m && !b.notBodies.has(m.form) && !isEventName(text, m.end)) {
        out.push(m);
        coveredTo = m.end;
        i = m.end - 1;
        continue;
      }
    }
    if (i < coveredTo) continue;
    const from = Math.max(coveredTo, i - MAX_NAME);
    // One-character heads (部, 会, 社) end too many ordinary words to name a body on their own.
    const s = b.suffixes.matchAt(text, i);
    const h = b.institutionHeads.matchAt(text, i);
    const e = b.enterpriseHeads.matchAt(text, i);
    const m =
      (s && s.word.length > 1 ? (suffixNameEndingAt(text, from, i, s.word, words, docRegion) ?? listedAfter(text, out.at(-1), i, s.word, words)) : null) ??
      (h ? namedInstitutionAt(text, from, i, h.word, words) : null) ??
      (i > from && isCJK(text.charCodeAt(i - 1)) && (isDigit(text.charCodeAt(i)) || text.charCodeAt(i + 1) === PHASE) ? enterpriseBefore(text, from, i, words, docRegion) : null) ??
      (e ? enterpriseWithHead(text, from, i, e.word, words, docRegion) : null) ??
      enterpriseFragmentsAt(text, i, words);
    if (m && !isEventName(text, m.end)) {
      out.push(m);
      coveredTo = m.end;
      i = m.end - 1;
    }
  }
  return out.sort((a, c) => a.start - c.start);
}

/**
 * 我委, 我部: in a turn of a speaker whose organization the text names, the
 * speaker's own body (国家发展改革委负责人 → 我委 = 国家发展改革委).
 */
export function selfMentions(
  text: string,
  organizationAt: (pos: number) => string | null,
  known: readonly BodyMention[],
): BodyMention[] {
  const { selfReferences, national } = rules().bodies;
  const out: BodyMention[] = [];
  for (let at = text.indexOf('我'); at >= 0; at = text.indexOf('我', at + 1)) {
    const form = selfReferences.matchAt(text, at)?.word;
    const org = form ? organizationAt(at) : null;
    if (!form || !org) continue;
    const body = known.find((m) => m.form === org || m.canonical === org);
    const gazetteer = national.matchAt(org, 0);
    const ref = body ?? (gazetteer?.word === org ? { canonical: gazetteer.value.canonical, type: gazetteer.value.type, level: gazetteer.value.level } : null);
    if (ref) out.push({ start: at, end: at + form.length, form, canonical: ref.canonical, type: ref.type, level: ref.level });
  }
  return out;
}

/**
 * 东方电气 is 中国东方电气集团: an enterprise's short name inside another
 * enterprise's name takes that one's canonical name, so every record that
 * links a mention to its body (bodies, responsibilities) sees the same body.
 */
export function resolveShortNames(mentions: readonly BodyMention[]): BodyMention[] {
  const enterprises = [...new Set(mentions.filter((m) => m.type === 'enterprise').map((m) => m.canonical))];
  return mentions.map((m) => {
    const full = m.type === 'enterprise' ? enterprises.find((c) => c.length > m.canonical.length && c.includes(m.canonical)) : undefined;
    return full ? { ...m, canonical: full } : m;
  });
}

/** One body per canonical name: the first form seen is its name, the other forms its aliases. */
export function groupBodies(mentions: readonly BodyMention[]): Body[] {
  const byCanonical = new Map<string, Body>();
  for (const m of mentions) {
    let body = byCanonical.get(m.canonical);
    if (!body) {
      body = { id: `b${byCanonical.size + 1}`, name: m.form, aliases: [], canonical: m.canonical, type: m.type, level: m.level, mentions: [] };
      byCanonical.set(m.canonical, body);
    } else if (m.form !== body.name && !body.aliases.includes(m.form)) body.aliases.push(m.form);
    body.mentions.push({ text: m.form, start: m.start, end: m.end });
  }
  return [...byCanonical.values()];
}

const DECLARED = /^[（(]以下简称[“"]([^”"（）()]{2,12})[”"][）)]/;

/**
 * 浙江恒川新材料股份有限公司（以下简称“恒川新材”）: every later use of the
 * declared short name is a mention of the body.
 */
export function declaredAliases(text: string, known: readonly BodyMention[]): BodyMention[] {
  const out: BodyMention[] = [];
  for (const m of known) {
    const short = DECLARED.exec(text.slice(m.end, m.end + 24))?.[1];
    if (!short) continue;
    for (let at = text.indexOf(short, m.end); at >= 0; at = text.indexOf(short, at + short.length)) {
      if (!known.some((k) => k.start < at + short.length && at < k.end)) out.push({ ...m, start: at, end: at + short.length, form: short });
    }
  }
  return out;
}

/**
 * Media outlets named in reporters' labels (山东科技报记者) are bodies too,
 * wherever the text names them outside the gazetteer's mentions.
 */
export function outletMentions(text: string, outlets: readonly string[], known: readonly BodyMention[], docRegion: string | null): BodyMention[] {
  const out: BodyMention[] = [];
  const taken = (s: number, e: number) => [...known, ...out].some((m) => m.start < e && s < m.end);
  const stem = docRegion?.replace(/(?:省|市|自治区)$/, '') ?? null;
  for (const outlet of new Set(outlets)) {
    const national = rules().bodies.national.matchAt(outlet, 0);
    if (national?.word === outlet) continue; // already in the gazetteer (中新社)
    const level: Level | null = /^(?:中国|中华|全国|人民)/.test(outlet) ? 'national' : stem && outlet.startsWith(stem) ? levelOfPlace(docRegion!) : docRegion ? levelOfPlace(docRegion) : null;
    for (let at = text.indexOf(outlet); at >= 0; at = text.indexOf(outlet, at + outlet.length)) {
      if (!taken(at, at + outlet.length)) out.push({ start: at, end: at + outlet.length, form: outlet, canonical: outlet, type: 'media', level });
    }
  }
  return out;
}
