// Public API of zhextract.
export { extract, InputError, type ExtractOptions } from './extract.js';
export * from './schema.js';
export { parseNumeral } from './numeral.js';
export { jiebaSegmenter, type Segmenter, type Token } from './segmenter.js';
export { compare } from './eval/compare.js';
export { FixtureSchema, type Fixture } from './eval/fixture.js';
