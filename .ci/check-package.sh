#!/usr/bin/env bash
# Checks the package as users receive it: the tarball from `npm pack`.
# Run after `npm run build` (`.ci/run` does; `npm run check:package` builds
# first). Everything it makes goes into a temp dir, removed at the end unless
# KEEP_SCRATCH=1.
#
#  1. dist/ holds ESM, CJS and both kinds of .d.ts for the main entry, the
#     testing kit and the interop entries (tfjs, onnx); the main entry loads
#     only mathjs (never fast-check, in code or types), the kit only
#     fast-check and the main entry (not a copy of it), the interop entries
#     only mathjs (and node's module, for onnx) through the chunks they share
#     with the main entry, which alone hold the network code
#  2. `npm pack` into the temp dir, and a look at what the tarball holds
#  3. publint on the tarball: nothing reported (warnings count as errors)
#  4. attw (@arethetypeswrong/cli) on the tarball, "strict" profile: node10,
#     node16 from CJS, node16 from ESM and bundler resolution, no problems
#  5. a consumer project installs the tarball with mathjs and typescript, then
#     `import`s it (.mjs), `require`s it (.cjs) and runs a training step with
#     each, with fast-check not installed; then installs fast-check, runs a
#     small property with `mathjs-backprop/testing` from ESM and from CJS,
#     and type-checks .ts/.cts files with module node16 and nodenext; then
#     all that again with the oldest mathjs and fast-check majors the peer
#     ranges allow
#  6. the interop subpaths: `mathjs-backprop/tfjs` and `mathjs-backprop/onnx`
#     import and require without onnx-proto (toONNX then throws an Error
#     naming it), and again with onnx-proto installed (toONNX writes a model)
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
fast_check_version="$(node -p "require('./node_modules/fast-check/package.json').version")"
onnx_proto_version="$(node -p "require('./node_modules/onnx-proto/package.json').version")"

# --------------------------------------------------------------------------
step "dist: ESM, CJS and types, mathjs, fast-check and onnx-proto external"
for f in dist/{index,testing,tfjs,onnx}.{js,cjs,d.ts,d.cts}; do
  [[ -s "$f" ]] || fail "$f is missing or empty; run 'npm run build' first"
done
# What each file loads. The main entry: only the peer dependency mathjs, so
# it never needs fast-check. The testing kit: fast-check, and the main
# entry's code through the same chunks, so that a network or an activation
# is the same object whichever entry made it (no second copy of the library
# inside the kit).
# Declaration files are followed through the shared chunks they import: the
# main entry's types must not mention fast-check either. Code files are
# followed through the chunks (dist/chunk-*) that the build's code splitting
# makes: the main entry and the interop entries load the same ones, so the
# interop entries hold no second copy of the network code. onnx-proto is
# loaded by toONNX when called, never on import, and never in the types.
node --input-type=module - <<'EOF'
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
const code = (file) => readFileSync(file, 'utf8').split('\n')
  .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line)).join('\n');
const esmOf = (file) => [...code(file).matchAll(/^\s*(?:import|export)\b(?:[^;'"]*?\bfrom)?\s*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
const cjsOf = (file) => [...code(file).matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);
const isChunk = (spec) => /^\.\/chunk-[\w-]+\.c?js$/.test(spec);
/** What a file loads, following the chunks it imports. */
const through = (of) => (file, seen = new Set()) => {
  if (seen.has(file)) return [];
  seen.add(file);
  return of(file).flatMap((spec) => (isChunk(spec) ? through(of)(join(dirname(file), spec), seen) : [spec]));
};
const esm = through(esmOf);
const cjs = through(cjsOf);
const types = (file, seen = new Set()) => {
  if (seen.has(file)) return [];
  seen.add(file);
  return esm(file).flatMap((spec) =>
    spec.startsWith('.') ? types(join(dirname(file), spec.replace(/\.(c?)js$/, '.d.$1ts')), seen) : [spec]);
};
const expected = {
  'dist/index.js': [esm, 'mathjs'],
  'dist/index.cjs': [cjs, 'mathjs'],
  'dist/index.d.ts': [types, 'mathjs'],
  'dist/index.d.cts': [types, 'mathjs'],
  'dist/testing.js': [esm, 'fast-check, mathjs'],
  'dist/testing.cjs': [cjs, 'fast-check, mathjs'],
  'dist/testing.d.ts': [types, 'fast-check, mathjs'],
  'dist/testing.d.cts': [types, 'fast-check, mathjs'],
  'dist/tfjs.js': [esm, 'mathjs'],
  'dist/tfjs.cjs': [cjs, 'mathjs'],
  'dist/tfjs.d.ts': [types, 'mathjs'],
  'dist/tfjs.d.cts': [types, 'mathjs'],
  'dist/onnx.js': [esm, 'mathjs, module'],
  'dist/onnx.cjs': [cjs, 'mathjs, module'],
  'dist/onnx.d.ts': [types, 'mathjs'],
  'dist/onnx.d.cts': [types, 'mathjs'],
};
let bad = false;
for (const [file, [loads, want]] of Object.entries(expected)) {
  const found = [...new Set(loads(file))].sort().join(', ');
  console.log(`${found === want ? 'ok ' : 'BAD'} ${file} loads: ${found || '(nothing)'}${found === want ? '' : `; expected ${want}`}`);
  if (found !== want) bad = true;
}
// The network code (the one Network class) is in a chunk the main entry, the testing kit and the interop entries share.
const holder = (format) => {
  const holds = (file) => /\b(?:class NetworkRecord\b|NetworkRecord = class\b)/.test(readFileSync(file, 'utf8'));
  const entries = ['index', 'testing', 'tfjs', 'onnx'].map((name) => `dist/${name}.${format}`);
  for (const file of entries) if (holds(file)) { console.log(`BAD ${file} holds the network code itself`); bad = true; }
  const load = format === 'js' ? esmOf : cjsOf;
  const found = entries.map((file) => {
    const chunks = [...new Set(load(file).filter(isChunk).map((spec) => join('dist', spec)))].filter(holds);
    console.log(`${chunks.length === 1 ? 'ok ' : 'BAD'} ${file} loads the network code from ${chunks.join(', ') || 'no chunk'}`);
    if (chunks.length !== 1) bad = true;
    return chunks[0];
  });
  if (new Set(found).size !== 1) { console.log(`BAD ${entries.join(', ')} load different copies of the network code`); bad = true; }
};
holder('js');
holder('cjs');
if (bad) {
  console.error('the main entry must load only mathjs (never fast-check); the testing kit only fast-check and the chunks of the main entry; ' +
    'the interop entries only mathjs (and module) and the chunks of the main entry');
  process.exit(1);
}
EOF
node -e "
const p = require('./package.json');
const peers = p.peerDependencies || {};
const meta = p.peerDependenciesMeta || {};
if (!peers.mathjs) { console.error('mathjs must be a peerDependency'); process.exit(1); }
if (!peers['fast-check'] || !meta['fast-check'] || meta['fast-check'].optional !== true) {
  console.error('fast-check must be an optional peerDependency (peerDependenciesMeta)'); process.exit(1);
}
if ((p.dependencies || {})['fast-check']) { console.error('fast-check must not be a dependency'); process.exit(1); }
if (!peers['onnx-proto'] || !meta['onnx-proto'] || meta['onnx-proto'].optional !== true) {
  console.error('onnx-proto must be an optional peerDependency (peerDependenciesMeta)'); process.exit(1);
}
const engines = ['onnx-proto', 'onnxruntime-node', '@tensorflow/tfjs-core', '@tensorflow/tfjs-layers', '@tensorflow/tfjs-backend-cpu'];
for (const name of engines) {
  if ((p.dependencies || {})[name]) { console.error(name + ' must not be a dependency'); process.exit(1); }
}
console.log('peerDependencies: mathjs ' + peers.mathjs + ', fast-check ' + peers['fast-check'] + ' (optional), onnx-proto ' +
  peers['onnx-proto'] + ' (optional)');
"

# --------------------------------------------------------------------------
step "npm pack"
tarball_name="$(npm pack --pack-destination "$work" --json | node -e "
let s = ''; process.stdin.on('data', (d) => (s += d)).on('end', () => console.log(JSON.parse(s)[0].filename));
")"
tarball="$work/$tarball_name"
[[ -f "$tarball" ]] || fail "npm pack did not write $tarball"
tar -tzf "$tarball" | sort | tee "$work/contents.txt"
for f in package/package.json package/README.md package/LICENSE package/dist/{index,testing,tfjs,onnx}.{js,cjs,d.ts,d.cts}; do
  grep -qx "$f" "$work/contents.txt" || fail "the tarball lacks ${f#package/}"
done
# The guides and their pictures ship (the README links to them); the API
# site (docs/api/) and everything else under docs/ does not.
if grep -E '^package/(src|test|bench|examples|node_modules)/|^package/docs/(api/|[^/]+$)' "$work/contents.txt" | grep -vE '^package/docs/[^/]+\.md$'; then
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
# fast-check is an optional peer: not installed with the package, and the
# main entry must work without it (the smoke tests below run before it is).
if node -e "require.resolve('fast-check')" 2>/dev/null; then
  fail "fast-check was installed along with the package; it must be an optional peer dependency"
fi
echo "fast-check not installed: the main entry runs without it"

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

# --------------------------------------------------------------------------
step "consumer project: mathjs-backprop/tfjs and mathjs-backprop/onnx, without onnx-proto"
if node -e "require.resolve('onnx-proto')" 2>/dev/null; then
  fail "onnx-proto was installed along with the package; it must be an optional peer dependency"
fi
# A round trip through TF.js artifacts and their files, and an ONNX model:
# with onnx-proto absent, importing the onnx subpath still works and toONNX
# throws an Error that says what to install (EXPECT_ONNX_PROTO=1: it writes).
cat > interop-body.txt <<'EOF'
const net = Network.create([
  Layer.create([[0.5, -1, 0], [1, 2, 0.5], [-0.25, 0.75, 1]], Activation.tanh),
  Layer.create([[0.1], [1], [-2], [0.5]], Activation.leakyRelu(0.2)),
]);
const x = [[1, 2], [-0.5, 0.25]];
const close = (a, b) => a.every((row, r) => row.every((v, j) => Math.abs(v - b[r][j]) < 1e-6));
const artifacts = toTFJS(net);
assert.equal(artifacts.format, 'layers-model');
const back = fromTFJS(artifacts);
assert.equal(back.layers[0].activation, Activation.tanh, 'the tfjs subpath uses the main entry, not a copy of it');
assert.ok(close(Network.predict(back, x).toArray(), Network.predict(net, x).toArray()), 'the round trip predicts the same');
const cube = Activation.define({ name: 'cube', apply: (z) => z ** 3, derivative: (z) => 3 * z * z });
assert.throws(() => toTFJS(Network.create([Layer.create([[0], [1]], cube)])),
  (e) => e instanceof UnknownNameError && e.message.startsWith('toTFJS: layer 0'));
const run = async () => {
  const directory = mkdtempSync(join(tmpdir(), 'consumer-tfjs-'));
  await writeTFJS(artifacts, directory);
  assert.ok(close(Network.predict(fromTFJS(await readTFJS(directory)), x).toArray(), Network.predict(back, x).toArray()));
  if (process.env.EXPECT_ONNX_PROTO === '1') {
    const bytes = toONNX(net, { dtype: 'float64' });
    assert.ok(bytes instanceof Uint8Array && bytes.length > 100 && bytes[0] === 0x08, 'an ONNX ModelProto starts with ir_version');
    return `toONNX wrote ${bytes.length} bytes`;
  }
  let message = '';
  assert.throws(() => toONNX(net), (e) => ((message = e.message), e.constructor === Error && message.includes('npm install onnx-proto')));
  return `toONNX without onnx-proto: ${message}`;
};
EOF
{
  cat <<'EOF'
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Activation, Layer, Network, UnknownNameError } from 'mathjs-backprop';
import { fromTFJS, readTFJS, toTFJS, writeTFJS } from 'mathjs-backprop/tfjs';
import { toONNX } from 'mathjs-backprop/onnx';
assert.match(import.meta.resolve('mathjs-backprop/tfjs'), /\/dist\/tfjs\.js$/);
assert.match(import.meta.resolve('mathjs-backprop/onnx'), /\/dist\/onnx\.js$/);
EOF
  cat interop-body.txt
  echo 'console.log(`import  OK: dist/tfjs.js, dist/onnx.js; ${await run()}`);'
} > interop-smoke.mjs
{
  cat <<'EOF'
'use strict';
const assert = require('node:assert/strict');
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Activation, Layer, Network, UnknownNameError } = require('mathjs-backprop');
const { fromTFJS, readTFJS, toTFJS, writeTFJS } = require('mathjs-backprop/tfjs');
const { toONNX } = require('mathjs-backprop/onnx');
assert.match(require.resolve('mathjs-backprop/tfjs'), /\/dist\/tfjs\.cjs$/);
assert.match(require.resolve('mathjs-backprop/onnx'), /\/dist\/onnx\.cjs$/);
EOF
  cat interop-body.txt
  echo 'run().then((onnx) => console.log(`require OK: dist/tfjs.cjs, dist/onnx.cjs; ${onnx}`), (e) => { console.error(e); process.exit(1); });'
} > interop-smoke.cjs
node interop-smoke.mjs
node interop-smoke.cjs

# --------------------------------------------------------------------------
step "consumer project: the testing kit, with fast-check@$fast_check_version"
npm install --no-audit --no-fund --prefer-offline "fast-check@$fast_check_version"
# The property the guide shows, from ESM and from CJS: a custom activation's
# derivative checked in every layer of random networks holds when right,
# and fast-check finds a counterexample when it is doubled. And one copy of
# the library: the kit's activations and errors are the main entry's.
cat > testing-body.txt <<'EOF'
const isru = Activation.define({
  name: 'isru',
  apply: (z) => z / Math.sqrt(1 + z * z),
  derivative: (z) => 1 / (1 + z * z) ** 1.5,
});
const doubled = Activation.define({
  name: 'isru-doubled',
  apply: isru.apply,
  derivative: (z) => 2 / (1 + z * z) ** 1.5,
});
const agrees = (activation) => fc.property(gradientCase({ activations: [activation] }),
  ({ net, input, target }) => gradientCheck(net, input, target).ok);
fc.assert(agrees(isru), { seed: 1, numRuns: 25 });
assert.throws(() => fc.assert(agrees(doubled), { seed: 1, numRuns: 25 }), /Property failed/);
assert.equal(builtInActivations[0], Activation.identity, 'the kit uses the main entry, not a copy of it');
assert.throws(() => networkArbitrary({ layers: 0 }), (e) => e instanceof ValueError);
const [seeded] = fc.sample(seededNetworkArbitrary({ layers: 2 }), { seed: 3, numRuns: 1 });
assert.equal(seeded.layers.length, 2);
EOF
{
  cat <<'EOF'
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Activation, gradientCheck, ValueError } from 'mathjs-backprop';
import { builtInActivations, gradientCase, networkArbitrary, seededNetworkArbitrary } from 'mathjs-backprop/testing';
const entry = import.meta.resolve('mathjs-backprop/testing');
assert.match(entry, /\/dist\/testing\.js$/, `import resolves to the ESM build, got ${entry}`);
EOF
  cat testing-body.txt
  echo 'console.log(`import  OK: ${entry.replace(/^.*node_modules\//, "")}, a property held and a doubled derivative failed`);'
} > testing-smoke.mjs
{
  cat <<'EOF'
'use strict';
const assert = require('node:assert/strict');
const fc = require('fast-check');
const { Activation, gradientCheck, ValueError } = require('mathjs-backprop');
const { builtInActivations, gradientCase, networkArbitrary, seededNetworkArbitrary } = require('mathjs-backprop/testing');
const entry = require.resolve('mathjs-backprop/testing');
assert.match(entry, /\/dist\/testing\.cjs$/, `require resolves to the CJS build, got ${entry}`);
EOF
  cat testing-body.txt
  echo 'console.log(`require OK: ${entry.replace(/^.*node_modules\//, "")}, a property held and a doubled derivative failed`);'
} > testing-smoke.cjs
node testing-smoke.mjs
node testing-smoke.cjs

# Type checks against the published .d.ts (ESM) and .d.cts (CJS). The
# @ts-expect-error lines fail the check if the types resolve to `any`.
cat > check.ts <<'EOF'
import { matrix, type Matrix } from 'mathjs';
import {
  Activation, BackpropError, Layer, Loss, Network, ShapeError, gradientCheck,
  type GradientCheckEntry, type GradientCheckReport, type LayerForward, type MatrixLike,
  type NetworkForward, type NetworkGradient, type StepOptions,
} from 'mathjs-backprop';
import type { Arbitrary } from 'fast-check';
import { batchArbitrary, gradientCase, networkArbitrary, type GradientCase, type NetworkData } from 'mathjs-backprop/testing';
import { fromTFJS, readTFJS, toTFJS, writeTFJS, type TFJSArtifacts, type TFJSFiles } from 'mathjs-backprop/tfjs';
import { toONNX, type ONNXOptions } from 'mathjs-backprop/onnx';

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

// The kit's networks are the main entry's Network type.
const cases: Arbitrary<GradientCase> = gradientCase({ activations: [Activation.tanh], shape: 'batch' });
const nets: Arbitrary<Network> = networkArbitrary({ layers: { min: 1, max: 2 } });
const data: Arbitrary<NetworkData> = batchArbitrary(net, { rows: 3 });
const check = (c: GradientCase): GradientCheckReport => gradientCheck(c.net, c.input, c.target);
// @ts-expect-error shape is 'example', 'batch' or 'either'
gradientCase({ shape: 'rows' });

// The interop subpaths take and give the main entry's Network type.
const artifacts: TFJSArtifacts = toTFJS(net);
const back: Network = fromTFJS(artifacts);
const files: Promise<TFJSFiles> = writeTFJS(artifacts, 'model');
const reread: Promise<Network> = readTFJS('model').then(fromTFJS);
const onnxOptions: ONNXOptions = { dtype: 'float64' };
const onnxBytes: Uint8Array = toONNX(back, onnxOptions);
// @ts-expect-error dtype is 'float32' or 'float64'
toONNX(net, { dtype: 'float16' });

export { cases, check, data, files, first, grads, isOurs, loss, nets, notAString, onnxBytes, reread, worst };
EOF
cat > check.cts <<'EOF'
import { Activation, Layer, Network, type NetworkGradient } from 'mathjs-backprop';
import type { Arbitrary } from 'fast-check';
import { gradientCase, type GradientCase } from 'mathjs-backprop/testing';
import { fromTFJS, toTFJS } from 'mathjs-backprop/tfjs';
import { toONNX } from 'mathjs-backprop/onnx';

const net: Network = Network.create([Layer.create([[1], [2]], Activation.identity)]);
const again: Network = fromTFJS(toTFJS(net));
const onnxBytes: Uint8Array = toONNX(again);
const gradient: NetworkGradient = Network.gradient(net, [3], [4]);
// @ts-expect-error the output is a Matrix
const notANumber: number = gradient.output;
const cases: Arbitrary<GradientCase> = gradientCase({ shape: 'example' });
// @ts-expect-error kinkMargin is a number
gradientCase({ kinkMargin: 'small' });

export = { cases, gradient, notANumber, onnxBytes };
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
step "consumer project: mathjs-backprop/onnx with onnx-proto@$onnx_proto_version"
npm install --no-audit --no-fund --prefer-offline "onnx-proto@$onnx_proto_version"
EXPECT_ONNX_PROTO=1 node interop-smoke.mjs
EXPECT_ONNX_PROTO=1 node interop-smoke.cjs

# --------------------------------------------------------------------------
# Again with the oldest majors the peer ranges allow: mathjs 12 for
# ">=12 <16", fast-check 3 for "^3.0.0 || ^4.0.0" (the first number in it).
peer_range="$(node -p "require('$root/package.json').peerDependencies.mathjs")"
peer_floor="$(sed -nE 's/^[^0-9]*>=[[:space:]]*v?([0-9]+).*$/\1/p' <<<"$peer_range")"
fc_range="$(node -p "require('$root/package.json').peerDependencies['fast-check']")"
fc_floor="$(sed -nE 's/^[^0-9]*([0-9]+).*$/\1/p' <<<"$fc_range")"
oldest=()
[[ -n "$peer_floor" && "$peer_floor" != "${mathjs_version%%.*}" ]] && oldest+=("mathjs@$peer_floor")
[[ -n "$fc_floor" && "$fc_floor" != "${fast_check_version%%.*}" ]] && oldest+=("fast-check@$fc_floor")
if [[ ${#oldest[@]} -gt 0 ]]; then
  step "consumer project with the oldest peers: ${oldest[*]} (peer ranges \"$peer_range\", \"$fc_range\")"
  npm install --no-audit --no-fund --prefer-offline "${oldest[@]}"
  echo "mathjs $(node -p "require('mathjs/package.json').version"), fast-check $(node -p "require('fast-check/package.json').version")"
  node smoke.mjs
  node smoke.cjs
  node testing-smoke.mjs
  node testing-smoke.cjs
  EXPECT_ONNX_PROTO=1 node interop-smoke.mjs
  EXPECT_ONNX_PROTO=1 node interop-smoke.cjs
  type_check
fi

echo
echo "package checks passed"
