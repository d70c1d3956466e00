/**
 * A small static file server for a built site (`npm run serve`): folders
 * serve their index.html, unknown paths the site's 404 page, and nothing
 * outside the site folder can be reached. Content types cover Pagefind's
 * index files, which browsers must receive as bytes, and its WebAssembly.
 */
import { createServer, type Server } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.jsonl': 'application/jsonl; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/** Options of `serveSite`. */
export interface ServeSiteOptions {
  /** Interface to listen on (default: `'127.0.0.1'`). */
  host?: string;
  /** Port to listen on; `0` picks a free one (default: `8080`). */
  port?: number;
  /** Print the address when listening (default: `true`). */
  announce?: boolean;
  /** Serve the site under this folder, `/archive/`, as a host would for a site built with that `pathPrefix`; other paths are not found (default: `'/'`). */
  pathPrefix?: string;
}

/** The request path inside the site for a request under `prefix` (`/archive/x/` → `/x/`), or null when it is outside it. */
export function stripPathPrefix(urlPath: string, prefix: string): string | null {
  if (prefix === '/') return urlPath;
  const folder = prefix.replace(/\/$/, '');
  if (urlPath === folder || urlPath.startsWith(`${folder}?`)) return urlPath.slice(folder.length);
  return urlPath.startsWith(`${folder}/`) ? urlPath.slice(folder.length) : null;
}

/** Content type of a file by its extension. */
export function contentTypeOf(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Resolves a request path to a file inside `root`, or null when it would
 * leave `root` (`..`, encoded dots or slashes, NUL bytes, backslashes). The
 * containment check below is the one guard: the path is not normalized
 * first, so nothing else hides a `..`.
 */
export function resolveRequestPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]?.split('#')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const base = path.resolve(root);
  const resolved = path.resolve(base, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  return isWithin(resolved, base) ? resolved : null;
}

/** Tells whether `inner` is `outer` or lies inside it. */
function isWithin(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/**
 * The file to send for `filePath` (a folder's index.html), or null. A file
 * reached through a symbolic link is sent only when its real path is inside
 * the site's real folder: the site is what is inside it.
 */
async function findFile(filePath: string, realRoot: string): Promise<string | null> {
  try {
    const info = await stat(filePath);
    let file: string | null = null;
    if (info.isFile()) file = filePath;
    else if (info.isDirectory()) {
      const index = path.join(filePath, 'index.html');
      const indexInfo = await stat(index).catch(() => null);
      file = indexInfo?.isFile() ? index : null;
    }
    if (file === null) return null;
    return isWithin(await realpath(file), realRoot) ? file : null;
  } catch {
    return null;
  }
}

/** Serves the static site in `dir` until the returned server is closed. */
export async function serveSite(dir: string, options: ServeSiteOptions = {}): Promise<Server> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 8080;
  const root = path.resolve(dir);
  const prefix = options.pathPrefix ?? '/';
  const realRoot = await realpath(root).catch(() => root);
  const server = createServer(async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const requested = request.url ?? '/';
    const urlPath = stripPathPrefix(requested, prefix);
    const resolved = urlPath === null ? null : resolveRequestPath(root, urlPath);
    const found = resolved ? await findFile(resolved, realRoot) : null;
    // A folder asked for without its slash: redirect, so relative links inside resolve.
    if (found && resolved && found !== resolved && !requested.split('?')[0]!.endsWith('/')) {
      const [pathname, query] = requested.split('?');
      response.writeHead(301, { location: `${pathname}/${query ? `?${query}` : ''}` }).end();
      return;
    }
    const file = found ?? (await findFile(path.join(root, '404.html'), realRoot));
    const status = found ? 200 : 404;
    try {
      const body = file ? await readFile(file) : Buffer.from('Not found\n');
      response.writeHead(status, {
        'content-type': file ? contentTypeOf(file) : 'text/plain; charset=utf-8',
        'content-length': body.length,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Internal error\n');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  if (options.announce ?? true) {
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    console.log(`Serving ${dir} at http://${host}:${actualPort}${prefix}`);
  }
  return server;
}
