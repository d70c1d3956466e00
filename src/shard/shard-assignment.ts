/**
 * Which shard of a sharded build an article belongs to. Pure.
 *
 * A content file goes to the shard given by a hash of its path relative to
 * the content folder (`/`-separated), modulo the shard count: adding or
 * removing an article never moves another between shards, so a CI matrix's
 * per-shard caches stay warm as the archive grows, and every machine works
 * out the same assignment from the file names alone, without talking to the
 * others.
 */
import { createHash } from 'node:crypto';

/** One shard of a sharded build: number `index` (1-based) of `count`. */
export interface ShardSpec {
  index: number;
  count: number;
}

/** Most shards a build can be split into: past this, a bundle holds too few articles to pay for its machine. */
export const MAX_SHARDS = 1024;

/** Reads `--shard k/n` (1 ≤ k ≤ n ≤ MAX_SHARDS), or says what is wrong with it. */
export function parseShardSpec(text: string): ShardSpec | { problem: string } {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return { problem: `expected the shard as k/n (e.g. 3/8), got "${text}"` };
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > MAX_SHARDS) return { problem: `the shard count must be from 1 to ${MAX_SHARDS}, got ${count}` };
  if (index < 1 || index > count) return { problem: `the shard number must be from 1 to ${count}, got ${index}` };
  return { index, count };
}

/** The 1-based shard of `count` that the content file at `relativePath` (relative to the content folder, `/`-separated) belongs to. */
export function shardOf(relativePath: string, count: number): number {
  // The first 48 bits of a SHA-256: uniform enough, and exact in a JavaScript number.
  const hash = Number.parseInt(createHash('sha256').update(relativePath).digest('hex').slice(0, 12), 16);
  return (hash % count) + 1;
}
