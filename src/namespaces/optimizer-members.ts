// The members of the `Optimizer` namespace (src/optimizer.ts), each documented in its own file.
export { sgd, adam, adamW, rmsprop } from '../optim/optimizers.js';
export { init } from '../optim/state.js';
export { step } from '../optim/step.js';
