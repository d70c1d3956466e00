/**
 * Finds the child process a library starts, when the library keeps it to
 * itself. Pagefind's Node API runs its binary as a private child process and
 * never listens for that process's exit: a binary that crashes while a
 * request is pending leaves the request unanswered forever. Node's
 * `child_process` diagnostics channel hands over every ChildProcess as it is
 * constructed, so watching it for the length of one synchronous call that
 * launches the process gives us the process to watch.
 */
import type { ChildProcess } from 'node:child_process';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';

/**
 * Calls `start` and returns its value together with the last child process
 * spawned synchronously during the call whose arguments include every one of
 * `args` (null when none was: the library reused a running process, or
 * failed to start one).
 */
export function childSpawnedDuring<T>(start: () => T, args: readonly string[]): { value: T; child: ChildProcess | null } {
  const spawned: ChildProcess[] = [];
  const onChild = (message: unknown): void => {
    const child = (message as { process?: ChildProcess }).process;
    if (child) spawned.push(child);
  };
  subscribe('child_process', onChild);
  let value: T;
  try {
    value = start();
  } finally {
    unsubscribe('child_process', onChild);
  }
  // The channel speaks before `spawn` fills in the arguments; by now they are set.
  const child = spawned.filter((c) => c.pid !== undefined && args.every((arg) => c.spawnargs.includes(arg))).at(-1) ?? null;
  return { value, child };
}
