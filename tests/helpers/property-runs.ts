/**
 * Seeded property runs (fast-check). Every property test of the suite draws
 * from one fixed seed, so a failure found once is found again on every run
 * and on every machine; `PROPERTY_SEED=N` explores other inputs (or replays
 * a failure someone reported), and every failure names the seed that
 * reproduces it.
 */
import fc from 'fast-check';

/** The seed used when `PROPERTY_SEED` is not set. */
export const DEFAULT_PROPERTY_SEED = 20_261_211;

/** Reads `PROPERTY_SEED`: a whole number, or the default; anything else is refused rather than silently replaced. */
function readSeed(): number {
  const raw = process.env.PROPERTY_SEED;
  if (raw === undefined || raw === '') return DEFAULT_PROPERTY_SEED;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error(`PROPERTY_SEED must be a whole number, got ${JSON.stringify(raw)}`);
  return seed;
}

/** The seed of this run. */
export const PROPERTY_SEED = readSeed();

/**
 * Checks `property` with the run's seed. On failure the error starts with the
 * seed and the command-line setting that replays it; fast-check's own report
 * (counterexample, shrink path) follows.
 */
export function assertProperty<Ts>(property: fc.IRawProperty<Ts>, parameters: Omit<fc.Parameters<Ts>, 'seed'> = {}): void {
  try {
    fc.assert(property, { ...parameters, seed: PROPERTY_SEED });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`property failed with seed ${PROPERTY_SEED} (replay: PROPERTY_SEED=${PROPERTY_SEED})\n${reason}`, { cause: error });
  }
}
