#!/usr/bin/env bash
# Checks the package as users receive it: the tarball from `npm pack`.
# Run after `npm run build` (`.ci/run` does; `npm run check:package` builds
# first). Everything it makes goes into a temp dir, removed at the end unless
# KEEP_SCRATCH=1.
#
#  1. dist/ holds ESM, CJS and both kinds of .d.ts, with mathjs left external
#  2. `npm pack` into the temp dir, and a look at what the tarball holds
#  3. publint on the tarball: nothing reported (warnings count as errors)
#  4. attw (@arethetypeswrong/cli) on the tarball, "strict" profile: node10,
#     node16 from CJS, node16 from ESM and bundler resolution, no problems
#  5. a consumer project installs the tarball with mathjs and typescript, then
#     `import`s it (.mjs), `require`s it (.cjs) and runs a training step with
#     each, and type-checks .ts/.cts files with module node16 and nodenext;
#     then all that again with the oldest mathjs major the peer range allows
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

step() { printf '\n---------- %s ----------\n' "$1"; }
fail() { echo "check-package: $*" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/mathjs-backprop-package.XXXXXX")"
if [[ "${KEEP_SCRATCH:-0}" == 1 ]]; then
  echo "scratch dir kept: $work"
else
  trap 'rm -rf "$work"' EXIT
fi

# The versions the consumer installs: the ones this repo is locked to.
mathjs_version="$(node -p "require('./node_modules/mathjs/package.json').version")"
typescript_version="$(node -p "require('./node_modules/typescript/package.json').version")"

# --------------------------------------------------------------------------
step "dist: ESM, CJS and types, mathjs external"
for f in dist/index.js dist/index.cjs dist/index.d.ts dist/index.d.cts; do
  [[ -s "$f" ]] || fail "$f is missing or empty; run 'npm run build' first"
done
# The only module the bundles may load is the peer dependency mathjs.
node --input-type=module - <<'EOF'
import { readFileSync } from 'node:fs';
const code = (file) => readFileSync(file, 'utf8').split('\n')
  .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line)).join('\n');
const specifiers = {
  'dist/index.js': [...code('dist/index.js').matchAll(/^\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]/gm)],
  'dist/index.cjs': [...code('dist/index.cjs').matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)],
};
let bad = false;
for (const [file, matches] of Object.entries(specifiers)) {
  const found = [...new Set(matches.map((m) => m[1]))].sort();
  console.log(`${file} loads: ${found.join(', ') || '(nothing)'}`);
  if (found.join() !== 'mathjs') bad = true;
}
if (bad) {
  console.error('expected each bundle to load exactly one module, mathjs (external peer dependency)');
  process.exit(1);
}
EOF
node -e "
const p = require('./package.json');
if (!p.peerDependencies || !p.peerDependencies.mathjs) { console.error('mathjs must be a peerDependency'); process.exit(1); }
console.log('peerDependencies.mathjs: ' + p.peerDependencies.mathjs);
"

# --------------------------------------------------------------------------
step "npm pack"
tarball_name="$(npm pack --pack-destination "$work" --json | node -e "
let s = ''; process.stdin.on('data', (d) => (s += d)).on('end', () => console.log(JSON.parse(s)[0].filename));
")"
tarball="$work/$tarball_name"
[[ -f "$tarball" ]] || fail "npm pack did not write $tarball"
tar -tzf "$tarball" | sort | tee "$work/contents.txt"
for f in package/package.json package/README.md package/LICENSE \
         package/dist/index.js package/dist/index.cjs package/dist/index.d.ts package/dist/index.d.cts; do
  grep -qx "$f" "$work/contents.txt" || fail "the tarball lacks ${f#package/}"
done
if grep -E '^package/(src|test|bench|examples|node_modules|docs)/' "$work/contents.txt"; then
  fail "the tarball holds files that are not part of the published package (above)"
fi

# --------------------------------------------------------------------------
step "publint"
publint_out="$(npx --no -- publint run "$tarball" --strict --level suggestion 2>&1)" || {
  echo "$publint_out"; fail "publint reported errors"; }
echo "$publint_out"
grep -q "All good" <<<"$publint_out" || fail "publint reported suggestions or warnings (above)"

# --------------------------------------------------------------------------
step "attw (@arethetypeswrong/cli), profile strict"
npx --no -- attw "$tarball" --profile strict --format table --no-color

# --------------------------------------------------------------------------
step "consumer project: install the tarball, mathjs@$mathjs_version, typescript@$typescript_version"
consumer="$work/consumer"
mkdir -p "$consumer"
cd "$consumer"
cat > package.json <<'EOF'
{ "name": "consumer", "version": "0.0.0", "private": true, "type": "module" }
EOF
npm install --no-audit --no-fund --prefer-offline \
  "$tarball" "mathjs@$mathjs_version" "typescript@$typescript_version"
npm ls --depth=0

# A training step on the notebook's 2-3-1 network, the same from ESM and CJS.
# Loaded from the entry point the exports map names for each, checked below.
cat > smoke-body.txt <<'EOF'
const net = Network.create([
  Layer.create([[1, 0, -1], [1, 2, 0], [0, -2, 1]], Activation.sigmoid),
  Layer.create([[1], [2], [3], [-1]], Activation.identity),
]);
const x = [1, 0];
const t = [1];
const before = Network.gradient(net, x, t);
const next = Network.sgdStep(net, x, t, { learningRate: 0.01 });
const after = Network.gradient(next, x, t);
assert.ok(isMatrix(before.output) && isMatrix(next.layers[0].weights), 'results are mathjs matrices');
assert.ok(Number.isFinite(before.loss) && after.loss < before.loss, `loss fell: ${before.loss} -> ${after.loss}`);
const w = net.layers[1].weights.get([2, 0]);
const g = before.weights[1].get([2, 0]);
assert.ok(Math.abs(next.layers[1].weights.get([2, 0]) - (w - 0.01 * g)) < 1e-12, 'sgdStep is w - eta * gradient');
assert.ok(gradientCheck(net, x, t).ok, 'gradientCheck passes');
assert.throws(() => Network.predict(net, [1, 2, 3]), (e) => e instanceof ShapeError && e instanceof Error);
EOF
{
  cat <<'EOF'
import assert from 'node:assert/strict';
import { isMatrix } from 'mathjs';
import { Activation, Layer, Network, gradientCheck, ShapeError } from 'mathjs-backprop';
const entry = import.meta.resolve('mathjs-backprop');
assert.match(entry, /\/dist\/index\.js$/, `import resolves to the ESM build, got ${entry}`);
EOF
  cat smoke-body.txt
  echo 'console.log(`import  OK: ${entry.replace(/^.*node_modules\//, "")}, loss ${before.loss.toFixed(6)} -> ${after.loss.toFixed(6)}`);'
} > smoke.mjs
{
  cat <<'EOF'
'use strict';
const assert = require('node:assert/strict');
const { isMatrix } = require('mathjs');
const { Activation, Layer, Network, gradientCheck, ShapeError } = require('mathjs-backprop');
const entry = require.resolve('mathjs-backprop');
assert.match(entry, /\/dist\/index\.cjs$/, `require resolves to the CJS build, got ${entry}`);
EOF
  cat smoke-body.txt
  echo 'console.log(`require OK: ${entry.replace(/^.*node_modules\//, "")}, loss ${before.loss.toFixed(6)} -> ${after.loss.toFixed(6)}`);'
} > smoke.cjs
node smoke.mjs
node smoke.cjs

# Type checks against the published .d.ts (ESM) and .d.cts (CJS). The
# @ts-expect-error lines fail the check if the types resolve to `any`.
cat > check.ts <<'EOF'
import { matrix, type Matrix } from 'mathjs';
import {
  Activation, BackpropError, Layer, Loss, Network, ShapeError, gradientCheck,
  type GradientCheckEntry, type GradientCheckReport, type LayerForward, type MatrixLike,
  type NetworkForward, type NetworkGradient, type StepOptions,
} from 'mathjs-backprop';

const weights: MatrixLike = matrix([[1], [2]]);
const layer: Layer = Layer.create(weights, Activation.identity);
const net: Network = Network.create([layer, Layer.create([[0], [1]], Activation.sigmoid)]);
const forward: NetworkForward = Network.forward(net, [[3], [4]]);
const first: LayerForward | undefined = forward.layers[0];
const gradient: NetworkGradient = Network.gradient(net, [3], [4], { loss: Loss.squaredError });
const loss: number = gradient.loss;
const grads: readonly Matrix[] = gradient.weights;
const options: StepOptions = { learningRate: 0.1 };
const next: Network = Network.sgdStep(net, [3], [4], options);
const report: GradientCheckReport = gradientCheck(next, [3], [4], { epsilon: 1e-6 });
const worst: GradientCheckEntry | undefined = report.entries[0];
const isOurs = (e: unknown): boolean => e instanceof ShapeError && e instanceof BackpropError;

// @ts-expect-error learningRate is required
Network.sgdStep(net, [3], [4], {});
// @ts-expect-error the loss is a number
const notAString: string = gradient.loss;

export { first, grads, isOurs, loss, notAString, worst };
EOF
cat > check.cts <<'EOF'
import { Activation, Layer, Network, type NetworkGradient } from 'mathjs-backprop';

const net: Network = Network.create([Layer.create([[1], [2]], Activation.identity)]);
const gradient: NetworkGradient = Network.gradient(net, [3], [4]);
// @ts-expect-error the output is a Matrix
const notANumber: number = gradient.output;

export = { gradient, notANumber };
EOF
# Strict, and skipLibCheck off so that the published .d.ts files are checked too.
cat > tsconfig.json <<'EOF'
{
  "compilerOptions": {
    "module": "nodenext",
    "moduleResolution": "nodenext",
    "target": "es2022",
    "lib": ["es2022"],
    "types": [],
    "strict": true,
    "noEmit": true,
    "skipLibCheck": false
  },
  "files": ["check.ts", "check.cts"]
}
EOF
cat > tsconfig.node16-esm.json <<'EOF'
{
  "extends": "./tsconfig.json",
  "compilerOptions": { "module": "node16", "moduleResolution": "node16" },
  "files": ["check.ts"]
}
EOF
# mathjs ships a single ESM-typed types/index.d.ts (its package.json says
# "type": "module"), so under node16 any CommonJS file that imports mathjs,
# our dist/index.d.cts included, gets TS1479 "... cannot be imported with
# 'require'" (nodenext in TypeScript >= 5.8 allows it). So under node16 the
# .cts is checked with skipLibCheck: its own code against our types.
cat > tsconfig.node16-cjs.json <<'EOF'
{
  "extends": "./tsconfig.json",
  "compilerOptions": { "module": "node16", "moduleResolution": "node16", "skipLibCheck": true },
  "files": ["check.cts"]
}
EOF
type_check() {
  local config
  for config in tsconfig.json tsconfig.node16-esm.json tsconfig.node16-cjs.json; do
    echo "tsc -p $config"
    npx --no -- tsc -p "$config"
  done
  echo "type check OK"
}
type_check

# --------------------------------------------------------------------------
# Again with the oldest mathjs major the peer range allows (12 for ">=12 <16").
peer_range="$(node -p "require('$root/package.json').peerDependencies.mathjs")"
peer_floor="$(sed -nE 's/^[^0-9]*>=[[:space:]]*v?([0-9]+).*$/\1/p' <<<"$peer_range")"
if [[ -n "$peer_floor" && "$peer_floor" != "${mathjs_version%%.*}" ]]; then
  step "consumer project with the oldest peer: mathjs@$peer_floor (peer range \"$peer_range\")"
  npm install --no-audit --no-fund --prefer-offline "mathjs@$peer_floor"
  echo "mathjs $(node -p "require('mathjs/package.json').version")"
  node smoke.mjs
  node smoke.cjs
  type_check
fi

echo
echo "package checks passed"
