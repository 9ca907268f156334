// The import rules of src/ (`npm run check:imports`, run by CI): no import
// cycles, type-only imports included, and a stack of capability folders that
// a lower folder never climbs:
//   errors.ts < boundary/ < math/ < engine/ < model/
//     < optim/, train/, verify/, teach/, draw/, interop/ < namespaces/ < index.ts
// src/testing/ is the separate entry mathjs-backprop/testing, above them all.
const stack = [
  ['errors', '^src/errors\\.ts$'],
  ['boundary', '^src/boundary/'],
  ['math', '^src/math/'],
  ['engine', '^src/engine/'],
  ['model', '^src/model/'],
  ['capabilities', '^src/(optim|train|verify|teach|draw|interop)/'],
  ['namespaces', '^src/namespaces/'],
  ['index', '^src/index\\.ts$'],
  ['testing', '^src/testing/'],
];

/** One rule per level: nothing at that level imports a level above it. */
const upward = stack.slice(0, -1).map(([name, path], level) => ({
  name: `no-upward-from-${name}`,
  comment: `${name} sits below ${stack.slice(level + 1).map(([above]) => above).join(', ')} and must not import them`,
  severity: 'error',
  from: { path },
  to: { path: stack.slice(level + 1).map(([, above]) => above).join('|') },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'an import cycle, type-only imports included: declare the type in the lowest file that needs it',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...upward,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
