/** What {@link screenEvent} needs of an event emitter: Node's and eventemitter3's both have it. */
interface Emitter {
  listeners(event: string): Function[];
  removeAllListeners(event: string): unknown;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

/**
 * Puts `admit` in front of the listeners `emitter` has now for `event`: they hear only what it admits, in their own
 * order, and a listener's rejected promise goes to `failed` instead of becoming an unhandled rejection.
 */
export function screenEvent(emitter: Emitter, event: string, admit: (...args: unknown[]) => boolean, failed: (error: unknown) => void): void {
  const listeners = emitter.listeners(event);
  emitter.removeAllListeners(event);
  emitter.on(event, (...args: unknown[]) => {
    if (!admit(...args)) return;
    for (const listener of listeners) Promise.resolve(Reflect.apply(listener, emitter, args)).catch(failed);
  });
}
