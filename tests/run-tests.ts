/**
 * `npm test`: makes sure Debian's Chromium is there for the browser tests,
 * then runs every `tests/**\/*.test.ts` with Node's test runner (Node 20's
 * runner takes no globs, so the files are listed here).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const root = fileURLToPath(new URL('..', import.meta.url));

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    console.error(`The browser tests need Debian's Chromium at ${CHROMIUM}, and it is not installed.\nInstall it with:\n\n  sudo apt-get update && sudo apt-get install -y chromium\n\nthen run npm test again.`);
    process.exit(1);
  }
  console.error(`Installing Debian's chromium for the browser tests (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (result.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed (exit ${result.status}); install chromium by hand: apt-get install -y chromium`);
      process.exit(1);
    }
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`apt-get installed chromium but ${CHROMIUM} is missing.`);
    process.exit(1);
  }
}

function findTests(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'fixtures' || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...findTests(path));
    else if (entry.name.endsWith('.test.ts')) out.push(relative(root, path));
  }
  return out.sort();
}

ensureChromium();
const only = process.argv.slice(2);
const files = only.length ? only : findTests(join(root, 'tests'));
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
