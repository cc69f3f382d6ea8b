// Every string the task pane shows, one table per language (Vietnamese first).
import type { Lang } from "../excel/connector";

export const strings = {
  vi: {
    appTitle: "Kiểm tra tự đánh giá học tập",
    appSubtitle: "Quận/huyện học tập, thành phố học tập — Kế hoạch 02/KH-UBND Hải Phòng",
    intro:
      "Add-in tìm bảng tự đánh giá trong sheet đang mở, kiểm tra từng chỉ báo, tính mức đạt và ghi kết quả công nhận vào bảng tính.",
    notInExcelTitle: "Add-in này chạy bên trong Excel",
    notInExcelBody:
      "Hãy mở Excel (trên máy tính hoặc Excel trên web), vào thẻ Trang đầu và bấm “Kiểm tra tự đánh giá”.",
  },
  en: {
    appTitle: "Learning-city self-assessment checker",
    appSubtitle: "Learning district and learning city — Hai Phong plan 02/KH-UBND",
    intro:
      "The add-in finds the self-assessment table in the open sheet, checks every indicator, computes the levels and writes the recognition result into the workbook.",
    notInExcelTitle: "This add-in runs inside Excel",
    notInExcelBody:
      "Open Excel (desktop or on the web), go to the Home tab and choose “Check self-assessment”.",
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type Strings = { [K in keyof (typeof strings)["vi"]]: string };

export function stringsFor(lang: Lang): Strings {
  return strings[lang];
}
