/**
 * The layering rules of athar (README, "How it is built"), checked in `npm test` by
 * `npm run lint:deps`. A wrong arrow fails CI; test/layering.test.ts shows each rule catching one.
 */
const TESTS = '\\.test\\.ts$|\\.testkit\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'An import cycle makes load order matter and hides which module depends on which.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'engines-are-pure',
      comment:
        'Engines are pure computation: they import other engines and nothing else of athar, and no I/O.',
      severity: 'error',
      from: { path: '^src/engines/', pathNot: TESTS },
      to: { pathNot: ['^src/engines/', '^crypto$'] },
    },
    {
      name: 'sql-only-in-repositories',
      comment:
        'SQL lives in repositories and the database folder; everything else reaches the database through a repository.',
      severity: 'error',
      from: {
        path: '^src/',
        pathNot: ['\\.repository\\.ts$', '^src/platform/database/', '^src/platform/jobs/', TESTS],
      },
      to: {
        path: '(^|/)node_modules/(kysely|pg|pg-boss|@electric-sql/pglite)/',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'no-database-in-use-cases',
      comment:
        "A module's database code is its repositories (and their table types): nothing else in a module touches Kysely or the database folder, not even its types (a use case could otherwise hold a query builder).",
      severity: 'error',
      from: { path: '^src/modules/', pathNot: ['\\.repository\\.ts$', '\\.tables\\.ts$', TESTS] },
      to: { path: ['(^|/)node_modules/kysely/', '^src/platform/database/(?!schema\\.ts$)'] },
    },
    {
      name: 'http-only-in-route-files',
      comment:
        "Within a module, only route files see the HTTP layer (the router's request and reply types included).",
      severity: 'error',
      from: { path: '^src/modules/', pathNot: ['\\.routes\\.ts$', TESTS] },
      to: { path: '^src/platform/http/' },
    },
    {
      name: 'fastify-only-in-http',
      comment: 'Only HTTP code sees Fastify: the platform http folder and route files. Use cases never do.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/platform/http/', '\\.routes\\.ts$', TESTS] },
      to: { path: '(^|/)node_modules/(fastify|@fastify/[^/]+)/' },
    },
    {
      name: 'modules-through-their-index',
      comment:
        "A module uses another module only through that module's index.ts, never its repository or use-case files.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'platform-knows-no-module',
      comment:
        'The platform is shared plumbing: it knows nothing of the features, the app or the CLI that use it.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: ['^src/modules/', '^src/app\\.ts$', '^src/cli/'] },
    },
    {
      name: 'repositories-know-no-use-case',
      comment:
        'Calls run one way: use cases → repositories → database. A repository imports tables and platform plumbing only.',
      severity: 'error',
      from: { path: '\\.repository\\.ts$' },
      to: { path: '^src/modules/', pathNot: ['\\.tables\\.ts$', '\\.repository\\.ts$'] },
    },
    {
      name: 'cli-starts-light',
      comment:
        'The CLI loads the app, the server and the media tools only when a command needs them (dynamic import, or a *.run.ts file imported when the command runs), so --help and commands through a server start fast.',
      severity: 'error',
      from: { path: '^src/cli/', pathNot: '\\.run\\.ts$' },
      to: {
        path: ['^src/app\\.ts$', '^src/platform/http/server\\.ts$', '^src/platform/media/'],
        dependencyTypesNot: ['dynamic-import', 'type-only'],
      },
    },
    {
      name: 'cli-is-an-api-client',
      comment:
        "The CLI talks to the HTTP API; it uses modules' types, never their code (and stays fast to start).",
      severity: 'error',
      from: { path: '^src/cli/', pathNot: TESTS },
      to: { path: '^src/modules/', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^web/', '^dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
