/**
 * The members of the `Network` namespace, each documented where its code is.
 *
 * @module
 */
export { create } from '../model/network-record.js';
export { forward, predict } from '../model/forward.js';
export { gradient } from '../model/gradient.js';
export { sgdStep } from '../model/sgd-step.js';
export { init } from '../model/init.js';
export { train } from '../train/train.js';
export { predictClass } from '../model/classify.js';
export { toJSON, fromJSON } from '../model/json.js';
export { explain } from '../teach/explain.js';
export { summary } from '../model/summary.js';
