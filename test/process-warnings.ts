/** The messages of the process warnings emitted while `run` runs (Node emits them on a later tick). */
export async function processWarningsDuring(run: () => unknown): Promise<string[]> {
  const seen: string[] = [];
  const listen = (warning: Error) => seen.push(warning.message);
  process.on('warning', listen);
  try {
    await run();
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', listen);
  }
  return seen;
}
