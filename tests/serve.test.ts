/**
 * `npm run serve`: the static server on a small hand-made site folder beside
 * a folder of secrets, so every attempt to reach outside the site (`..`,
 * encoded dots, a folder whose name starts like the site's, symbolic links)
 * has something real to leak if the containment checks were gone.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request, type Server } from 'node:http';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { resolveRequestPath, serveSite } from '../src/site/serve.ts';

let dir: string;
let server: Server;
let port: number;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'qa-serve-'));
  await mkdir(join(dir, 'site', 'articles', 'a'), { recursive: true });
  await writeFile(join(dir, 'site', 'index.html'), '<h1>Home</h1>');
  await writeFile(join(dir, 'site', '404.html'), '<h1>Page not found</h1>');
  await writeFile(join(dir, 'site', 'articles', 'a', 'index.html'), '<h1>Article</h1>');
  // Secrets beside the site, one in a folder whose name extends the site's ("site" + "-private").
  await writeFile(join(dir, 'secret.txt'), 'SECRET-BESIDE');
  await mkdir(join(dir, 'site-private'));
  await writeFile(join(dir, 'site-private', 'key.txt'), 'SECRET-PREFIX');
  await symlink(join(dir, 'secret.txt'), join(dir, 'site', 'linked.txt'));
  await symlink(join(dir, 'site-private'), join(dir, 'site', 'linked-folder'));
  // A link inside the site to a file inside it is fine.
  await symlink(join(dir, 'site', 'index.html'), join(dir, 'site', 'home.html'));
  server = await serveSite(join(dir, 'site'), { port: 0, announce: false });
  port = (server.address() as AddressInfo).port;
});

after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

/** Sends a request with the path exactly as given (fetch would normalize `..` away). */
function send(method: string, rawPath: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('serve starts from the command line, announces its address and serves the site', async () => {
  const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), cli, 'serve', '--dir', join(dir, 'site'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    // The announcement is the moment the server listens: wait for it, not for a delay.
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        if (out.includes('\n')) resolve(out.split('\n')[0]!);
      });
      child.on('exit', (code) => reject(new Error(`serve exited with ${code} before announcing: ${out}`)));
    });
    const match = /^Serving (.+) at http:\/\/127\.0\.0\.1:(\d+)\/$/.exec(line);
    assert.ok(match, line);
    assert.equal(match[1], join(dir, 'site'));
    const status = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port: Number(match[2]), path: '/articles/a/', method: 'GET' }, (r) => { r.resume(); resolve(r.statusCode ?? 0); }).on('error', reject).end();
    });
    assert.equal(status, 200);
  } finally {
    child.kill();
  }
});

test('HEAD answers like GET without a body; other methods get 405 with Allow', async () => {
  const get = await send('GET', '/');
  const head = await send('HEAD', '/');
  assert.equal(head.status, 200);
  assert.equal(head.body, '');
  assert.equal(head.headers['content-length'], get.headers['content-length']);
  assert.equal(head.headers['content-type'], 'text/html; charset=utf-8');
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
    const res = await send(method, '/');
    assert.equal(res.status, 405, method);
    assert.equal(res.headers.allow, 'GET, HEAD', method);
  }
});

test('paths that climb out of the site folder are refused, including into a sibling named like it', async () => {
  for (const attack of [
    '/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/articles/../../secret.txt',
    '/../site-private/key.txt', '/%2e%2e%2fsite-private%2fkey.txt', '/..\\secret.txt', '/%00',
  ]) {
    const res = await send('GET', attack);
    assert.equal(res.status, 404, attack);
    assert.doesNotMatch(res.body, /SECRET/, attack);
    // Refused by the path check itself, not only by the later check of real paths.
    assert.equal(resolveRequestPath(join(dir, 'site'), attack), null, attack);
  }
  // Dots that stay inside are fine.
  assert.equal((await send('GET', '/articles/../articles/a/')).status, 200);
});

test('symbolic links leading out of the site folder are not followed; links inside it are', async () => {
  for (const link of ['/linked.txt', '/linked-folder/key.txt']) {
    const res = await send('GET', link);
    assert.equal(res.status, 404, link);
    assert.doesNotMatch(res.body, /SECRET/, link);
  }
  const inside = await send('GET', '/home.html');
  assert.equal(inside.status, 200);
  assert.match(inside.body, /Home/);
});
