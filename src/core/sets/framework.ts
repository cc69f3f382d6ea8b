// The criteria-set model: a criteria set is data, checked against this schema when loaded.
// zod's "mini" build: the same checks as classic zod at a fraction of the task pane's bundle size,
// and no code generated at run time (the add-in's CSP forbids eval).
import { z } from "zod/mini";
import { en } from "zod/locales";

let messagesConfigured = false;

export const MEASURES = ["level", "percent", "number", "yesno"] as const;
export type Measure = (typeof MEASURES)[number];

const text = z.string().check(z.trim(), z.minLength(1));
const positiveInt = z.int().check(z.positive());

/** `≥ 70` is written { op: ">=", value: 70 }; `Có` (for yes/no indicators) is { op: "yes" }. */
export const thresholdSchema = z.union([
  z.object({ op: z.enum([">=", ">", "<=", "<"]), value: z.number() }),
  z.object({ op: z.literal("yes") }),
]);
export type Threshold = z.infer<typeof thresholdSchema>;

export const indicatorSchema = z.object({
  number: positiveInt,
  title: z.optional(text),
  measure: z.enum(MEASURES),
  /** thresholds[k-1] is the condition for level k; null adds no requirement at that level. */
  thresholds: z.optional(z.array(z.nullable(thresholdSchema))),
  /** The most points the indicator can give, for the `points` recognition rule. */
  points: z.optional(z.number().check(z.gte(0))),
  evidenceRequired: z.boolean(),
});
export type IndicatorDef = z.infer<typeof indicatorSchema>;

const criterionSchema = z.object({
  number: positiveInt,
  title: z.optional(text),
  indicators: z.array(positiveInt).check(z.minLength(1)),
});
const standardSchema = z.object({
  number: positiveInt,
  title: z.optional(text),
  criteria: z.array(criterionSchema).check(z.minLength(1)),
});
export type CriterionDef = z.infer<typeof criterionSchema>;
export type StandardDef = z.infer<typeof standardSchema>;

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
export type RecognitionRule = z.infer<typeof recognitionRuleSchema>;

const levelSchema = z.object({ level: z.int().check(z.gte(0)), vi: text, en: text });

export const frameworkSchema = z
  .object({
    id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, "ids are lower-case letters, digits and dashes")),
    title: z.object({ vi: text, en: text }),
    version: text,
    source: z.object({ document: text, date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)) }),
    kind: z.enum(["district", "city", "other"]),
    /** Level 0 (not achieved) first, then 1..N. */
    levels: z.array(levelSchema).check(
      z.minLength(2),
      z.refine((ls) => ls.every((l, i) => l.level === i), "levels must be 0, 1, 2, … in order")
    ),
    standards: z.array(standardSchema).check(z.minLength(1)),
    indicators: z.array(indicatorSchema).check(z.minLength(1)),
    recognition: recognitionRuleSchema,
    notes: z.array(z.object({ part: text, basis: z.enum(["plan", "assumption", "officer"]), text })),
  })
  .check(
    z.superRefine((fw, ctx) => {
      for (const p of structureProblems(fw))
        ctx.addIssue({ code: "custom", path: p.path, message: p.message });
    })
  );
export type Framework = z.infer<typeof frameworkSchema>;

type Shape = Pick<Framework, "indicators" | "standards" | "levels">;

/**
 * What a set's fields cannot say on their own: indicators numbered 1..N, a tree that holds each
 * exactly once with no number repeated, one threshold per level. Also run on a set a criteria
 * sheet rebuilt, whose fields its parsers already vouch for.
 */
export function structureProblems(fw: Shape): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const numbers = fw.indicators.map((i) => i.number);
  numbers.forEach((n, i) => {
    if (n !== i + 1) problems.push({ path: ["indicators", i, "number"], message: `expected ${i + 1}` });
  });
  const inTree = fw.standards.flatMap((s) => s.criteria.flatMap((c) => c.indicators));
  if ([...inTree].sort((a, b) => a - b).join() !== numbers.join()) {
    problems.push({ path: ["standards"], message: "the tree must hold every indicator exactly once" });
  }
  const criteria = fw.standards.flatMap((st) => st.criteria.map((c) => c.number));
  if (
    new Set(criteria).size !== criteria.length ||
    new Set(fw.standards.map((st) => st.number)).size !== fw.standards.length
  ) {
    problems.push({ path: ["standards"], message: "standard and criterion numbers must not repeat" });
  }
  const top = fw.levels.length - 1;
  fw.indicators.forEach((ind, i) => {
    if (ind.thresholds && ind.thresholds.length !== top) {
      problems.push({
        path: ["indicators", i, "thresholds"],
        message: `needs one entry per level 1..${top}`,
      });
    }
  });
  return problems;
}

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

export function maxLevel(fw: Framework): number {
  return fw.levels.length - 1;
}

/** Threshold-scored: at least one threshold given; otherwise the self-assessed level stands. */
export function isThresholdScored(ind: IndicatorDef): boolean {
  return ind.measure !== "level" && (ind.thresholds ?? []).some((t) => t !== null);
}

export function counts(fw: Framework): { standards: number; criteria: number; indicators: number } {
  return {
    standards: fw.standards.length,
    criteria: fw.standards.reduce((n, s) => n + s.criteria.length, 0),
    indicators: fw.indicators.length,
  };
}
