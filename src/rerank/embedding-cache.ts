import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** File layout: magic, then dimensions and count (uint32 LE), then per text its 8-byte key and its vector (float32 LE). */
const MAGIC = Buffer.from('LOREEMB1');
const KEY_BYTES = 8;

/** The key a text's vector is kept under: a hash of the text, worked out once per text by the caller. */
export function textKey(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 2 * KEY_BYTES);
}

/**
 * Section vectors by a hash of the text they were made from (`textKey`), so that an edited section misses and an
 * unchanged one, in any note and after any restart, is not embedded again.
 */
export class EmbeddingCache {
  private readonly vectors = new Map<string, Float32Array>();

  get size(): number {
    return this.vectors.size;
  }

  get(key: string): Float32Array | undefined {
    return this.vectors.get(key);
  }

  set(key: string, vector: Float32Array): void {
    this.vectors.set(key, vector);
  }

  /** Keeps only the vectors under these keys: the sections the notes hold now. */
  keepOnly(keys: Iterable<string>): void {
    const kept = new Set(keys);
    for (const key of this.vectors.keys()) if (!kept.has(key)) this.vectors.delete(key);
  }

  /** Reads a cache file; a missing one is an empty cache, a damaged one an error (the caller starts afresh). */
  static async load(path: string): Promise<EmbeddingCache> {
    const cache = new EmbeddingCache();
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return cache;
      throw error;
    }
    if (bytes.length < MAGIC.length + 8 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error(`${path} is not a lore embedding cache`);
    const dims = bytes.readUInt32LE(MAGIC.length);
    const count = bytes.readUInt32LE(MAGIC.length + 4);
    const record = KEY_BYTES + 4 * dims;
    if ((dims === 0 && count > 0) || bytes.length !== MAGIC.length + 8 + count * record) throw new Error(`${path} is truncated or damaged`);
    for (let i = 0, at = MAGIC.length + 8; i < count; i++, at += record) {
      const key = bytes.toString('hex', at, at + KEY_BYTES);
      const vector = new Float32Array(dims);
      for (let d = 0; d < dims; d++) vector[d] = bytes.readFloatLE(at + KEY_BYTES + 4 * d);
      cache.vectors.set(key, vector);
    }
    return cache;
  }

  /** Writes the cache whole, through a temporary file, so a crash never leaves half a file. */
  async save(path: string): Promise<void> {
    const dims = this.vectors.values().next().value?.length ?? 0;
    const entries = [...this.vectors].filter(([, vector]) => vector.length === dims);
    const record = KEY_BYTES + 4 * dims;
    const bytes = Buffer.alloc(MAGIC.length + 8 + entries.length * record);
    MAGIC.copy(bytes);
    bytes.writeUInt32LE(dims, MAGIC.length);
    bytes.writeUInt32LE(entries.length, MAGIC.length + 4);
    entries.forEach(([key, vector], i) => {
      const at = MAGIC.length + 8 + i * record;
      bytes.write(key, at, KEY_BYTES, 'hex');
      for (let d = 0; d < dims; d++) bytes.writeFloatLE(vector[d] ?? 0, at + KEY_BYTES + 4 * d);
    });
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  }
}
