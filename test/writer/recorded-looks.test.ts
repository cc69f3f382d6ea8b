// The pane's recorded looks as cell formats (the CLI's clean of a workbook checked in the pane): each
// Office.js value as SpreadsheetML stores it, number formats built in, the part's own or added.
import { lookOf } from "../../src/core/model/looks-record";
import { recordedXf } from "../../src/writer/recorded-looks";
import { blankStyles, Styles } from "../../src/writer/styles";

const edge = (style: string, weight = "Thin", color = "#000000") => ({ style, weight, color });
const none = edge("None");

/** A look as Excel's cell properties give it (defaults where `format` says nothing). */
function look(format: Record<string, unknown>, numberFormat = "General") {
  return lookOf(
    {
      format: {
        fill: { color: "#FFFFFF", pattern: "None" },
        font: {
          name: "Calibri",
          size: 11,
          color: "#000000",
          bold: false,
          italic: false,
          underline: "None",
          strikethrough: false,
        },
        horizontalAlignment: "General",
        verticalAlignment: "Bottom",
        wrapText: false,
        indentLevel: 0,
        textOrientation: 0,
        borders: { top: none, bottom: none, left: none, right: none },
        protection: { locked: true, formulaHidden: false },
        ...format,
      },
    },
    numberFormat
  );
}

const xfOf = (styles: Styles, i: number) =>
  styles
    .toText()
    .match(/<cellXfs[^>]*>(.*)<\/cellXfs>/)![1]!
    .match(/<xf\b[^>]*?(?:\/>|>.*?<\/xf>)/g)![i]!;

test("fill, font, borders, alignment and protection as Excel stores what the pane sets back", () => {
  const styles = new Styles(blankStyles());
  const s = recordedXf(
    styles,
    look(
      {
        fill: { color: "#fff2cc", pattern: "Solid" },
        font: {
          name: "Times New Roman",
          size: 14,
          color: "#C00000",
          bold: true,
          italic: true,
          underline: "Double",
          strikethrough: true,
        },
        horizontalAlignment: "CenterAcrossSelection",
        verticalAlignment: "Center",
        wrapText: true,
        indentLevel: 2,
        textOrientation: -45,
        borders: {
          top: edge("Continuous", "Medium"),
          bottom: edge("Double"),
          left: edge("Dash", "Medium", "#1F4E78"),
          right: edge("Continuous", "Hairline"),
        },
        protection: { locked: false, formulaHidden: true },
      },
      "0.0%"
    )
  );
  expect(s).toBe(1);
  const text = styles.toText();
  expect(text).toContain(`<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts`);
  expect(text).toContain(
    `<font><b/><i/><strike/><u val="double"/><sz val="14"/><color rgb="FFC00000"/><name val="Times New Roman"/></font>`
  );
  expect(text).toContain(
    `<fill><patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/><bgColor indexed="64"/></patternFill></fill>`
  );
  expect(text).toContain(
    `<border><left style="mediumDashed"><color rgb="FF1F4E78"/></left><right style="hair"><color rgb="FF000000"/></right>` +
      `<top style="medium"><color rgb="FF000000"/></top><bottom style="double"><color rgb="FF000000"/></bottom><diagonal/></border>`
  );
  expect(xfOf(styles, 1)).toBe(
    `<xf numFmtId="164" fontId="1" fillId="2" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1" applyProtection="1">` +
      `<alignment horizontal="centerContinuous" vertical="center" textRotation="135" wrapText="1" indent="2"/><protection locked="0" hidden="1"/></xf>`
  );
});

test("number formats: built in by their code, the part's own reused, a new one numbered after the part's", () => {
  const part = blankStyles().replace(
    "<fonts",
    `<numFmts count="2"><numFmt numFmtId="170" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="&quot;Mức &quot;0"/></numFmts><fonts`
  );
  const styles = new Styles(part);
  expect(styles.numFmtId("General")).toBe("0");
  expect(styles.numFmtId("0%")).toBe("9");
  expect(styles.numFmtId("@")).toBe("49");
  expect(styles.numFmtId("0.0%")).toBe("170");
  expect(styles.numFmtId(`"Mức "0`)).toBe("165");
  expect(styles.numFmtId("dd/mm/yyyy")).toBe("171");
  expect(styles.numFmtId("dd/mm/yyyy")).toBe("171");
  expect(styles.toText()).toContain(
    `<numFmts count="3"><numFmt numFmtId="170" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="&quot;Mức &quot;0"/><numFmt numFmtId="171" formatCode="dd/mm/yyyy"/></numFmts>`
  );
  // An empty section opened to hold the new one.
  const empty = new Styles(blankStyles().replace("<fonts", `<numFmts count="0"/><fonts`));
  expect(empty.numFmtId("0.000")).toBe("164");
  expect(empty.toText()).toContain(
    `<numFmts count="1"><numFmt numFmtId="164" formatCode="0.000"/></numFmts><fonts`
  );
});

test("a look with nothing of its own: no fill, the default font's values, a new format all the same", () => {
  const styles = new Styles(blankStyles());
  const s = recordedXf(styles, look({}));
  expect(xfOf(styles, s)).toBe(
    `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/>`
  );
  // The same look twice: one format.
  expect(recordedXf(styles, look({}))).toBe(s);
  // A pattern's colour is its background; the upward text and the vertical text.
  const p = recordedXf(styles, look({ fill: { color: "#FF0000", pattern: "Gray25" }, textOrientation: 180 }));
  expect(styles.toText()).toContain(
    `<patternFill patternType="lightGray"><fgColor indexed="64"/><bgColor rgb="FFFF0000"/></patternFill>`
  );
  expect(xfOf(styles, p)).toContain(`<alignment textRotation="255"/>`);
});

test("a number format applies only to a recorded look: the product's own looks, number format or not, never say so", () => {
  const styles = new Styles(blankStyles());
  const base = { ...styles.base(), numFmtId: "10" };
  const product = styles.xf(base);
  const recorded = styles.xf(base, "recorded");
  expect(xfOf(styles, product)).not.toContain("applyNumberFormat");
  expect(xfOf(styles, recorded)).toContain(` applyNumberFormat="1"`);
  // A recorded look in General has no number format to apply; a product look with locks still none.
  expect(xfOf(styles, styles.xf({ ...base, numFmtId: "0" }, "recorded"))).not.toContain("applyNumberFormat");
  expect(xfOf(styles, styles.xf({ ...base, protection: { locked: "0" } }))).not.toContain(
    "applyNumberFormat"
  );
});
