/**
 * Real sites for browser tests: an archive built from a content folder by
 * the real pipeline, written by the real site build (Eleventy and Pagefind)
 * into a temporary folder, and served by the project's own static server.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import type { Archive } from '../../src/archive/types.ts';
import { buildArchive } from '../../src/pipeline.ts';
import { findContentFiles, readSourceFiles } from '../../src/load/content-files.ts';
import { buildSite } from '../../src/site/build-site.ts';
import { serveSite } from '../../src/site/serve.ts';

/** A built site being served on a free local port. */
export interface ServedSite {
  /** The folder the site was written to. */
  dir: string;
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  origin: string;
  /** Stops the server and removes the folder. */
  close(): Promise<void>;
}

/** Builds the archive of every content file under `contentDir` with the real pipeline; content errors fail the test. */
export async function archiveOfContent(contentDir: string): Promise<Archive> {
  const { files, diagnostics: readProblems } = await readSourceFiles(await findContentFiles(contentDir));
  const { archive, diagnostics } = buildArchive(files);
  assert.deepEqual([...readProblems, ...diagnostics].filter((d) => d.severity === 'error'), [], `${contentDir} builds without errors`);
  return archive;
}

/** Serves an existing site folder on a free port; `close` stops the server only. */
export async function serveFolder(dir: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = await serveSite(dir, { port: 0, announce: false });
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Writes the site of `archive` into a temporary folder and serves it.
 * `alter`, if given, changes the written site before it is served (to break
 * it on purpose, say).
 */
export async function buildServedSite(archive: Archive, alter?: (dir: string) => Promise<void>): Promise<ServedSite> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'quote-archive-site-'));
  try {
    assert.deepEqual((await buildSite(archive, dir)).filter((d) => d.severity === 'error'), [], 'the site builds');
    if (alter) await alter(dir);
    const served = await serveFolder(dir);
    return {
      dir,
      origin: served.origin,
      close: async () => {
        await served.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
