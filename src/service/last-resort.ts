import { asError } from '../errors.js';
import type { Logger } from '../logger.js';

/**
 * While serving, an error nothing caught is logged with its stack and the bot keeps answering: every handler already
 * catches its own failures, so what reaches here comes from a library callback and has left no half-done state of
 * lore's behind. Returns a function that removes the handlers.
 */
export function keepServingOnStrayErrors(processLike: NodeJS.EventEmitter, logger: Logger): () => void {
  const onException = (error: unknown) => logger.error({ err: asError(error) }, 'unexpected error outside any handler; still serving');
  const onRejection = (reason: unknown) => logger.error({ err: asError(reason) }, 'unexpected rejected promise outside any handler; still serving');
  processLike.on('uncaughtException', onException);
  processLike.on('unhandledRejection', onRejection);
  return () => {
    processLike.off('uncaughtException', onException);
    processLike.off('unhandledRejection', onRejection);
  };
}
