import { z } from "zod";
import { reservedSlugs, slugLength } from "./slugify";

export { reservedSlugs, slugify, slugLength, slugWithSuffix } from "./slugify";

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slugSchema = z
  .string()
  .trim()
  .min(slugLength.min, `The slug must be at least ${slugLength.min} characters.`)
  .max(slugLength.max, `The slug must be at most ${slugLength.max} characters.`)
  .regex(slugPattern, "Use lowercase letters, digits and single hyphens, not at the start or end.")
  .refine((slug) => !reservedSlugs.has(slug), "This slug is reserved. Choose another one.");

