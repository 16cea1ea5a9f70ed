/** Turns texts into vectors whose cosine says how close in meaning they are. */
export interface SentenceEncoder {
  /** One vector per text, in order. */
  embed(texts: readonly string[], options?: { urgent?: boolean }): Promise<Float32Array[]>;
  close(): Promise<void>;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}
