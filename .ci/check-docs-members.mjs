// Checks that the API docs hold every member of every namespace object
// (Activation, Loss, Layer, Network, Optimizer, Schedule, Data, ...: each
// export of the built package that is a plain object) and that each member
// has a summary: typedoc can drop a member silently (it once dropped
// arrow-function properties).
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
const summaryOf = (member) => (member.signatures?.[0]?.comment ?? member.comment)?.summary ?? [];
const namespaces = Object.entries(library).filter(([, value]) => Object.getPrototypeOf(value) === Object.prototype);
let missing = 0;
for (const [name, value] of namespaces) {
  const documented = new Map((find(api, name)?.children ?? []).map((child) => [child.name, child]));
  for (const member of Object.keys(value)) {
    const page = documented.get(member);
    if (page === undefined) console.error(`${name}.${member} is exported but missing from the API docs`);
    else if (summaryOf(page).length === 0) console.error(`${name}.${member} has no summary in the API docs`);
    else continue;
    missing++;
  }
}
if (missing > 0) process.exit(1);
console.log(`every member of ${namespaces.map(([name]) => name).join(', ')} is in the API docs with a summary`);
