// The gold fixture format: what a person writes by hand while reading a
// document against ANNOTATION.md. A subset of ExtractionResult without ids or
// offsets (people don't count characters), plus `optional` on borderline
// entries. See fixtures/README.md.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { BodySchema, SpeakerSchema, TargetSchema } from '../schema.js';

// Gold records are the extractor's records without ids, offsets and links: picked from the same schemas.
export const GoldTargetSchema = TargetSchema.pick({
  value: true,
  low: true,
  high: true,
  unit: true,
  comparator: true,
  change: true,
  role: true,
  verb: true,
  metric: true,
  year: true,
  speaker: true,
}).extend({ text: z.string().min(1), optional: z.boolean().default(false) });

export const GoldSpeakerSchema = SpeakerSchema.pick({ name: true, title: true, organization: true, role: true });

/** A turn: its speaker's label as in the text, and the first words it says (at least a few characters). */
export const GoldTurnSchema = z.object({ speaker: z.string(), opening: z.string().min(1) });

export const GoldBodySchema = BodySchema.pick({ name: true, aliases: true, canonical: true, type: true, level: true });

export const GoldResponsibilitySchema = z.object({ body: z.string(), verb: z.string(), object: z.string() });

/** A policy action (ANNOTATION.md §4); `targets` holds the `text` of the quantities inside the object. */
export const GoldActionSchema = z.object({ verb: z.string(), object: z.string(), body: z.string().nullable(), targets: z.array(z.string()) });

export const FixtureSchema = z.object({
  /** File name of the document in seeds/. */
  doc: z.string(),
  transcript: z.boolean(),
  quantities: z.array(GoldTargetSchema),
  speakers: z.array(GoldSpeakerSchema),
  turns: z.array(GoldTurnSchema),
  bodies: z.array(GoldBodySchema),
  responsibilities: z.array(GoldResponsibilitySchema),
  actions: z.array(GoldActionSchema).default([]),
});

export type GoldTarget = z.infer<typeof GoldTargetSchema>;
export type GoldSpeaker = z.infer<typeof GoldSpeakerSchema>;
export type GoldTurn = z.infer<typeof GoldTurnSchema>;
export type GoldBody = z.infer<typeof GoldBodySchema>;
export type GoldResponsibility = z.infer<typeof GoldResponsibilitySchema>;
export type GoldAction = z.infer<typeof GoldActionSchema>;
export type Fixture = z.infer<typeof FixtureSchema>;

export function readFixture(path: string): Fixture {
  const parsed = FixtureSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: not a valid fixture: ${parsed.error.message}`);
  return parsed.data;
}
