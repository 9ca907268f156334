// The members of the `Schedule` namespace (src/schedule.ts), each documented in its own file.
export { step, exponential, cosine } from '../optim/schedule.js';
