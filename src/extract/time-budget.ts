/**
 * A time budget for the work on one article (extraction, rendering). Work
 * that is linear in the size of an article should never come near it; it is
 * there so that one hostile or pathological file is reported as a problem on
 * that file instead of stalling the whole build. The clock is injectable, so
 * tests make the moment of running out explicit (a fake clock that advances
 * per check) instead of depending on how fast the machine is.
 */

/** Options of a TimeBudget. */
export interface TimeBudgetOptions {
  /** Milliseconds the work may take (default: `DEFAULT_ARTICLE_BUDGET_MS`). */
  limitMs?: number;
  /** The clock, in milliseconds (default: `performance.now`). */
  now?: () => number;
}

/** Default budget per article and stage: a 4 MB article extracts in about 20 s on one loaded core. */
export const DEFAULT_ARTICLE_BUDGET_MS = 120_000;

/** Thrown by `TimeBudget.check` when the budget is spent; caught by the stage that owns the article. */
export class TimeBudgetExceededError extends Error {
  override name = 'TimeBudgetExceededError';
  constructor(
    /** Offset into the article body the work had reached. */
    readonly offset: number,
    /** What was being done, e.g. `extracting quotes`. */
    readonly task: string,
    /** The budget, in milliseconds. */
    readonly limitMs: number,
  ) {
    super(`${task} took longer than ${limitMs / 1000} s`);
  }
}

/** Time allowed for one article's work; `check` throws once it is spent. */
export class TimeBudget {
  readonly limitMs: number;
  readonly #now: () => number;
  readonly #started: number;

  constructor(options: TimeBudgetOptions = {}) {
    this.limitMs = options.limitMs ?? DEFAULT_ARTICLE_BUDGET_MS;
    this.#now = options.now ?? (() => performance.now());
    this.#started = this.#now();
  }

  /**
   * Throws a TimeBudgetExceededError when the budget is spent.
   * @param offset Offset into the body the work has reached, for the error's position.
   * @param task What is being done, for the message.
   */
  check(offset: number, task: string): void {
    if (this.#now() - this.#started > this.limitMs) throw new TimeBudgetExceededError(offset, task, this.limitMs);
  }
}
