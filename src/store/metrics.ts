import { Gauge, type Registry } from 'prom-client';
import type { Feedback } from './feedback.js';

/**
 * The feedback store's counts as Prometheus metrics, read when scraped, beside the queued and dropped writes the ops
 * metrics already give: what was written, whether replicas fell back to their own memory for de-duplication and rate limits.
 */
export function registerStoreMetrics(registry: Registry, feedback: Feedback): void {
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  const writes = () => feedback.counts().writes;
  const shared = () => feedback.counts().shared;
  gauge('lore_feedback_writes_written', 'Questions, votes and answers shown written to the feedback database since start.', () => writes().written);
  gauge('lore_feedback_store_waiting', '1 while the feedback database is locked or unreachable and writes wait.', () => (writes().waiting ? 1 : 0));
  if (feedback.shared) {
    gauge('lore_shared_state_degraded', "1 while PostgreSQL is unreachable and this replica de-duplicates and rate-limits on its own.", () => (shared()?.degraded ? 1 : 0));
    gauge('lore_shared_state_fallbacks', "Replay checks and rate-limit hits answered from this replica's memory since start.", () => shared()?.fallbacks ?? 0);
    gauge('lore_shared_state_outages', 'Times PostgreSQL became unreachable for shared state since start.', () => shared()?.outages ?? 0);
  }
}
