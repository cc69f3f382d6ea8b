// The Bộ tiêu chí sheet's cells for what the circulars say beyond thresholds: written, read back, and
// refused (null) when an officer's edit leaves them unreadable, so the sheet's reader can say which cell.
import {
  formatFigures,
  formatStandard,
  formatWording,
  parseFigures,
  parseStandard,
  parseWording,
} from "../../src/core/sets/sheet-words";
import type { Figure } from "../../src/core/sets/framework";

describe("a level's words", () => {
  test("round-trip with their article and the units they apply to", () => {
    const w = {
      level: 2,
      text: "Có ít nhất 1 mô hình\nhọc tập",
      source: "Điều 6 khoản 5 điểm b",
      appliesTo: "xã biên giới",
    };
    expect(formatWording(w)).toBe(
      "Có ít nhất 1 mô hình\nhọc tập\nCăn cứ: Điều 6 khoản 5 điểm b\nÁp dụng cho: xã biên giới"
    );
    expect(parseWording(formatWording(w), 2)).toEqual(w);
  });

  test("an officer's words without an article keep an empty one; blank words are none", () => {
    expect(parseWording("  Có kế hoạch  \r\n", 1)).toEqual({ level: 1, text: "Có kế hoạch", source: "" });
    expect(parseWording("Căn cứ: Điều 5", 1)).toBeNull();
    expect(parseWording("", 1)).toBeNull();
  });
});

describe("figures", () => {
  const figures: Figure[] = [
    { what: "Tỷ lệ công dân: từ 15 tuổi", unit: "%", thresholds: [{ op: ">=", value: 50 }, null] },
    {
      what: "Tỷ lệ hộ gia đình",
      unit: "%",
      thresholds: [
        { op: ">=", value: 60 },
        { op: ">=", value: 70 },
      ],
      when: [
        {
          condition: "vung-kho-khan",
          thresholds: [
            { op: ">=", value: 40 },
            { op: ">=", value: 50 },
          ],
        },
        { condition: "bien-gioi", what: "Người học", thresholds: [null, { op: ">", value: 30 }] },
      ],
    },
  ];

  test("round-trip: a colon in the words, a level with no figure (—), conditions with their own count", () => {
    const text = formatFigures(figures);
    expect(text.split("\n")[0]).toBe("Tỷ lệ công dân: từ 15 tuổi: ≥ 50% | —");
    expect(text).toContain("[bien-gioi, Người học: — | > 30%]");
    expect(parseFigures(text)).toEqual(figures);
  });

  test("unreadable lines are refused whole", () => {
    for (const bad of [
      "Tỷ lệ hộ gia đình ≥ 60%", // no `: ` before the thresholds
      ": ≥ 60%", // nothing counted
      "Tỷ lệ: ≥ 60% | nhiều", // a threshold that is no threshold
      "Tỷ lệ: ≥ 60% [vung-kho-khan ≥ 40%]", // a condition without `: `
      "Tỷ lệ: ≥ 60% [vung-kho-khan: khá]", // a condition's threshold unreadable
      "",
      " \n ",
    ])
      expect(parseFigures(bad)).toBeNull();
  });
});

describe("standards", () => {
  const standard = {
    what: "phổ cập giáo dục tiểu học",
    of: "Nghị định số 20/2014/NĐ-CP",
    levels: [2, null, 3],
  };

  test("round-trip, a level given as the standard with no level (đạt chuẩn)", () => {
    expect(formatStandard(standard)).toBe(
      "phổ cập giáo dục tiểu học (Nghị định số 20/2014/NĐ-CP): mức độ 2 | đạt chuẩn | mức độ 3"
    );
    expect(parseStandard(formatStandard(standard))).toEqual(standard);
    expect(parseStandard("  xoá mù chữ (Nghị định 20): Mức 1 | ĐẠT CHUẨN ")).toEqual({
      what: "xoá mù chữ",
      of: "Nghị định 20",
      levels: [1, null],
    });
  });

  test("without its text in brackets, its levels or a readable level, it is refused", () => {
    for (const bad of [
      "phổ cập giáo dục tiểu học: mức độ 2", // which text sets the standard
      "phổ cập (Nghị định 20) mức độ 2", // no `: `
      "phổ cập (Nghị định 20): mức độ hai | mức độ 3",
    ])
      expect(parseStandard(bad)).toBeNull();
  });
});
