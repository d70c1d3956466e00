/**
 * Named moments of a build that tests can act on, so a test that kills,
 * interrupts or breaks a build knows where it landed instead of guessing
 * from a delay. Off unless `QUOTE_ARCHIVE_TEST_POINT` is set (for a spawned
 * build) or a handler is set (in-process); a user does neither, and then
 * every call is a no-op.
 *
 * `QUOTE_ARCHIVE_TEST_POINT=<point>:<action>`, actions:
 * - `kill`  — write `quote-archive test point: <point> kill` to stderr, then SIGKILL this process;
 * - `pause` — write `quote-archive test point: <point> paused` to stderr, then wait for a signal;
 * - `throw` — throw an Error at that point, as a failing file system or library would;
 * - `kill-child` — at a point that has a child process (Pagefind's), write
 *   `quote-archive test point: <point> kill-child` to stderr, SIGKILL that
 *   child and continue once it has exited, as if it had crashed there.
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { writeSync } from 'node:fs';

/** The moments a test can act on, in build order. */
export type TestPoint =
  | 'build-started'      // arguments parsed, signal handlers in place, nothing read yet
  | 'site-building'      // the temporary folder exists and Eleventy is about to render into it
  | 'eleventy-render'    // inside Eleventy, while a page is rendered (a `throw` here is a real Eleventy failure)
  | 'search-index-writing' // Pagefind has been asked to write the index and has not answered yet (its process is the child)
  | 'search-index-written' // Pagefind has answered that the index is written; its process still runs
  | 'search-index-flushing' // an index file is still incomplete after that answer, and the build waits for it
  | 'before-swap'        // the new site is complete in its temporary folder
  | 'between-renames'    // the old site is renamed aside and the new one not yet in place
  | 'after-swap';        // the new site is in place, the old one not yet removed

const ENV = 'QUOTE_ARCHIVE_TEST_POINT';

/** A function tests running the build in-process set to act at each point (default: none); `child` is the process the build waits on there, if any. */
export type TestPointHandler = (point: TestPoint, child?: ChildProcess) => void | Promise<void>;
let handler: TestPointHandler | null = null;

/** Sets (or with null, clears) the in-process handler called at every test point. */
export function setTestPointHandler(next: TestPointHandler | null): void {
  handler = next;
}

/** The action set for `point`, or null (always null outside tests). */
function actionAt(point: TestPoint): 'kill' | 'pause' | 'throw' | 'kill-child' | null {
  const spec = process.env[ENV];
  if (!spec) return null;
  const [at, action] = spec.split(':');
  if (at !== point) return null;
  return action === 'kill' || action === 'pause' || action === 'throw' || action === 'kill-child' ? action : null;
}

/**
 * Acts on `point` when a test asked for it. Synchronous writes, so the line
 * reaches the test before the kill; `pause` never resolves, leaving the
 * process to the signal the test sends.
 */
export async function reachTestPoint(point: TestPoint, child?: ChildProcess): Promise<void> {
  if (handler) await handler(point, child);
  const action = actionAt(point);
  if (!action) return;
  if (action === 'throw') throw new Error(`test point ${point}: injected failure`);
  if (action === 'kill-child') {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    writeSync(2, `quote-archive test point: ${point} kill-child\n`);
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
    return;
  }
  writeSync(2, `quote-archive test point: ${point} ${action === 'kill' ? 'kill' : 'paused'}\n`);
  if (action === 'kill') process.kill(process.pid, 'SIGKILL');
  // Keeps the event loop alive until the signal handler exits the process.
  await new Promise<never>(() => { setInterval(() => undefined, 1 << 30); });
}

/** Tells whether a test asked for an action at `point`, so hooks can be registered only then. */
export function isTestPointSet(point: TestPoint): boolean {
  return actionAt(point) !== null;
}

/** The synchronous form for places that cannot await (an Eleventy transform); only `throw` is meaningful there. */
export function reachTestPointSync(point: TestPoint): void {
  if (actionAt(point) === 'throw') throw new Error(`test point ${point}: injected failure`);
}
