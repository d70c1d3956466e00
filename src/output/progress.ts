/**
 * What a long build shows while it runs: on a terminal, one line per stage
 * that redraws itself (stage, count, rate, time left); with
 * `QUOTE_ARCHIVE_TIMINGS=1`, one closing line per stage with its duration,
 * for whoever measures the build. Piped output and CI logs get no progress
 * lines: they would fill logs with carriage returns nobody reads.
 */

/** Where progress is written: stderr, or a test's fake terminal. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** Options of `createBuildProgress`. */
export interface BuildProgressOptions {
  /** The stream progress goes to (default: `process.stderr`). */
  stream?: ProgressStream;
  /** The environment read for `CI` and `QUOTE_ARCHIVE_TIMINGS` (default: `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** The clock, in ms (default: `performance.now`); tests pass a fake one. */
  now?: () => number;
  /** Least time between two redraws of the line, in ms (default: `100`), so drawing never costs more than the work. */
  redrawMs?: number;
}

/** One stage of a build: `advance` as items finish, `end` once. */
export interface ProgressStage {
  advance(count?: number): void;
  end(): void;
}

/** Starts stages; each ends before the next starts. */
export interface BuildProgress {
  stage(name: string, total?: number): ProgressStage;
}

/** Progress that shows nothing (the API's default, and the CLI's when piped). */
export const silentProgress: BuildProgress = { stage: () => ({ advance() {}, end() {} }) };

/** Progress and timings as the environment asks for them; `silentProgress` when it asks for neither. */
export function createBuildProgress(options: BuildProgressOptions = {}): BuildProgress {
  const stream = options.stream ?? process.stderr;
  const env = options.env ?? process.env;
  const now = options.now ?? (() => performance.now());
  const redrawMs = options.redrawMs ?? 100;
  // CI sets `CI` (GitHub Actions, GitLab, most others) and often still hands out a pseudo-terminal.
  const live = stream.isTTY === true && !env.CI;
  const timings = env.QUOTE_ARCHIVE_TIMINGS === '1';
  if (!live && !timings) return silentProgress;
  return {
    stage(name, total) {
      const started = now();
      let done = 0;
      let drawnAt = -Infinity;
      let drawn = false;
      const draw = (): void => {
        drawnAt = now();
        drawn = true;
        stream.write(`\r\x1b[2K${describeProgress(name, done, total, drawnAt - started)}`);
      };
      // A stage that counts nothing (linking) still says what the build is doing.
      if (live) draw();
      return {
        advance(count = 1) {
          done += count;
          if (live && now() - drawnAt >= redrawMs) draw();
        },
        end() {
          if (drawn) stream.write('\r\x1b[2K');
          if (timings) stream.write(`timing: ${name} ${((now() - started) / 1000).toFixed(2)}s${total === undefined ? '' : ` (${total})`}\n`);
        },
      };
    },
  };
}

/** `extracting 340/1000 · 152/s · about 4s left`: what the terminal line says after `elapsedMs`. */
export function describeProgress(name: string, done: number, total: number | undefined, elapsedMs: number): string {
  const parts = [total === undefined ? `${name} ${done}` : `${name} ${done}/${total}`];
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  if (rate > 0) {
    parts.push(`${rate >= 10 ? Math.round(rate) : rate.toFixed(1)}/s`);
    if (total !== undefined && done < total) parts.push(`about ${Math.ceil((total - done) / rate)}s left`);
  }
  return parts.join(' · ');
}
