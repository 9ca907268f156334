/**
 * ONNX Runtime for Node, the engine the ONNX interop tests compare with.
 */
import * as ort from 'onnxruntime-node';

/** What ONNX Runtime computes for a batch, on a model given as bytes. */
export async function ortRun(bytes: Uint8Array, rows: readonly (readonly number[])[], dtype: 'float32' | 'float64'): Promise<number[][]> {
  const session = await ort.InferenceSession.create(bytes);
  try {
    const flat = rows.flat();
    const data = dtype === 'float32' ? Float32Array.from(flat) : Float64Array.from(flat);
    const { output } = await session.run({ input: new ort.Tensor(dtype, data, [rows.length, rows[0].length]) });
    const [b, m] = output.dims as number[];
    const values = Array.from(output.data as Float32Array | Float64Array);
    return Array.from({ length: b }, (_, r) => values.slice(r * m, (r + 1) * m));
  } finally {
    await session.release();
  }
}
