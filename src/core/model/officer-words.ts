// A message as a paper or the pane says it: the shared core and the reader offer the CLI's options
// beside what to do (`… hoặc dùng --map evidence=F`, `nếu tiêu đề viết khác, chỉ định bằng
// --header-row và --map`); a printed sheet and the pane are read by an officer in Excel, so those
// clauses are left out there and kept in the CLI's own report.

/** `message` without the clauses that name a command-line option. */
export function withoutOptions(message: string): string {
  return message
    .replace(/\s*(?:hoặc|\/|or)\s+(?:dùng|use)\s+--[a-z-]+(?:\s+[^\s,;)]+)?/g, "")
    .replace(/\s*;\s*(?:nếu|if)\b[^;()]*--[a-z][^;()]*/g, "");
}
