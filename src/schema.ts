// The record shapes of zhextract, as zod schemas. Types come from z.infer so
// the schema, the validation and the TypeScript types never drift apart.
// Field names follow ../shared/ANNOTATION.md.
import { z } from 'zod';

/** A UTF-16 span of the input as given: input.slice(start, end) === text. */
const Span = {
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
};

export const Comparator = z.enum(['eq', 'gte', 'gt', 'lte', 'lt', 'approx']);
export const Change = z.enum(['increase', 'decrease', 'level']);
export const Role = z.enum(['target', 'actual', 'threshold', 'other']);
export const SpeakerRole = z.enum(['host', 'official', 'reporter']);
export const TurnKind = z.enum(['statement', 'question', 'answer']);
export const BodyType = z.enum(['government', 'party', 'media', 'enterprise', 'institution']);
export const BodyLevel = z.enum(['national', 'provincial', 'municipal', 'county']);

export const TargetSchema = z.object({
  id: z.string(),
  ...Span,
  value: z.number(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  unit: z.string(),
  unitText: z.string(),
  comparator: Comparator,
  change: Change,
  role: Role,
  verb: z.string().nullable(),
  metric: z.string().nullable(),
  year: z.number().int().nullable(),
  speaker: z.string().nullable(),
  sentence: z.string(),
});

export const TurnSchema = z.object({
  id: z.string(),
  speaker: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  kind: TurnKind,
});

export const SpeakerSchema = z.object({
  id: z.string(),
  label: z.string(),
  name: z.string().nullable(),
  title: z.string().nullable(),
  organization: z.string().nullable(),
  role: SpeakerRole,
  turnIds: z.array(z.string()),
});

export const MentionSchema = z.object(Span);

export const BodySchema = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  canonical: z.string(),
  type: BodyType,
  level: BodyLevel.nullable(),
  mentions: z.array(MentionSchema),
});

export const ResponsibilitySchema = z.object({
  id: z.string(),
  ...Span,
  body: z.string(),
  bodyId: z.string(),
  verb: z.string(),
  object: z.string(),
  speaker: z.string().nullable(),
  sentence: z.string(),
});

export const ActionSchema = z.object({
  id: z.string(),
  ...Span,
  verb: z.string(),
  object: z.string(),
  body: z.string().nullable(),
  targetIds: z.array(z.string()),
  speaker: z.string().nullable(),
  sentence: z.string(),
});

export const DocumentSchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  /** ISO date as precise as the text states it: 2022-03-28, 2019-02-23 or 2023. */
  date: z.string().nullable(),
  region: z.string().nullable(),
  /** Where the text says it comes from (信息来源). */
  source: z.string().nullable(),
  /** Length of the input in UTF-16 code units. */
  chars: z.number().int().nonnegative(),
});

export const ExtractionResultSchema = z.object({
  document: DocumentSchema,
  targets: z.array(TargetSchema),
  speakers: z.array(SpeakerSchema),
  turns: z.array(TurnSchema),
  bodies: z.array(BodySchema),
  responsibilities: z.array(ResponsibilitySchema),
  actions: z.array(ActionSchema),
});

export type Comparator = z.infer<typeof Comparator>;
export type Change = z.infer<typeof Change>;
export type Role = z.infer<typeof Role>;
export type Target = z.infer<typeof TargetSchema>;
export type Turn = z.infer<typeof TurnSchema>;
export type Speaker = z.infer<typeof SpeakerSchema>;
export type Body = z.infer<typeof BodySchema>;
export type Responsibility = z.infer<typeof ResponsibilitySchema>;
export type Action = z.infer<typeof ActionSchema>;
export type DocumentInfo = z.infer<typeof DocumentSchema>;
export type ExtractionResult = z.infer<typeof ExtractionResultSchema>;
