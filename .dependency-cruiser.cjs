/**
 * The module walls of docs/ARCHITECTURE.md, enforced by `npm run lint:deps` (part of `npm run check`).
 * A module is a folder under src/modules; its index.ts is its public surface.
 */
module.exports = {
  forbidden: [
    {
      name: 'module-through-index',
      comment:
        'A module imports another module only through its index.ts (docs/ARCHITECTURE.md, "Allowed dependencies").',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/([^/]+)/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$', '^src/modules/[^/]+/schema\\.ts$'],
      },
    },
    {
      name: 'no-other-modules-tables',
      comment:
        "No module reads another module's tables: it calls that module's functions. A table may still name another module's table as a foreign key.",
      severity: 'error',
      from: {
        path: '^src/modules/([^/]+)/',
        // Test fixtures are test code (the next rule keeps them so): like the demo, they may write rows straight in.
        pathNot: ['^src/modules/[^/]+/schema\\.ts$', '^src/modules/[^/]+/test-fixtures\\.ts$'],
      },
      to: { path: '^src/modules/([^/]+)/schema\\.ts$', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'test-fixtures-only-in-tests',
      comment:
        "A module's test-fixtures.ts is material for tests: only test files (and other fixtures) import it.",
      severity: 'error',
      from: { pathNot: ['\\.test\\.ts$', 'test-fixtures\\.ts$'] },
      to: { path: '^src/modules/[^/]+/test-fixtures\\.ts$' },
    },
    {
      name: 'module-reads-no-table-manifest',
      comment:
        "src/db/schema.ts gathers every module's tables for migrations; a module reaching through it would bypass the wall.",
      severity: 'error',
      from: { path: '^src/modules/' },
      to: { path: '^src/db/schema\\.ts$' },
    },
    {
      name: 'outside-through-index',
      comment:
        'Code outside src/modules (app, CLI, demo, simulation) uses a module through its index.ts (demo and simulation may write tables directly).',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/modules/', '\\.test\\.ts$', '^src/db/schema\\.ts$'] },
      to: {
        path: '^src/modules/[^/]+/',
        pathNot: ['^src/modules/[^/]+/index\\.ts$', '^src/modules/[^/]+/schema\\.ts$'],
      },
    },
    {
      name: 'foundations-import-no-module',
      comment:
        'platform/, db/ and calendar/ sit below every module and import none of them (their tests may build on modules).',
      severity: 'error',
      from: { path: '^src/(platform|db|calendar)/', pathNot: ['^src/db/schema\\.ts$', '\\.test\\.ts$'] },
      to: { path: '^src/(modules|demo|simulation|cli)/' },
    },
    {
      name: 'modules-import-no-demo-or-simulation',
      comment:
        'Demo, simulation and CLI code live outside src/modules; no module (and so no index.ts) imports them. Tests may.',
      severity: 'error',
      from: { path: '^src/modules/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/(demo|simulation|cli)/' },
    },
    {
      name: 'shared-imports-nothing',
      comment:
        'src/shared holds what server and console both use (the zh-CN labels): plain data that imports nothing of the server, so the console can take it.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/', pathNot: '^src/shared/' },
    },
    {
      name: 'no-demo-or-simulation-in-modules',
      comment: 'Files that generate demo or simulated data do not live inside a module.',
      severity: 'error',
      from: { path: '^src/modules/[^/]+/(demo|simulat)' },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
