// Everything src/optim/ uses from outside src/optim/, in one place, so that
// moving the library's folders means changing these paths only.
export { ShapeError, ValueError } from '../errors.js';
export type { Network } from '../network.js';
export type { Model } from '../internal/model.js';
export { modelOf, networkFromWeights } from '../internal/network-record.js';
export { stepWeights } from '../internal/kernels.js';
export { sizeOf, toFlat, type MatrixLike } from '../internal/convert.js';
export { checkOptionNames } from '../internal/options.js';
export { checkResult } from '../internal/validate.js';
