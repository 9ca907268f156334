// Checks that the API docs hold every member of the namespace objects
// (Activation, Loss, Layer, Network, Data) that the built package exports: typedoc
// can drop a member silently (it once dropped arrow-function properties).
// Usage: node .ci/check-docs-members.mjs <typedoc json>
import { readFileSync } from 'node:fs';
import * as library from '../dist/index.js';

const api = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const find = (node, name) => {
  for (const child of node.children ?? []) {
    if (child.name === name) return child;
    const found = find(child, name);
    if (found) return found;
  }
  return undefined;
};
let missing = 0;
for (const name of ['Activation', 'Loss', 'Layer', 'Network', 'Data']) {
  const documented = new Set((find(api, name)?.children ?? []).map((child) => child.name));
  for (const member of Object.keys(library[name])) {
    if (!documented.has(member)) {
      console.error(`${name}.${member} is exported but missing from the API docs`);
      missing++;
    }
  }
}
if (missing > 0) process.exit(1);
console.log('every namespace member is in the API docs');
