import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

// The Office add-in rules (eslint-plugin-office-addins) on top of typescript-eslint's recommended set;
// formatting is Prettier's job (`prettier --check` in `npm run lint`).
export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "lib/", "out/", "coverage/", "test-results/", "release/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser, ...globals.node, Office: "readonly", Excel: "readonly" },
    },
    plugins: { react, "react-hooks": reactHooks },
    settings: { react: { version: "detect" } },
    rules: {
      ...react.configs.flat.recommended.rules,
      "react/react-in-jsx-scope": "off",
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "no-eval": "error",
      "no-new-func": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // Office.js code: the add-in's own rules (sync before read, no sync in loops…). The CLI's
    // package code in src/writer is not Office.js and would only confuse them.
    files: ["src/excel/**/*.ts", "src/taskpane/**/*.{ts,tsx}", "src/commands/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "warn",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The scoring core is pure: no Office, no UI, no file system, no spreadsheet library; and no
    // function longer than a screen (60 lines of code), so each reads at a glance.
    files: ["src/core/**/*.ts"],
    rules: {
      "max-lines-per-function": ["error", { max: 60, skipBlankLines: true, skipComments: true }],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*"], message: "src/core must not use Node.js modules." },
            {
              group: ["react", "react-dom", "react/*", "react-dom/*", "@fluentui/*"],
              message: "src/core must not use UI code.",
            },
            {
              group: ["exceljs", "exceljs/*"],
              message:
                "src/core must not use ExcelJS: files are read in src/reader and written in src/writer.",
            },
            {
              group: ["office-*", "@microsoft/*"],
              message: "src/core must not use Office: adapters live in src/excel.",
            },
            { group: ["../../*"], message: "src/core imports only from src/core." },
          ],
          paths: ["fs", "path", "os", "child_process", "crypto", "stream", "util", "zlib", "http", "https"],
        },
      ],
      "no-restricted-globals": [
        "error",
        "Office",
        "Excel",
        "document",
        "window",
        "navigator",
        "process",
        "require",
      ],
    },
  }
);
