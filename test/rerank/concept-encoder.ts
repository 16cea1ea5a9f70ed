import type { SentenceEncoder } from '../../src/rerank/sentence-encoder.js';

/**
 * A small real encoder for tests: a text's vector counts, per concept, the words of the text that belong to it, so
 * texts about the same concept are close whatever words they use. Records what it was asked to embed.
 */
export class ConceptEncoder implements SentenceEncoder {
  readonly calls: { texts: readonly string[]; urgent: boolean }[] = [];
  closed = false;
  failWith: Error | undefined;
  /** While set, background (not urgent) requests wait for it, as they would behind a slow model. */
  hold: Promise<void> | undefined;
  /** The same for a question's (urgent) requests. */
  holdUrgent: Promise<void> | undefined;

  constructor(private readonly concepts: readonly (readonly string[])[]) {}

  async embed(texts: readonly string[], options: { urgent?: boolean } = {}): Promise<Float32Array[]> {
    this.calls.push({ texts, urgent: options.urgent ?? false });
    const hold = options.urgent ? this.holdUrgent : this.hold;
    if (hold) await hold;
    if (this.closed) throw new Error('the test encoder was closed');
    if (this.failWith) throw this.failWith;
    return texts.map((text) => {
      const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
      // The last axis is "none of these": a text with no concept word is far from every concept.
      const vector = new Float32Array(this.concepts.length + 1);
      for (const word of words) {
        const concept = this.concepts.findIndex((members) => members.includes(word));
        const axis = concept === -1 ? this.concepts.length : concept;
        vector[axis] = (vector[axis] ?? 0) + (concept === -1 ? 0.05 : 1);
      }
      return vector;
    });
  }

  embedded(): string[] {
    return this.calls.flatMap((call) => call.texts);
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
