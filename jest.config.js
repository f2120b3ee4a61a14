/**
 * ESM TypeScript tests: ts-jest in ESM mode; `.js` suffixes of relative imports map to the `.ts`
 * sources. Two projects: `unit` (everything but __tests__/e2e, in-process, emulators on loopback) and
 * `e2e` (the bundle dist/index.js as a child process under Node 24; its global setup makes sure the
 * bundle is what the sources build). `npm test` runs both; `npm run test:unit` / `test:e2e` one
 * (JEST_PROJECT names it: jest's --selectProjects would swallow the file names given after it).
 */
const shared = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1'
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: ['TS151001'] } }]
  }
}

const projects = [
  {
    ...shared,
    displayName: 'unit',
    testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
    testPathIgnorePatterns: ['/node_modules/', '<rootDir>/__tests__/e2e/']
  },
  {
    ...shared,
    displayName: 'e2e',
    testMatch: ['<rootDir>/__tests__/e2e/**/*.test.ts'],
    globalSetup: '<rootDir>/__tests__/e2e/global-setup.ts'
  }
]

export default {
  projects: projects.filter((project) => !process.env.JEST_PROJECT || project.displayName === process.env.JEST_PROJECT),
  collectCoverageFrom: ['src/**/*.ts', '!src/index.ts'],
  testTimeout: 20000
}
