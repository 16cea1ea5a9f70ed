/**
 * Runs a bench or eval script: a user mistake (an instance of `mistake`: a bad argument or dataset) is printed
 * without a stack, exit code 2; anything else with one, exit code 1.
 */
export function runScript(main: () => Promise<void>, mistake: abstract new (...args: never[]) => Error): void {
  main().catch((error: unknown) => {
    if (error instanceof mistake) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  });
}
