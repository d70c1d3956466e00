/**
 * The output edge: builds a site into a temporary folder beside the target
 * and swaps it in only when the build reported no error and threw nothing.
 * Whatever moment the process is killed at, the target is either the old
 * site or the new one, never a mix; leftovers are cleaned on the next run.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../archive/types.ts';
import { RULES } from '../diagnostics/messages.ts';

/**
 * Runs `build` on a fresh temporary folder next to `targetDir`, then replaces
 * `targetDir` with it if no diagnostic is an error. Returns the build's
 * diagnostics, plus one error if the build threw or the swap failed; in
 * both cases `targetDir` is left as it was.
 */
export async function writeSiteAtomically(
  targetDir: string,
  build: (tmpDir: string) => Promise<Diagnostic[]>,
): Promise<Diagnostic[]> {
  const target = resolve(targetDir);
  const parent = dirname(target);
  const name = basename(target);
  await recoverInterruptedSwap(parent, name);
  await removeStaleTempDirs(parent, name);

  const tmp = await mkdtemp(join(parent, `.${name}.tmp-${process.pid}-`));
  unfinished.add(tmp);
  let diagnostics: Diagnostic[];
  try {
    diagnostics = await build(tmp);
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    unfinished.delete(tmp);
    return [failure(targetDir, 'site-build-failed', `site build failed: ${describeError(error)}`)];
  }
  // From here on the folder is either swapped in or removed below; an interrupt must not delete it mid-rename.
  unfinished.delete(tmp);
  if (diagnostics.some((d) => d.severity === 'error')) {
    await rm(tmp, { recursive: true, force: true });
    return diagnostics;
  }
  try {
    await swapIn(tmp, target, parent, name);
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    return [...diagnostics, failure(targetDir, 'output-failed', `could not replace ${targetDir}: ${describeError(error)}`)];
  }
  return diagnostics;
}

// Temporary folders still being built into, for `removeUnfinishedSites`.
const unfinished = new Set<string>();

/**
 * Removes the temporary folders of builds still in progress. Synchronous so
 * the CLI can call it from a signal handler just before exiting; folders
 * already being swapped in are left alone. Anything missed (a SIGKILL) is
 * cleaned by the next run.
 */
export function removeUnfinishedSites(): void {
  for (const tmp of unfinished) {
    rmSync(tmp, { recursive: true, force: true });
    unfinished.delete(tmp);
  }
}

// The old site is renamed aside (not deleted) before the new one moves in, and
// put back if that fails; a kill between the two renames is repaired by
// `recoverInterruptedSwap` on the next run.
async function swapIn(tmp: string, target: string, parent: string, name: string): Promise<void> {
  const existing = await stat(target).catch(() => null);
  if (existing && !existing.isDirectory()) throw new Error(`${target} exists and is not a folder`);
  if (!existing) {
    await rename(tmp, target);
    return;
  }
  const old = `${join(parent, `.${name}.old-${process.pid}-`)}${Date.now().toString(36)}`;
  await rename(target, old);
  try {
    await rename(tmp, target);
  } catch (error) {
    await rename(old, target);
    throw error;
  }
  await rm(old, { recursive: true, force: true });
}

/** If a previous run was killed between its two renames, the target is missing and the old site is aside: put it back. */
async function recoverInterruptedSwap(parent: string, name: string): Promise<void> {
  const target = join(parent, name);
  if (await stat(target).then(() => true, () => false)) return;
  const asides = (await listOwnLeftovers(parent, name, 'old')).filter((entry) => !isAlive(entry.pid));
  const newest = asides.sort((a, b) => (a.name < b.name ? 1 : -1))[0];
  if (newest) await rename(join(parent, newest.name), target);
}

/** Deletes temporary and set-aside folders left by runs that are no longer alive. */
async function removeStaleTempDirs(parent: string, name: string): Promise<void> {
  const leftovers = [...await listOwnLeftovers(parent, name, 'tmp'), ...await listOwnLeftovers(parent, name, 'old')];
  for (const entry of leftovers) {
    // A build running at the same time owns its folder: leave it alone.
    if (isAlive(entry.pid)) continue;
    await rm(join(parent, entry.name), { recursive: true, force: true });
  }
}

async function listOwnLeftovers(parent: string, name: string, kind: 'tmp' | 'old'): Promise<{ name: string; pid: number }[]> {
  const prefix = `.${name}.${kind}-`;
  const entries = await readdir(parent).catch(() => [] as string[]);
  const found: { name: string; pid: number }[] = [];
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-/.exec(entry.slice(prefix.length))?.[1]);
    found.push({ name: entry, pid: Number.isInteger(pid) ? pid : -1 });
  }
  return found;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}

function failure(file: string, ruleId: 'site-build-failed' | 'output-failed', reason: string): Diagnostic {
  const entry = RULES[ruleId];
  return { file, line: 0, column: 0, severity: 'error', reason, ruleId, source: entry.source, note: entry.hint };
}
