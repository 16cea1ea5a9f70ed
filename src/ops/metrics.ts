import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * lore's Prometheus metrics, in one registry that GET /metrics serves. Other modules add their own metrics with
 * `registers: [metrics.registry]`, or read the ones here to count.
 */
export interface Metrics {
  readonly registry: Registry;
  /** Questions by platform, surface and outcome (`answered`, `not-found`, a refusal reason, or `failed`). */
  readonly questions: Counter<'platform' | 'surface' | 'outcome'>;
  /** Seconds from a question reaching the engine to its answer. */
  readonly answerSeconds: Histogram<'platform'>;
  readonly votes: Counter<'platform' | 'vote'>;
  /** Seconds each full build of the index took (the first at start, then every rebuild). */
  readonly indexBuildSeconds: Histogram;
}

/** What the gauges read when scraped; each source is optional, and missing means "not reported". */
export interface MetricSources {
  /** Counts of the index served now. */
  index?: () => { files: number; chunks: number };
  /** Feedback writes waiting, and dropped since start. */
  store?: () => { queued: number; dropped: number };
}

export function createMetrics(): Metrics & { observe(sources: MetricSources): void } {
  const registry = new Registry();
  const registers = [registry];
  const sources: MetricSources = {};
  const gauge = (name: string, help: string, read: () => number | undefined) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        const value = read();
        if (value === undefined) this.reset();
        else this.set(value);
      },
    });
  gauge('lore_index_files', 'Note files in the index served now', () => sources.index?.().files);
  gauge('lore_index_chunks', 'Quotable chunks in the index served now', () => sources.index?.().chunks);
  gauge('lore_store_queued_writes', 'Questions, votes and answers shown waiting to be written to the feedback store', () => sources.store?.().queued);
  gauge('lore_store_dropped_writes', 'Questions, votes and answers shown dropped since start because the feedback queue was full', () => sources.store?.().dropped);
  return {
    registry,
    questions: new Counter({ name: 'lore_questions_total', help: 'Questions by platform, surface and outcome', labelNames: ['platform', 'surface', 'outcome'], registers }),
    answerSeconds: new Histogram({
      name: 'lore_answer_seconds',
      help: 'Time to answer a question',
      labelNames: ['platform'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    votes: new Counter({ name: 'lore_votes_total', help: 'Votes on answers', labelNames: ['platform', 'vote'], registers }),
    indexBuildSeconds: new Histogram({
      name: 'lore_index_build_seconds',
      help: 'Time to build the index from the notes, per full build',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    }),
    observe(more) {
      Object.assign(sources, more);
    },
  };
}
