/**
 * The output edge: builds a site into a temporary folder beside the target
 * and swaps it in only when the build reported no error and threw nothing.
 * Whatever moment the process is killed at, the target is either the old
 * site or the new one, never a mix; the next run puts back a site left aside
 * and removes leftovers. Every step's failure is reported as what it left
 * behind, and only folders carrying our stamp are ever replaced or deleted.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { Diagnostic } from '../archive/types.ts';
import { RULES } from '../diagnostics/messages.ts';
import { reachTestPoint } from '../test-points.ts';
import { hasSiteStamp, SITE_STAMP, writeSiteStamp } from './site-stamp.ts';

type OutputRule = 'site-build-failed' | 'output-failed' | 'previous-site-set-aside' | 'output-cleanup-failed' | 'output-folder-not-a-site';

/**
 * Runs `build` on a fresh temporary folder next to `targetDir`, then replaces
 * `targetDir` with it if no diagnostic is an error. Returns the build's
 * diagnostics plus what the output edge met: an error if the build threw or
 * the swap failed (`previous-site-set-aside` when `targetDir` could not be
 * restored; otherwise `targetDir` is as it was), warnings for leftovers it
 * could not remove.
 */
export async function writeSiteAtomically(
  targetDir: string,
  build: (tmpDir: string) => Promise<Diagnostic[]>,
): Promise<Diagnostic[]> {
  const recovery = await recoverOutputFolder(targetDir);
  if (recovery.some((d) => d.severity === 'error')) return recovery;
  const target = resolve(targetDir);
  const parent = dirname(target);
  const name = basename(target);

  // A first build into `a/new/site` makes the folders above it.
  await mkdir(parent, { recursive: true });
  const tmp = await mkdtemp(join(parent, `.${name}.tmp-${process.pid}-`));
  unfinished.add(tmp);
  let diagnostics: Diagnostic[];
  try {
    // The stamp goes in first: a leftover of a killed build is then recognizably ours.
    writeSiteStamp(tmp);
    await reachTestPoint('site-building');
    // Paths inside the temporary folder mean nothing to the user once it is gone: name the target instead.
    diagnostics = (await build(tmp)).map((d) => withoutTempPaths(d, tmp, targetDir));
  } catch (error) {
    unfinished.delete(tmp);
    return [...recovery, failure(targetDir, 'site-build-failed', `site build failed: ${describeError(error)}`), ...await removeOwnFolder(tmp, targetDir)];
  }
  if (diagnostics.some((d) => d.severity === 'error')) {
    unfinished.delete(tmp);
    return [...recovery, ...diagnostics, ...await removeOwnFolder(tmp, targetDir)];
  }
  await reachTestPoint('before-swap');
  // From here an interrupt waits for the swap instead of deleting the folder mid-rename.
  unfinished.delete(tmp);
  const swap = swapIn(tmp, target, targetDir);
  swapping = swap;
  try {
    return [...recovery, ...diagnostics, ...(await swap).diagnostics];
  } finally {
    swapping = null;
  }
}

// Temporary folders still being built into, and the swap in progress, for `abandonUnfinishedSite`.
const unfinished = new Set<string>();
let swapping: Promise<SwapResult> | null = null;

/** What an interrupted build left in the output folder, for the message that closes it. */
export interface InterruptOutcome {
  /** The new site was put in place (the signal came during the swap); otherwise the target holds the previous site. */
  replaced: boolean;
  /** Temporary folders of this build that were removed, as absolute paths. */
  removed: string[];
  /** Temporary folders that could not be removed, each with why; the next build removes them. */
  notRemoved: { folder: string; why: string }[];
}

/**
 * Called when the process is interrupted (Ctrl-C, SIGTERM): removes the
 * temporary folders of builds in progress, or, when a swap is under way,
 * lets it finish (two renames) so the target is never left missing.
 * Resolves to what became of the target and of the temporary folders, so
 * the closing message can say exactly that.
 */
export async function abandonUnfinishedSite(): Promise<InterruptOutcome> {
  if (swapping) return { replaced: (await swapping).replaced, removed: [], notRemoved: [] };
  const outcome: InterruptOutcome = { replaced: false, removed: [], notRemoved: [] };
  for (const tmp of unfinished) {
    unfinished.delete(tmp);
    try {
      // Synchronous so nothing else of the build runs in between; the stamp last, as in removeOwnFolder.
      for (const entry of existsSync(tmp) ? readdirSync(tmp) : []) {
        if (entry !== SITE_STAMP) rmSync(join(tmp, entry), { recursive: true, force: true, maxRetries: 2 });
      }
      rmSync(tmp, { recursive: true, force: true, maxRetries: 2 });
      outcome.removed.push(tmp);
    } catch (error) {
      outcome.notRemoved.push({ folder: tmp, why: describeError(error) });
    }
  }
  return outcome;
}

interface SwapResult {
  /** The target now holds the new site. */
  replaced: boolean;
  diagnostics: Diagnostic[];
}

// The old site is renamed aside (not deleted) before the new one moves in, and
// put back if that fails; a kill between the two renames is repaired by
// `recoverOutputFolder` on the next run.
async function swapIn(tmp: string, target: string, targetDir: string): Promise<SwapResult> {
  const kept = async (ruleId: OutputRule, reason: string): Promise<SwapResult> =>
    ({ replaced: false, diagnostics: [failure(targetDir, ruleId, reason), ...await removeOwnFolder(tmp, targetDir)] });
  const existing = await stat(target).catch(() => null);
  if (existing && !existing.isDirectory()) return kept('output-failed', `could not replace ${targetDir}: it exists and is not a folder`);
  if (!existing) {
    try {
      await rename(tmp, target);
    } catch (error) {
      return kept('output-failed', `could not move the new site into ${targetDir}: ${describeError(error)}`);
    }
    return { replaced: true, diagnostics: [] };
  }
  if (!hasSiteStamp(target) && (await readdir(target).catch(() => ['?'])).length > 0) {
    return kept('output-folder-not-a-site', `${targetDir} holds files and no stamp of quote-archive, so it is not replaced`);
  }
  const old = `${join(dirname(target), `.${basename(target)}.old-${process.pid}-`)}${Date.now().toString(36)}`;
  const oldShown = shownBeside(targetDir, old);
  try {
    await rename(target, old);
  } catch (error) {
    return kept('output-failed', `could not move the previous site aside to replace it: ${describeError(error)}`);
  }
  try {
    await reachTestPoint('between-renames');
    await rename(tmp, target);
  } catch (error) {
    const why = describeError(error);
    try {
      await rename(old, target);
    } catch (restoreError) {
      // Say what is at the target now: nothing (the next build restores), or something that took the name.
      const taken = await stat(target).then(() => true, () => false);
      const state = taken
        ? `the previous site is in ${oldShown}; move what is now at ${targetDir} away and the next build puts it back`
        : `${targetDir} is missing and the previous site is in ${oldShown}; the next build puts it back`;
      return {
        replaced: false,
        diagnostics: [
          failure(targetDir, 'previous-site-set-aside', `could not move the new site into ${targetDir} (${why}) nor put the previous site back (${describeError(restoreError)}): ${state}`),
          ...await removeOwnFolder(tmp, targetDir),
        ],
      };
    }
    return kept('output-failed', `could not move the new site into ${targetDir}: ${why}; the previous site was put back`);
  }
  await reachTestPoint('after-swap');
  // The new site is in place whatever happens next: a folder that will not go is a warning, not a failed build.
  return { replaced: true, diagnostics: await removeOwnFolder(old, targetDir) };
}

/**
 * Repairs what an interrupted run left beside `targetDir`: when the target
 * is missing and a run was killed between its two renames, puts the site it
 * set aside back; then removes stamped temporary and set-aside folders of
 * runs no longer alive. Folders without our stamp are never deleted (an
 * empty one, made just before a kill, is). Returns an error only when a
 * missing target could not be restored; the build must then stop.
 */
export async function recoverOutputFolder(targetDir: string): Promise<Diagnostic[]> {
  const target = resolve(targetDir);
  const parent = dirname(target);
  const name = basename(target);
  const diagnostics: Diagnostic[] = [];
  const asides = (await listOwnLeftovers(parent, name, 'old')).filter((entry) => !isAlive(entry.pid));
  if (!(await stat(target).then(() => true, () => false))) {
    const newest = asides.filter((entry) => hasSiteStamp(join(parent, entry.name))).sort((a, b) => b.time - a.time)[0];
    if (newest) {
      const from = join(parent, newest.name);
      try {
        await rename(from, target);
      } catch (error) {
        return [failure(targetDir, 'previous-site-set-aside', `${targetDir} is missing and the previous site, in ${shownBeside(targetDir, from)}, could not be put back: ${describeError(error)}`)];
      }
    }
  }
  const leftovers = [...await listOwnLeftovers(parent, name, 'tmp'), ...await listOwnLeftovers(parent, name, 'old')];
  for (const entry of leftovers) {
    // A build running at the same time owns its folder: leave it alone.
    if (isAlive(entry.pid)) continue;
    const folder = join(parent, entry.name);
    if (!(await stat(folder).then((s) => s.isDirectory(), () => false))) continue;
    if (hasSiteStamp(folder)) {
      diagnostics.push(...await removeOwnFolder(folder, targetDir));
      continue;
    }
    // Killed between creating the folder and stamping it: it is empty. Anything else is not provably ours.
    const removed = await rmdir(folder).then(() => true, () => false);
    if (!removed) diagnostics.push(failure(targetDir, 'output-cleanup-failed', `left ${shownBeside(targetDir, folder)} alone: it is named like a leftover of quote-archive but holds no stamp of it`));
  }
  return diagnostics;
}

/**
 * Removes a folder this run made or recovered as ours; a failure is a
 * warning naming the folder. The stamp goes last: a removal that fails
 * halfway (a read-only file) leaves a folder the next build still knows as
 * ours and removes, instead of one it must leave alone as someone else's.
 */
async function removeOwnFolder(folder: string, targetDir: string): Promise<Diagnostic[]> {
  try {
    const entries = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    for (const entry of entries) {
      if (entry !== SITE_STAMP) await rm(join(folder, entry), { recursive: true, force: true, maxRetries: 2 });
    }
    await rm(folder, { recursive: true, force: true, maxRetries: 2 });
    return [];
  } catch (error) {
    return [failure(targetDir, 'output-cleanup-failed', `could not remove ${shownBeside(targetDir, folder)}: ${describeError(error)}; the next build tries again`)];
  }
}

/** The diagnostic with the temporary folder replaced by the target as the user named it, in its file and its text. */
function withoutTempPaths(d: Diagnostic, tmp: string, targetDir: string): Diagnostic {
  const file = d.file === tmp ? targetDir : d.file.startsWith(tmp + sep) ? join(targetDir, d.file.slice(tmp.length + 1)) : d.file;
  const out: Diagnostic = { ...d, file, reason: d.reason.split(tmp).join(targetDir) };
  if (d.note !== undefined) out.note = d.note.split(tmp).join(targetDir);
  return out;
}

/** A folder beside the target, named the way the user named the target (`_site` → `._site.old-…`). */
export function shownBeside(targetDir: string, folder: string): string {
  const dir = dirname(targetDir);
  return dir === '.' ? basename(folder) : join(dir, basename(folder));
}

async function listOwnLeftovers(parent: string, name: string, kind: 'tmp' | 'old'): Promise<{ name: string; pid: number; time: number }[]> {
  const prefix = `.${name}.${kind}-`;
  const entries = await readdir(parent).catch(() => [] as string[]);
  const found: { name: string; pid: number; time: number }[] = [];
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const match = /^(\d+)-([0-9a-z]*)/.exec(entry.slice(prefix.length));
    const pid = Number(match?.[1]);
    found.push({ name: entry, pid: Number.isInteger(pid) ? pid : -1, time: kind === 'old' ? parseInt(match?.[2] ?? '', 36) || 0 : 0 });
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

function failure(file: string, ruleId: OutputRule, reason: string): Diagnostic {
  const entry = RULES[ruleId];
  return { file, line: 0, column: 0, severity: entry.severity, reason, ruleId, source: entry.source, note: entry.hint };
}
