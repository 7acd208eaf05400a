/**
 * The parts a process's start waits on, and which one it is at: what a failure or the start
 * deadline of src/main.ts names.
 */
/** The parts a start waits on: what a failure or the deadline names. */
export type StartPart = 'database' | 'files' | 'telegram';

export class StartError extends Error {
  constructor(
    readonly part: StartPart,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** The part of the start under way (read by the deadline of src/main.ts). */
export const startProgress: { part: StartPart } = { part: 'files' };

/** Runs one part of the start; what it throws is that part's failure. */
export async function part<T>(name: StartPart, work: () => Promise<T>): Promise<T> {
  startProgress.part = name;
  try {
    return await work();
  } catch (err) {
    if (err instanceof StartError) throw err;
    throw new StartError(name, err instanceof Error ? err.message : String(err));
  }
}
