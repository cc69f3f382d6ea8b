/** Browser tests (`npm run test:e2e`): headless Chromium over the built dist/ folder. */
const base = require("./jest.config.js");

module.exports = {
  ...base,
  testMatch: ["**/test/e2e/**/*.e2e.ts"],
  testPathIgnorePatterns: ["/node_modules/"],
  collectCoverageFrom: [],
  coverageThreshold: undefined,
  testTimeout: 60000,
  maxWorkers: 1,
};
