import type { ChatAdapter, IndexStats } from '../types.js';
import type { OpsServer } from './server.js';

/**
 * lore's own readiness checks: the index is built, and each chat adapter is connected. Other modules add theirs with
 * `ops.addReadinessCheck`.
 */
export function addLoreChecks(ops: OpsServer, options: { stats: () => IndexStats; adapters: readonly ChatAdapter[] }): void {
  ops.addReadinessCheck('index', () => {
    const { files, chunks, builtAt } = options.stats();
    return { ok: true, detail: { files, chunks, builtAt: builtAt.toISOString() } };
  });
  for (const adapter of options.adapters) {
    ops.addReadinessCheck(adapter.name, () => {
      const up = adapter.connected?.() ?? false;
      return { ok: up, detail: up ? 'connected' : 'not connected' };
    });
  }
}

/** The adapter, reporting itself connected only once its start() has resolved (and while its own check, if any, agrees). */
export function trackConnection(adapter: ChatAdapter): ChatAdapter {
  let started = false;
  return {
    name: adapter.name,
    async start() {
      await adapter.start();
      started = true;
    },
    async stop() {
      started = false;
      await adapter.stop();
    },
    connected: () => started && (adapter.connected?.() ?? true),
  };
}
