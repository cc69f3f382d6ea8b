// The built-in criteria sets as the task pane loads them: without their notes, source and version,
// which only the CLI, `hoctap frameworks --export` and the README show (the pane never does). The
// sets stay data: the same JSON files, only these fields left out of the pane's bundle, which must
// stay within its budget (test/e2e/security.e2e.ts).
module.exports = function builtinSetForPane(source) {
  const set = JSON.parse(source);
  return JSON.stringify({ ...set, notes: [], source: { document: set.id }, version: "" });
};
