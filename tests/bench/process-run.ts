/**
 * Runs one build step as a child process and measures it: wall time, and
 * peak memory two ways. (1) The process tree's resident memory, summed over
 * every descendant (the build, Eleventy, the Pagefind binary…), sampled
 * from /proc every 100 ms: what the machine must have free. (2) GNU
 * `/usr/bin/time -f %M`, the largest single process's peak, exact but blind
 * to the sum (the kernel reports the biggest descendant, not the total).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';
const SAMPLE_MS = 100;
const PAGE_BYTES = 4096;

/** What one step cost. */
export interface StepFigures {
  /** Wall time, ms. */
  wallMs: number;
  /** Peak of the summed RSS of the process tree, MB, sampled every 100 ms from /proc. */
  peakTreeRssMb: number;
  /** Peak RSS of the largest single process, MB (GNU time %M), or null without /usr/bin/time. */
  peakProcessRssMb: number | null;
  exitCode: number;
  /** Wall times of every run when the step was run several times and the fastest kept. */
  samplesMs?: number[];
}

/** Options of `runStep`. */
export interface RunStepOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Print the child's output as it comes (default: false; kept and shown only when the step fails). */
  echo?: boolean;
}

/** Parent of every process now, from /proc/<pid>/stat (field 4). */
function parentsOfAll(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name (field 2) is in parentheses and may hold spaces: read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return children;
}

/** Summed RSS (bytes) of `root` and all its descendants. */
export function treeRssBytes(root: number): number {
  const children = parentsOfAll();
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop() as number;
    try {
      total += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_BYTES;
    } catch {
      // Gone already.
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs `command args` and measures it; rejects when it exits non-zero, with its output. */
export async function runStep(command: string, args: string[], options: RunStepOptions): Promise<StepFigures> {
  const scratch = await mkdtemp(join(tmpdir(), 'quote-archive-bench-time-'));
  const timeFile = join(scratch, 'max-rss');
  const useTime = existsSync(GNU_TIME);
  const [file, argv] = useTime ? [GNU_TIME, ['-f', '%M', '-o', timeFile, command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (options.echo) process.stderr.write(chunk);
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let peak = 0;
  const sample = () => {
    if (child.pid !== undefined) peak = Math.max(peak, treeRssBytes(child.pid));
  };
  const timer = setInterval(sample, SAMPLE_MS);
  sample();
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code ?? 1));
  });
  const wallMs = performance.now() - started;
  clearInterval(timer);
  let peakProcessRssMb: number | null = null;
  if (useTime) {
    const kb = Number((await readFile(timeFile, 'utf8').catch(() => '')).trim().split('\n').pop());
    if (Number.isFinite(kb) && kb > 0) peakProcessRssMb = Math.round(kb / 1024);
  }
  await rm(scratch, { recursive: true, force: true });
  if (exitCode !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${exitCode}:\n${output.slice(-4000)}`);
  return { wallMs: Math.round(wallMs), peakTreeRssMb: Math.round(peak / 1048576), peakProcessRssMb, exitCode };
}
