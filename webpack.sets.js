// The built-in criteria sets as the task pane gets them: `sets.json` beside the page, fetched once at
// start (src/taskpane/builtin-sets.ts), so the sets' words are data outside the pane's JavaScript
// budget (test/e2e/security.e2e.ts). The same JSON files the CLI bundles, in the order of
// src/core/sets/builtin-list.ts's imports, without their notes, source and version, which only the
// CLI, `hoctap frameworks --export` and the guides show (the pane never does).
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");

const LIST = path.resolve(__dirname, "src/core/sets/builtin-list.ts");

function builtinSetFiles() {
  const text = fs.readFileSync(LIST, "utf8");
  return [...text.matchAll(/^import \w+ from "\.\/(builtin\/[\w.-]+\.json)";$/gm)].map((m) =>
    path.resolve(path.dirname(LIST), m[1])
  );
}

function paneSetsJson() {
  const sets = builtinSetFiles().map((file) => {
    const set = JSON.parse(fs.readFileSync(file, "utf8"));
    return { ...set, notes: [], source: { document: set.id }, version: "" };
  });
  return JSON.stringify(sets);
}

/** Puts the fetching list in place of the bundled one and writes `sets.json`. */
class PaneBuiltinSets {
  apply(compiler) {
    new webpack.NormalModuleReplacementPlugin(
      /[\\/]builtin-list$/,
      path.resolve(__dirname, "src/taskpane/builtin-sets.ts")
    ).apply(compiler);
    compiler.hooks.thisCompilation.tap("PaneBuiltinSets", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "PaneBuiltinSets", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const file of [LIST, ...builtinSetFiles()]) compilation.fileDependencies.add(file);
          compilation.emitAsset("sets.json", new webpack.sources.RawSource(paneSetsJson()));
        }
      );
    });
  }
}

module.exports = { PaneBuiltinSets, paneSetsJson };
