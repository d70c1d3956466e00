/**
 * Launches Debian's Chromium through playwright-core with a fresh profile,
 * collecting console errors, page errors and CSP violations so tests can
 * assert that a page ran cleanly. Never downloads a browser.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Where the apt package installs Chromium. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for a quiet, headless, throwaway Chromium (playwright adds --headless and a fresh --user-data-dir). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface BrowserSession {
  context: BrowserContext;
  /** Console messages of type error, uncaught page errors and CSP violation reports, as text. */
  problems: string[];
  /** Opens a page whose problems are collected. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Starts Chromium headless with a throwaway user-data folder. */
export async function launchBrowser(): Promise<BrowserSession> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'quote-archive-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const problems: string[] = [];
  const watch = async (page: Page): Promise<Page> => {
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    // CSP violations fire a DOM event; forward them to the console so they are counted too.
    await page.addInitScript({
      content: "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));",
    });
    return page;
  };
  return {
    context,
    problems,
    newPage: async () => watch(await context.newPage()),
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}
