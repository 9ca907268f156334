/**
 * The type checks of `npm test`, run side by side: the project itself
 * (tsconfig.json: src, test, examples, bench) and the strict consumer
 * (test/types/tsconfig.json, with `exactOptionalPropertyTypes`). Each is
 * incremental, with its build information under node_modules/.cache, so a
 * second run over unchanged files takes a few seconds. Exits with the
 * first failing check's code, after both have printed their errors.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const cache = 'node_modules/.cache/mathjs-backprop';

const checks = [
  ['--noEmit', '--incremental', '--tsBuildInfoFile', `${cache}/project.tsbuildinfo`],
  ['-p', 'test/types/tsconfig.json', '--incremental', '--tsBuildInfoFile', `${cache}/consumer.tsbuildinfo`],
];

const run = (args) => new Promise((resolve) => {
  const child = spawn(process.execPath, [tsc, ...args], { stdio: 'inherit' });
  child.on('close', (code) => resolve(code ?? 1));
});

const codes = await Promise.all(checks.map(run));
const failed = codes.find((code) => code !== 0);
process.exit(failed ?? 0);
