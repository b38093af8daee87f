// Extractor: organizations named in the text, from the gazetteer in
// rules/bodies.yaml (national bodies; regional departments after a region
// prefix: 省工信厅, 池州市发展改革委; party committees) and, for names not in
// it, a suffix grammar (国家先进印染技术创新中心, 省技术成果交易中心).
// One left-to-right scan with longest-match lookups.
import { rules, type Department } from '../rules.js';
import type { Body } from '../schema.js';
import type { Token } from '../segmenter.js';

/** What the extractor asks the tokenizer: where words start, and which word starts where. */
export interface Words {
  isWordStart(pos: number): boolean;
  tokenAt(pos: number): Token | undefined;
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
/**
 * A mention that begins an event's name is not the body (省政府常务会议,
 * 全国人民代表大会第四次会议, 二十国集团领导人峰会), unless it convenes it (国务院召开…会议).
 */
const MEETING = /^[^，,。；;、：:（）()\s]{0,16}?(?:会议|峰会|论坛|博览会)/;
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
  if (place.endsWith('市') || place.endsWith('州') || place.endsWith('盟')) return 'municipal';
  return 'county';
}

/** The full region a one-character prefix stands for: the document's own region when the levels agree. */
function regionFor(prefix: string, level: Level, docRegion: string | null): string {
  return docRegion && levelOfPlace(docRegion) === level ? docRegion : prefix;
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
  if (!t || !PLACE_TAGS.has(t.tag) || t.word.length < 2 || !/^[\u4e00-\u9fff]+$/.test(t.word)) return null;
  if (/[市县区]$/.test(t.word)) return { start: i, end: t.end, region: t.word, level: levelOfPlace(t.word) };
  // 青岛 + 市发展改革委: the dictionary keeps 市发展改革委 whole, so the place ends at the prefix.
  const unit = text[t.end];
  if (t.tag === 'ns' && unit !== undefined && '市县区'.includes(unit)) {
    const region = t.word + unit;
    return { start: i, end: t.end + 1, region, level: levelOfPlace(region) };
  }
  // 池州高新区: a bare place name stands for the document's region when that region starts with it.
  if (t.tag === 'ns' && docRegion?.startsWith(t.word)) return { start: i, end: t.end, region: docRegion, level: levelOfPlace(docRegion) };
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
  if (p && words.isWordStart(i) && !r.blockers.has(text[i - 1] ?? ''))
    out.push({ start: i, end: i + p.word.length, region: regionFor(p.word, p.value, docRegion), level: p.value, word: words.tokenAt(i) });
  return out;
}

function regionalAt(text: string, i: number, words: Words, docRegion: string | null): BodyMention | null {
  const b = rules().bodies;
  for (const p of prefixesAt(text, i, words, docRegion)) {
    const d = b.departments.matchAt(text, p.end);
    if (d && d.value.levels.includes(p.level) && !ordinaryWordBeyond(p, p.end + d.word.length)) {
      return { start: i, end: p.end + d.word.length, form: text.slice(i, p.end + d.word.length), canonical: departmentCanonical(d.value, p.region), type: d.value.type, level: p.level };
    }
    // 省委, 山东省委, 市委常委会: the prefix's last character begins the committee's form.
    const c = b.committees.matchAt(text, p.end - 1);
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
    // 国家级创新平台, 省级…: a rank, not a name.
    if (core.startsWith('级')) continue;
    if (core.length - suffix.length < 2 || b.notBodies.has(core) || b.notBodies.has(text.slice(s, end))) return null;
    // 4家省实验室: a counted kind of institution, not one body.
    if (/[0-9家个所座批]/.test(text[s - 1] ?? '')) return null;
    const type = b.typeBySuffix.matchBefore(text, end)?.value ?? 'government';
    const level: Level = national ? 'national' : prefix!.level;
    const canonical = national ? text.slice(s, end) : prefix!.region + core;
    return { start: s, end, form: text.slice(s, end), canonical, type, level };
  }
  return null;
}

/** 国家先进印染技术创新中心、高端智能家电制造业创新中心: a list item with the same head word as the named body before it. */
function listedAfter(text: string, previous: BodyMention | undefined, suffixStart: number, suffix: string): BodyMention | null {
  if (!previous || text[previous.end] !== '、' || !previous.form.endsWith(suffix)) return null;
  const start = previous.end + 1;
  const end = suffixStart + suffix.length;
  const form = text.slice(start, end);
  if (form.length - suffix.length < 2 || form.length > MAX_NAME || !/^[\u4e00-\u9fff]+$/.test(form) || rules().bodies.notBodies.has(form)) return null;
  return { start, end, form, canonical: form, type: previous.type, level: previous.level };
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
    // One-character heads (部, 会, 社) end too many ordinary words to name a body on their own.
    const s = i >= coveredTo ? b.suffixes.matchAt(text, i) : null;
    if (s && s.word.length > 1) {
      const m = suffixNameEndingAt(text, Math.max(coveredTo, i - MAX_NAME), i, s.word, words, docRegion) ?? listedAfter(text, out.at(-1), i, s.word);
      if (m && !isEventName(text, m.end)) {
        out.push(m);
        coveredTo = m.end;
        i = m.end - 1;
      }
    }
  }
  return out.sort((a, c) => a.start - c.start);
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
