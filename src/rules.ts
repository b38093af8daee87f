// Loads the lexicons in rules/ once and compiles them into lookup tables.
// Everything a policy analyst might want to edit lives in the YAML files;
// this module only gives them a shape the extractors can use quickly.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseYaml } from './cache.js';
import { CharSet } from './charset.js';
import { Comparator } from './schema.js';

/** Finds rules/ whether running from src/ (tests) or dist/src/ (built). */
function findRulesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'rules');
    if (existsSync(join(candidate, 'units.yaml'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('zhextract: cannot find the rules/ directory next to the package');
}

export const RULES_DIR = findRulesDir();

function load<T extends z.ZodTypeAny>(file: string, schema: T): z.infer<T> {
  const raw = parseYaml(readFileSync(join(RULES_DIR, file), 'utf8'));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`zhextract: rules/${file} is invalid: ${parsed.error.message}`);
  return parsed.data;
}

const words = z.array(z.string().min(1));
const qualifier = z.object({ word: z.string(), comparator: Comparator, in_text: z.boolean().default(true) });

const NumeralsFile = z.object({
  digits: z.record(z.string(), z.number()),
  small_units: z.record(z.string(), z.number()),
  big_units: z.record(z.string(), z.number()),
  decimal_point: z.string(),
  vague_markers: words,
  percent_prefixes: z.record(z.string(), z.string()),
});
const UnitsFile = z.object({
  currency: z.record(z.string(), z.string()),
  percent: z.record(z.string(), z.string()),
  physical: words,
  measure_words: words,
  rate_denominators: words,
  clause_units: z.array(z.object({ unit: z.string(), words, after: words.optional() })),
  not_units: words,
});
const QualifiersFile = z.object({
  before: z.array(qualifier),
  after: z.array(qualifier),
  between: z.array(qualifier),
  range_separators: words,
  list_separators: words,
});
const ContextFile = z.object({
  change: z.object({ increase: words, decrease: words, not_change: words, level_after_cue: words }),
  role: z.object({
    target: words,
    target_weak: words,
    actual: words,
    actual_weak: words,
    neutral: words,
    period_actual: words,
    period_target: words,
    heading_actual: words,
    heading_target: words,
    plan_periods: z.record(z.string(), z.tuple([z.number(), z.number()])),
    forecasters: words,
    forecast_verbs: words,
  }),
  year: z.object({ base_markers: words, relative: z.record(z.string(), z.number()) }),
  metric: z.object({ predicate_starts: words }),
});
const VerbsFile = z.object({
  modal: words,
  quantity_verbs: words,
  particles: words,
  prefixes: words,
  responsibility_leads: words,
  action_verbs: words,
  action_adverbials: words,
  action_pivots: words,
  light_verbs: words,
});
const ExclusionsFile = z.object({
  figurative: words,
  names: words,
  ordinal_prefixes: words,
  generic_one_units: words,
  chinese_ordinal_units: words,
});

const TranscriptFile = z.object({
  surnames: words,
  not_names: words,
  role_labels: z.record(z.string(), z.enum(['host', 'reporter', 'official'])),
  reporter_suffixes: words,
  metadata_prefixes: words,
  host_cues: words,
  honorifics: words,
  titles: words,
  answerer_titles: words,
});

const BodyType = z.enum(['government', 'party', 'media', 'enterprise', 'institution']);
const BodyLevel = z.enum(['national', 'provincial', 'municipal', 'county']);
const BodiesFile = z.object({
  national: z.array(
    z.object({ canonical: z.string(), aliases: words, type: BodyType, level: BodyLevel.nullable().default('national') }),
  ),
  departments: z.array(
    z.object({ full: z.string(), forms: words, type: BodyType, levels: z.array(BodyLevel), template: z.string().optional() }),
  ),
  party_committees: z.array(z.object({ forms: words, type: BodyType })),
  suffixes: words,
  not_bodies: words,
  type_by_suffix: z.object({ enterprise: words, institution: words, media: words }),
  bare_regional: words,
  institution_heads: words,
  generic_modifiers: words,
  capacity_units: words,
  project_phases: words,
  not_enterprise_words: words,
  not_enterprise_ends: words,
  enterprise_heads: words,
  industry_words: words,
  venue_heads: words,
  self_references: words,
  abbreviations: z.record(z.string(), z.string()),
});
const RegionsFile = z.object({
  provinces: words,
  municipalities: words,
  prefixes: z.record(z.string(), BodyLevel),
  prefix_blockers: words,
  prefix_not_before: words,
  cities: z.record(z.string(), words),
});
export type NationalBody = z.infer<typeof BodiesFile>['national'][number];
export type Department = z.infer<typeof BodiesFile>['departments'][number];

/** Entries sharing a word, gathered under it in order. */
function groupBy<V>(entries: [string, V][]): [string, V[]][] {
  const groups = new Map<string, V[]>();
  for (const [w, v] of entries) groups.set(w, [...(groups.get(w) ?? []), v]);
  return [...groups];
}

export type Qualifier = z.infer<typeof qualifier>;

/** A lexicon hit: shared between calls, so read it, never change it. */
export type LexiconMatch<V> = Readonly<{ word: string; value: V }>;

/** A trie node keyed by UTF-16 code unit. */
interface TrieNode<V> {
  next: Map<number, TrieNode<V>> | null;
  /** The entry that ends at this node, if any. */
  match: LexiconMatch<V> | null;
}

function insert<V>(root: TrieNode<V>, word: string, match: LexiconMatch<V>, reversed: boolean): void {
  let node = root;
  for (let k = 0; k < word.length; k++) {
    const code = word.charCodeAt(reversed ? word.length - 1 - k : k);
    node.next ??= new Map();
    let child = node.next.get(code);
    if (!child) node.next.set(code, (child = { next: null, match: null }));
    node = child;
  }
  node.match = match;
}

/**
 * A set of words matched longest-first at a position. Lookups run at most
 * characters of every document, several lexicons each, so they walk a trie
 * forwards (matchAt) or backwards (matchBefore) by character code rather
 * than slice a candidate string per length: no allocation, and most
 * positions stop at the first character.
 */
export class Lexicon<V = string> {
  private readonly entries = new Map<string, V>();
  private readonly forward: TrieNode<V> = { next: null, match: null };
  private readonly backward: TrieNode<V> = { next: null, match: null };
  /** First and last characters of the entries: most positions of a text are neither, and need no trie lookup. */
  private readonly firsts = new CharSet();
  private readonly lasts = new CharSet();
  constructor(entries: Iterable<[string, V]>) {
    for (const [word, value] of entries) {
      if (this.entries.has(word)) continue;
      this.entries.set(word, value);
      const match: LexiconMatch<V> = Object.freeze({ word, value });
      insert(this.forward, word, match, false);
      insert(this.backward, word, match, true);
      this.firsts.add(word.charCodeAt(0));
      this.lasts.add(word.charCodeAt(word.length - 1));
    }
  }
  static of(list: readonly string[]): Lexicon<string> {
    return new Lexicon(list.map((w) => [w, w] as [string, string]));
  }
  /** Longest entry starting at `pos`. */
  matchAt(text: string, pos: number): LexiconMatch<V> | null {
    if (!this.firsts.has(text.charCodeAt(pos))) return null;
    let best: LexiconMatch<V> | null = null;
    let node: TrieNode<V> | undefined = this.forward;
    // charCodeAt is NaN outside the text, and no node has NaN as a key.
    for (let i = pos; node.next && (node = node.next.get(text.charCodeAt(i))); i++) if (node.match) best = node.match;
    return best;
  }
  /** Longest entry ending exactly at `end`. */
  matchBefore(text: string, end: number): LexiconMatch<V> | null {
    if (!this.lasts.has(text.charCodeAt(end - 1))) return null;
    let best: LexiconMatch<V> | null = null;
    let node: TrieNode<V> | undefined = this.backward;
    for (let i = end - 1; node.next && (node = node.next.get(text.charCodeAt(i))); i--) if (node.match) best = node.match;
    return best;
  }
  has(word: string): boolean {
    return this.entries.has(word);
  }
  get words(): string[] {
    return [...this.entries.keys()];
  }
}

export interface UnitInfo {
  unit: string;
  kind: 'currency' | 'percent' | 'physical' | 'measure';
}

function compile() {
  const numerals = load('numerals.yaml', NumeralsFile);
  const units = load('units.yaml', UnitsFile);
  const qualifiers = load('qualifiers.yaml', QualifiersFile);
  const context = load('context.yaml', ContextFile);
  const verbs = load('verbs.yaml', VerbsFile);
  const exclusions = load('exclusions.yaml', ExclusionsFile);
  const transcript = load('transcript.yaml', TranscriptFile);
  const bodies = load('bodies.yaml', BodiesFile);
  const regions = load('regions.yaml', RegionsFile);

  const unitEntries: [string, UnitInfo][] = [
    ...Object.entries(units.currency).map(([w, u]): [string, UnitInfo] => [w, { unit: u, kind: 'currency' }]),
    ...Object.entries(units.percent).map(([w, u]): [string, UnitInfo] => [w, { unit: u, kind: 'percent' }]),
    ...units.physical.map((w): [string, UnitInfo] => [w, { unit: w, kind: 'physical' }]),
    ...units.measure_words.map((w): [string, UnitInfo] => [w, { unit: w, kind: 'measure' }]),
  ];
  const digitValues = new Map(Object.entries(numerals.digits));
  const smallUnits = new Map(Object.entries(numerals.small_units));
  const bigUnits = new Map(Object.entries(numerals.big_units));
  return {
    numerals: {
      digits: digitValues,
      smallUnits,
      bigUnits,
      decimalPoint: numerals.decimal_point,
      vague: new Set(numerals.vague_markers),
      percentPrefixes: new Lexicon(Object.entries(numerals.percent_prefixes)),
      /** Every character that can belong to a Chinese numeral. */
      chars: new Set([...digitValues.keys(), ...smallUnits.keys(), ...bigUnits.keys()]),
      magnitudes: new Lexicon([...smallUnits, ...bigUnits]),
    },
    units: new Lexicon(unitEntries),
    rateDenominators: Lexicon.of(units.rate_denominators),
    clauseUnits: units.clause_units,
    notUnits: Lexicon.of(units.not_units),
    qualifiersBefore: new Lexicon(qualifiers.before.map((q): [string, Qualifier] => [q.word, q])),
    qualifiersAfter: new Lexicon(qualifiers.after.map((q): [string, Qualifier] => [q.word, q])),
    qualifiersBetween: new Lexicon(qualifiers.between.map((q): [string, Qualifier] => [q.word, q])),
    rangeSeparators: Lexicon.of(qualifiers.range_separators),
    listSeparators: Lexicon.of(qualifiers.list_separators),
    change: {
      increase: Lexicon.of(context.change.increase),
      decrease: Lexicon.of(context.change.decrease),
      notChange: Lexicon.of(context.change.not_change),
      levelAfterCue: Lexicon.of(context.change.level_after_cue),
    },
    role: {
      target: Lexicon.of(context.role.target),
      targetWeak: Lexicon.of(context.role.target_weak),
      actual: Lexicon.of(context.role.actual),
      actualWeak: Lexicon.of(context.role.actual_weak),
      neutral: Lexicon.of(context.role.neutral),
      periodActual: Lexicon.of(context.role.period_actual),
      periodTarget: Lexicon.of(context.role.period_target),
      headingActual: context.role.heading_actual,
      headingTarget: context.role.heading_target,
      planPeriods: new Lexicon(Object.entries(context.role.plan_periods)),
      /** 国际货币基金组织近期预测, 有研究机构预计: a third party's forecast, within one clause. */
      thirdPartyForecast: new RegExp(`(?:${context.role.forecasters.join('|')})[^，,。；;]{0,8}?(?:${context.role.forecast_verbs.join('|')})`),
    },
    year: {
      baseMarkers: Lexicon.of(context.year.base_markers),
      relative: new Lexicon(Object.entries(context.year.relative)),
    },
    metric: { predicateStarts: Lexicon.of(context.metric.predicate_starts) },
    verbs: {
      modal: Lexicon.of(verbs.modal),
      quantity: Lexicon.of(verbs.quantity_verbs),
      particles: new Set(verbs.particles),
      prefixes: Lexicon.of(verbs.prefixes),
      leads: Lexicon.of(verbs.responsibility_leads),
      actions: Lexicon.of(verbs.action_verbs),
      adverbials: new Set(verbs.action_adverbials),
      pivots: new Set(verbs.action_pivots),
      light: new Set(verbs.light_verbs),
    },
    regions: {
      provinces: Lexicon.of(regions.provinces),
      municipalities: new Set(regions.municipalities),
      prefixes: new Lexicon(Object.entries(regions.prefixes)),
      blockers: new Set(regions.prefix_blockers),
      notBefore: new Set(regions.prefix_not_before),
      /** 安徽 → 安徽省, 广西 → 广西壮族自治区. */
      provinceShort: new Map(regions.provinces.map((p) => [p.replace(/(?:省|市|(?:壮族|回族|维吾尔)?自治区|生产建设兵团)$/, ''), p])),
      /** City → its province. */
      cities: new Lexicon(Object.entries(regions.cities).flatMap(([province, cs]) => cs.map((c): [string, string] => [c, province]))),
    },
    bodies: {
      national: new Lexicon(bodies.national.flatMap((b) => [b.canonical, ...b.aliases].map((w): [string, NationalBody] => [w, b]))),
      // A form may name departments of several levels (经开区: 经济技术开发区 of a city, 经济开发区 of a county).
      departments: new Lexicon(groupBy(bodies.departments.flatMap((d) => d.forms.map((w): [string, Department] => [w, d])))),
      committees: new Lexicon(bodies.party_committees.flatMap((c) => c.forms.map((w): [string, string] => [w, c.type]))),
      suffixes: Lexicon.of(bodies.suffixes),
      notBodies: new Set(bodies.not_bodies),
      bareRegional: Lexicon.of(bodies.bare_regional),
      institutionHeads: Lexicon.of(bodies.institution_heads),
      genericModifiers: new Set(bodies.generic_modifiers),
      capacityUnits: Lexicon.of(bodies.capacity_units),
      projectPhases: Lexicon.of(bodies.project_phases),
      notEnterpriseWords: bodies.not_enterprise_words,
      notEnterpriseEnds: new Set(bodies.not_enterprise_ends),
      enterpriseHeads: Lexicon.of(bodies.enterprise_heads),
      industryWords: new Set(bodies.industry_words),
      venueHeads: Lexicon.of(bodies.venue_heads),
      selfReferences: Lexicon.of(bodies.self_references),
      abbreviations: new Lexicon(Object.entries(bodies.abbreviations)),
      typeBySuffix: new Lexicon(
        Object.entries(bodies.type_by_suffix).flatMap(([type, ws]) => ws.map((w): [string, 'enterprise' | 'institution' | 'media'] => [w, type as 'enterprise'])),
      ),
    },
    transcript: {
      surnames: Lexicon.of(transcript.surnames),
      notNames: new Set(transcript.not_names),
      roleLabels: new Map(Object.entries(transcript.role_labels)),
      reporterSuffixes: transcript.reporter_suffixes,
      metadataPrefixes: transcript.metadata_prefixes,
      hostCues: transcript.host_cues,
      honorifics: Lexicon.of(transcript.honorifics),
      titles: Lexicon.of(transcript.titles),
      answererTitles: transcript.answerer_titles,
    },
    exclusions: {
      figurative: Lexicon.of(exclusions.figurative),
      names: Lexicon.of(exclusions.names),
      ordinalPrefixes: Lexicon.of(exclusions.ordinal_prefixes),
      genericOneUnits: new Set(exclusions.generic_one_units),
      chineseOrdinalUnits: new Set(exclusions.chinese_ordinal_units),
    },
  };
}

export type Rules = ReturnType<typeof compile>;

let cached: Rules | undefined;
/** The compiled rules, loaded on first use and shared afterwards. */
export function rules(): Rules {
  return (cached ??= compile());
}
