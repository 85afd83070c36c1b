// Unit tests only: no PostgreSQL, no Redis, no global set-up. `npm run test:unit`.
const base = require('./package.json').jest;
module.exports = {
  ...base,
  testMatch: [
    '<rootDir>/libs/**/*.spec.ts',
    '<rootDir>/apps/**/*.spec.ts',
    '<rootDir>/test/unit/**/*.spec.ts',
  ],
  globalSetup: undefined,
  setupFiles: [],
};
