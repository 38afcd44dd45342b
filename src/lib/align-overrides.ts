/**
 * The curated overrides file of the alignment (content/align-overrides.yaml): pairs the algorithm gets
 * wrong, each with a reason. Kept apart from align.ts so the browser bundle does not pull in Zod.
 */
import { z } from 'zod';
import type { AlignOverride } from './align.ts';

/** One entry of content/align-overrides.yaml. */
export const AlignOverrideSchema = z.object({
  /** Source document id. */
  fromDoc: z.string(),
  /** Target document id. */
  toDoc: z.string(),
  /** Article id in the source, null to force the target article to count as added. */
  from: z.string().nullable(),
  /** Article id in the target, null to force the source article to count as removed. */
  to: z.string().nullable(),
  /** Why the automatic alignment is wrong (required: no silent overrides). */
  reason: z.string().min(10),
});

/** The whole file. */
export const AlignOverridesFileSchema = z.object({
  /** Overrides, any order. */
  overrides: z.array(AlignOverrideSchema).default([]),
});

/** Validate parsed YAML of the overrides file; names the file in the error. */
export function parseAlignOverrides(data: unknown, file: string): AlignOverride[] {
  const r = AlignOverridesFileSchema.safeParse(data ?? {});
  if (!r.success) throw new Error(`${file}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return r.data.overrides;
}
