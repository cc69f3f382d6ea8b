import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { hoctap } from "../helpers/cli";

// The shared sample workbooks, checked as a user would, against their expected.json. They live
// outside the project: when the folder is absent this suite says so and checks nothing.
const SAMPLES = join(__dirname, "..", "..", "..", "shared", "samples");
const present = existsSync(SAMPLES);
const files = present ? readdirSync(SAMPLES).filter((f) => f.endsWith(".expected.json")) : [];

interface ExpectedSheet {
  sheet: string;
  kind: string;
  unitName?: string;
  recognitionLevel: number | null;
  indicators?: { number: number; row: number; level: number | null }[];
  issues?: { rule: string; severity: string; cell: string; indicator: number }[];
}

(present ? describe : describe.skip)("shared samples", () => {
  test.each(files)("%s", async (expectedFile) => {
    const expected = JSON.parse(readFileSync(join(SAMPLES, expectedFile), "utf8"));
    const run = await hoctap("check", join(SAMPLES, expected.file), "--json");
    expect(run.code).not.toBe(2);
    const reports = JSON.parse(run.stdout);
    const sheets: ExpectedSheet[] = expected.units ?? [expected];
    expect(reports).toHaveLength(sheets.length);
    for (const want of sheets) {
      const got = reports.find((r: { sheet: string }) => r.sheet === want.sheet);
      expect(got).toBeDefined();
      expect(got.framework.kind).toBe(want.kind);
      expect(got.recognition.level).toBe(want.recognitionLevel);
      if (want.unitName !== undefined) expect(got.unitName).toBe(want.unitName);
      if (want.indicators) {
        expect(got.indicators.map((i: ExpectedSheet["indicators"] & object) => i)).toEqual(
          want.indicators.map((i) =>
            expect.objectContaining({ number: i.number, row: i.row, level: i.level })
          )
        );
      }
      if (want.issues) {
        const errors = got.issues.filter((i: { severity: string }) => i.severity === "error");
        for (const issue of want.issues) {
          expect(got.issues).toContainEqual(expect.objectContaining(issue));
        }
        // Every error the report has is one the expectation lists.
        expect(errors).toHaveLength(want.issues.filter((i) => i.severity === "error").length);
      }
    }
  });
});

if (!present) test("shared samples are absent on this machine", () => expect(present).toBe(false));
