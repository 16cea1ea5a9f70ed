/**
 * Long work written once as a generator that yields between steps, then run either at once or in slices
 * that give the event loop back, so a rebuild of the notes does not stall the chat connections while the
 * old index goes on answering.
 */
export type Steps<T> = Generator<void, T, void>;

/** How long a slice may hold the event loop. */
const SLICE_MS = 20;

export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export async function runInSlices<T>(steps: Steps<T>, sliceMs = SLICE_MS): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}
