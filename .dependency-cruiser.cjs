// The import boundaries of the project, checked by `npm run lint` (depcruise src).
//
// The engine stands alone: it imports nothing outside src/engine but zod, and no Node builtin.
// Inside it the layers run one way: world/ (the port: the World interface, JSON and schema types)
// ← model/ ← app/ ← sources/ (the fixture and bridge adapters). format/ (the printers' shared
// pieces) and query/ (JMESPath, with Python's number formats) stand on world/ beside each other
// and serve app/ and sources/ too; regex/ stands alone. Commands, walk, exercises, the shell and
// the session use the layers below them, and only the wiring (index.ts, session.ts) creates a
// source. The site and the CLI reach the engine through its public entry alone.
const ENGINE = '^src/engine/';
const ENTRY = '^src/engine/index[.]ts$';

/** A layer of the engine may import only the layers below it (and itself). */
const layer = (name, below) => ({
  name: `engine-layer-${name}`,
  comment: `src/engine/${name}/ imports only ${below.length ? below.map((b) => `${b}/`).join(', ') : 'itself'} of the engine`,
  severity: 'error',
  from: { path: `^src/engine/${name}/` },
  to: { path: ENGINE, pathNot: [`^src/engine/(${[name, ...below].join('|')})/`] },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No module imports itself through others: a circle has no bottom to start reading from.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-circular-types',
      comment: 'Nor through a type: it belongs to the lower of the two modules.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'engine-stands-alone',
      comment: 'The engine imports nothing of the project outside src/engine (it runs in the browser and in Node alike).',
      severity: 'error',
      from: { path: ENGINE },
      to: { pathNot: [ENGINE, '^node_modules/zod/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'engine-no-node-builtins',
      comment: 'The engine uses no Node builtin (node:fs, node:path…): the browser has none.',
      severity: 'error',
      from: { path: ENGINE },
      to: { dependencyTypes: ['core'] },
    },
    layer('world', []),
    layer('regex', []),
    layer('query', ['world', 'format']),
    layer('format', ['world', 'query']),
    layer('model', ['world']),
    layer('app', ['world', 'model', 'format']),
    layer('sources', ['world', 'model', 'app', 'format']),
    {
      name: 'sources-only-from-wiring',
      comment: 'Only the wiring (the public entry, the session) creates a source; the rest of the engine reads the World port.',
      severity: 'error',
      from: { path: ENGINE, pathNot: [ENTRY, '^src/engine/session[.]ts$', '^src/engine/sources/'] },
      to: { path: '^src/engine/sources/' },
    },
    {
      name: 'site-through-engine-entry',
      comment: 'The site uses the engine through src/engine/index.ts alone.',
      severity: 'error',
      from: { path: '^src/site/' },
      to: { path: ENGINE, pathNot: ENTRY },
    },
    {
      name: 'node-through-engine-entry',
      comment: 'The CLI and live mode use the engine through src/engine/index.ts alone.',
      severity: 'error',
      from: { path: '^src/node/' },
      to: { path: ENGINE, pathNot: ENTRY },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|build|[.]astro)/' },
    // Type-only imports count: a layer may not name the types of one above it either.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json'] },
  },
};
