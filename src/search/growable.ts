/** Typed arrays that grow by doubling, for an index that gains documents after it is built. */
export type NumberArray = Int32Array | Float64Array | Uint8Array;

/** `array`, or a copy at least `size` long (doubling) holding the same values. */
export function ensureSize<T extends NumberArray>(array: T, size: number): T {
  if (size <= array.length) return array;
  const larger = new (array.constructor as new (length: number) => T)(Math.max(size, array.length * 2, 16));
  larger.set(array);
  return larger;
}
