import type { Config } from '../config.js';
import { EmbeddingCache } from '../rerank/embedding-cache.js';
import type { SentenceEncoder } from '../rerank/sentence-encoder.js';
import { openUseEncoder } from '../rerank/use-encoder.js';
import { describeError, fail, pass, type CheckResult } from './check.js';
import type { ShowPath } from './local.js';

/** With LORE_RERANK=encoder: the sentence encoder loads and embeds, and the section vectors kept so far read back. */
export async function checkRerank(config: Config, show: ShowPath): Promise<CheckResult | undefined> {
  if (config.rerank.mode !== 'encoder') return undefined;
  const name = 'Re-ranking';
  const started = performance.now();
  let encoder: SentenceEncoder | undefined;
  try {
    encoder = await openUseEncoder();
    const [vector] = await encoder.embed(['Is the sentence encoder working?'], { urgent: true });
    if (!vector?.length) return fail(name, 'the sentence encoder gave no vector', 'reinstall lore with npm ci, or unset LORE_RERANK');
  } catch (error) {
    return fail(name, describeError(error), 'run npm install without --omit=optional, or unset LORE_RERANK');
  } finally {
    await encoder?.close();
  }
  const loaded = `the sentence encoder loads and embeds (${Math.round(performance.now() - started)} ms)`;
  const file = show(config.rerank.cacheFile);
  try {
    const { size } = await EmbeddingCache.load(config.rerank.cacheFile);
    return pass(name, `${loaded}; ${size === 0 ? `no section vectors yet in ${file}` : `${size} section vectors kept in ${file}`}`);
  } catch (error) {
    return pass(name, `${loaded}; ${file} is unreadable (${describeError(error)}), so lore will embed the sections again`);
  }
}
