// The gold fixture format: what a person writes by hand while reading a
// document against ANNOTATION.md. A subset of ExtractionResult without ids or
// offsets (people don't count characters), plus `optional` on borderline
// entries. See fixtures/README.md.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { BodyLevel, BodyType, Change, Comparator, Role, SpeakerRole } from '../schema.js';

export const GoldTargetSchema = z.object({
  text: z.string().min(1),
  value: z.number(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  unit: z.string(),
  comparator: Comparator,
  change: Change,
  role: Role,
  verb: z.string().nullable(),
  metric: z.string().nullable(),
  year: z.number().int().nullable(),
  speaker: z.string().nullable(),
  optional: z.boolean().default(false),
});

export const FixtureSchema = z.object({
  /** File name of the document in seeds/. */
  doc: z.string(),
  transcript: z.boolean(),
  quantities: z.array(GoldTargetSchema),
  speakers: z.array(
    z.object({ name: z.string().nullable(), title: z.string().nullable(), organization: z.string().nullable(), role: SpeakerRole }),
  ),
  turns: z.array(z.object({ speaker: z.string(), opening: z.string() })),
  bodies: z.array(
    z.object({ name: z.string(), aliases: z.array(z.string()), canonical: z.string(), type: BodyType, level: BodyLevel.nullable() }),
  ),
  responsibilities: z.array(z.object({ body: z.string(), verb: z.string(), object: z.string() })),
  /** Policy actions (ANNOTATION.md §4); `targets` holds the `text` of the quantities inside the object. */
  actions: z
    .array(z.object({ verb: z.string(), object: z.string(), body: z.string().nullable(), targets: z.array(z.string()) }))
    .default([]),
});

export type GoldTarget = z.infer<typeof GoldTargetSchema>;
export type Fixture = z.infer<typeof FixtureSchema>;

export function readFixture(path: string): Fixture {
  const parsed = FixtureSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: not a valid fixture: ${parsed.error.message}`);
  return parsed.data;
}
