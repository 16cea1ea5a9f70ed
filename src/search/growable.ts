/** Typed arrays that grow by doubling, for an index that gains documents after it is built. */
export type NumberArray = Int32Array | Float64Array | Uint8Array;

/** `array`, or a copy at least `size` long (doubling) holding the same values. */
export function ensureSize<T extends NumberArray>(array: T, size: number): T {
  if (size <= array.length) return array;
  const larger = new (array.constructor as new (length: number) => T)(Math.max(size, array.length * 2, 16));
  larger.set(array);
  return larger;
}

/**
 * A list of 32-bit integers in a typed array that grows by doubling. Long lists built up during a build
 * live outside the JavaScript heap this way, so the garbage collector neither scans nor copies them.
 */
export class IntList {
  values: Int32Array;
  length = 0;

  constructor(capacity = 1 << 10) {
    this.values = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.values.length) this.values = ensureSize(this.values, this.length + 1);
    this.values[this.length++] = value;
  }

  /** The value at `i`, which must be below `length`. */
  at(i: number): number {
    return this.values[i] as number;
  }

  /** The values as a view (shared until the next `push` that grows the list). */
  view(): Int32Array {
    return this.values.subarray(0, this.length);
  }

  clear(): void {
    this.length = 0;
  }
}
