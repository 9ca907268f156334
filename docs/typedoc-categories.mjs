// A TypeDoc plugin that groups the API reference by capability, read off
// the folder each export's code lives in (src/math/ is "Building blocks",
// src/verify/ is "Verification", ...), so the layout of src/ is the one
// place that says where an export belongs. The namespace objects, which
// live in src/namespaces/, go with the capability their members come from.
import { Comment, CommentTag, Converter, ReflectionKind } from 'typedoc';

const FOLDERS = {
  boundary: 'Shapes',
  math: 'Building blocks',
  model: 'Networks',
  optim: 'Optimisers',
  train: 'Training and data',
  verify: 'Verification',
  teach: 'Teaching',
  draw: 'Pictures',
  interop: 'Interop',
  testing: 'Testing kit',
};
const NAMESPACES = {
  Activation: 'Building blocks',
  Loss: 'Building blocks',
  Layer: 'Networks',
  Network: 'Networks',
  Optimizer: 'Optimisers',
  Schedule: 'Optimisers',
  Data: 'Training and data',
};

/** The category of a top-level export declared in `file`, or undefined. */
function categoryOf(name, file) {
  const path = file.replaceAll('\\', '/');
  if (path.endsWith('/src/errors.ts')) return 'Errors';
  const folder = /\/src\/([a-z]+)\//.exec(path)?.[1];
  if (folder === 'namespaces') return NAMESPACES[name];
  return FOLDERS[folder];
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (!reflection.parent?.kindOf(ReflectionKind.Module | ReflectionKind.Project)) return;
    const file = context.getSymbolFromReflection(reflection)?.declarations?.[0]?.getSourceFile().fileName;
    const category = file === undefined ? undefined : categoryOf(reflection.name, file);
    if (category === undefined) return;
    reflection.comment ??= new Comment();
    if (reflection.comment.getTag('@category') !== undefined) return;
    reflection.comment.blockTags.push(new CommentTag('@category', [{ kind: 'text', text: category }]));
  });
}
