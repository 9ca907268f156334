// The members of the `Optimizer` namespace (src/optimizer.ts), each documented in its own file.
export { sgd, adam, adamW, rmsprop } from './optimizers.js';
export { init } from './state.js';
export { step } from './step.js';
