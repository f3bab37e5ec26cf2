/** What a bench script started, stopped in reverse order however it ends. */
export type Cleanups = (() => Promise<void> | void)[];

/** Runs and empties `cleanups`, last first; one failing does not keep the others from running. */
export async function runCleanups(cleanups: Cleanups): Promise<void> {
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()?.();
    } catch (error) {
      console.error("cleanup failed:", error);
    }
  }
}

/** A step's heading in the console. */
export function step(message: string): void {
  console.log(`\n▶ ${message}`);
}
