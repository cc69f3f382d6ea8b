// The schema a criteria set from outside (a JSON file) is checked against; errors name the path of
// each bad field. zod's "mini" build: no code generated at run time. Only what validates a set
// from outside loads it (the CLI's `--framework FILE.json`, when asked; the tests): the pane and
// the built-in sets need the plain types of `framework.ts` alone. Imported as a namespace so that
// the CLI's bundler keeps only what is used (zod's `z` object would bring every locale).
import * as z from "zod/mini";
// English messages alone, not the index of every locale (`zod/locales`); configured on first use.
import en from "zod/v4/locales/en.cjs";
import { KINDS, MEASURES, structureProblems, type Framework } from "./framework";

let messagesConfigured = false;

const text = z.string().check(z.trim(), z.minLength(1));
const positiveInt = z.int().check(z.positive());

/** `≥ 70` is written { op: ">=", value: 70 }; `Có` (for yes/no indicators) is { op: "yes" }. */
export const thresholdSchema = z.union([
  z.object({ op: z.enum([">=", ">", "<=", "<"]), value: z.number() }),
  z.object({ op: z.literal("yes") }),
]);

const thresholds = z.array(z.nullable(thresholdSchema));

const wordingSchema = z.object({
  level: positiveInt,
  text,
  source: text,
  appliesTo: z.optional(text),
});

/** One figure a target needs per level; `when` gives other thresholds for a condition of the unit. */
const figureSchema = z.object({
  what: text,
  unit: z.literal("%"),
  thresholds,
  when: z.optional(z.array(z.object({ condition: text, what: z.optional(text), thresholds }))),
});

const standardReachedSchema = z.object({
  what: text,
  of: text,
  levels: z.array(z.nullable(positiveInt)),
});

export const indicatorSchema = z.object({
  number: positiveInt,
  code: z.optional(z.string().check(z.regex(/^\d+(\.\d+)*$/, "a code is numbers joined by dots, like 4.2"))),
  letter: z.optional(z.string().check(z.regex(/^[a-zđ]\)$/, "a letter as the text writes it, like b)"))),
  title: z.optional(text),
  wording: z.optional(z.array(wordingSchema)),
  figures: z.optional(z.array(figureSchema).check(z.minLength(1))),
  standard: z.optional(standardReachedSchema),
  appliesTo: z.optional(text),
  measure: z.enum(MEASURES),
  /** thresholds[k-1] is the condition for level k; null adds no requirement at that level. */
  thresholds: z.optional(z.array(z.nullable(thresholdSchema))),
  /** The most points the indicator can give, for the `points` recognition rule. */
  points: z.optional(z.number().check(z.gte(0))),
  evidenceRequired: z.boolean(),
});

const criterionSchema = z.object({
  number: positiveInt,
  title: z.optional(text),
  source: z.optional(text),
  indicators: z.array(positiveInt).check(z.minLength(1)),
});
const standardSchema = z.object({
  number: positiveInt,
  title: z.optional(text),
  criteria: z.array(positiveInt).check(z.minLength(1)),
});
/** A layer's words, and the short code heading `Tổng hợp`'s columns (`CT`, `CB`). */
const layerSchema = z.object({
  vi: text,
  en: text,
  code: z.string().check(z.regex(/^[A-ZĐ]{1,4}$/, "a code is 1–4 capital letters, like CT or CB")),
});

export const recognitionRuleSchema = z.discriminatedUnion("rule", [
  /** Level k when every indicator is at level ≥ k (the successor circulars' rule). */
  z.object({ rule: z.literal("all-at-least") }),
  /** Level k when at least `percent` % of indicators are at ≥ k and none is below k − 1. */
  z.object({ rule: z.literal("share-at-least"), percent: z.number().check(z.gt(0), z.lte(100)) }),
  /** Level from the share of the most attainable points, in bands (`min` in % of the maximum). */
  z.object({
    rule: z.literal("points"),
    bands: z
      .array(z.object({ level: positiveInt, min: z.number().check(z.gte(0), z.lte(100)) }))
      .check(z.minLength(1)),
  }),
]);

const levelSchema = z.object({
  level: z.int().check(z.gte(0)),
  vi: text,
  en: text,
  aliases: z.optional(z.array(text)),
});

export const frameworkSchema = z
  .object({
    id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, "ids are lower-case letters, digits and dashes")),
    title: z.object({ vi: text, en: text }),
    version: text,
    source: z.object({ document: text, date: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))) }),
    kind: z.enum(KINDS),
    recognisedAs: z.optional(z.object({ vi: text, en: text })),
    numbering: z.optional(z.literal("per-criterion")),
    layers: z.object({ standard: z.optional(layerSchema), criterion: layerSchema, indicator: layerSchema }),
    /** Level 0 (not achieved) first, then 1..N. */
    levels: z.array(levelSchema).check(
      z.minLength(2),
      z.refine((ls) => ls.every((l, i) => l.level === i), "levels must be 0, 1, 2, … in order")
    ),
    /** Empty for a set of criteria and targets (no standards layer). */
    standards: z.array(standardSchema),
    criteria: z.array(criterionSchema).check(z.minLength(1)),
    indicators: z.array(indicatorSchema).check(z.minLength(1)),
    recognition: recognitionRuleSchema,
    /** Years a recognition holds after the year it is granted. */
    validityYears: z.optional(positiveInt),
    conditions: z.optional(
      z.array(
        z.object({
          id: z
            .string()
            .check(z.regex(/^[a-z0-9][a-z0-9-]*$/, "ids are lower-case letters, digits and dashes")),
          vi: text,
          en: text,
          source: text,
        })
      )
    ),
    evidence: z.optional(z.object({ missing: z.literal("not-achieved"), source: text })),
    notes: z.array(z.object({ part: text, basis: z.enum(["plan", "assumption", "officer"]), text })),
  })
  .check(
    z.superRefine((fw, ctx) => {
      for (const p of structureProblems(fw))
        ctx.addIssue({ code: "custom", path: p.path, message: p.message });
    })
  );

// The schema describes exactly the model's types: a change to one without the other fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesModel: Same<z.infer<typeof frameworkSchema>, Framework> = true;
void schemaMatchesModel;

export type LoadResult = { ok: true; framework: Framework } | { ok: false; problems: string[] };

/** Validates untrusted data as a criteria set; every problem names the path of the bad field. */
export function loadFramework(data: unknown): LoadResult {
  // Configured on first use, so that importing this module has no side effect (the bundle can
  // leave it out where it is not needed).
  if (!messagesConfigured) {
    z.config(en());
    messagesConfigured = true;
  }
  const parsed = frameworkSchema.safeParse(data);
  if (parsed.success) return { ok: true, framework: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`),
  };
}
