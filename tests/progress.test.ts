/**
 * Build progress: a live line on a terminal (stage, count, rate, time left),
 * nothing when piped or in CI, and stage timings when asked for. Clocks are
 * fake, so nothing here depends on how fast the machine is.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBuildProgress, describeProgress } from '../src/output/progress.ts';

/** A stream that records what is written, and a clock the test moves. */
function fakeTerminal(isTTY: boolean) {
  const written: string[] = [];
  let time = 0;
  return {
    stream: { isTTY, write: (text: string) => { written.push(text); } },
    now: () => time,
    tick: (ms: number) => { time += ms; },
    written,
  };
}

test('on a terminal a stage shows its name, count, rate and time left, then clears its line', () => {
  const t = fakeTerminal(true);
  const stage = createBuildProgress({ stream: t.stream, env: {}, now: t.now }).stage('extracting', 1000);
  assert.deepEqual(t.written, ['\r\x1b[2Kextracting 0/1000'], 'the stage is named as it starts');
  t.tick(2000);
  stage.advance(400);
  assert.equal(t.written.at(-1), '\r\x1b[2Kextracting 400/1000 · 200/s · about 3s left');
  stage.end();
  assert.equal(t.written.at(-1), '\r\x1b[2K');
});

test('a terminal line is redrawn at most once per redraw interval', () => {
  const t = fakeTerminal(true);
  const stage = createBuildProgress({ stream: t.stream, env: {}, now: t.now, redrawMs: 100 }).stage('rendering', 50);
  t.tick(100);
  for (let i = 0; i < 10; i++) stage.advance();
  assert.equal(t.written.length, 2, 'drawn at the start, then once');
  t.tick(100);
  stage.advance();
  assert.equal(t.written.length, 3);
});

test('piped output and CI get no progress lines', () => {
  for (const [isTTY, env] of [[false, {}], [true, { CI: 'true' }]] as const) {
    const t = fakeTerminal(isTTY);
    const stage = createBuildProgress({ stream: t.stream, env, now: t.now }).stage('extracting', 10);
    t.tick(500);
    stage.advance(5);
    stage.end();
    assert.deepEqual(t.written, [], `isTTY ${isTTY}, CI ${'CI' in env}`);
  }
});

test('QUOTE_ARCHIVE_TIMINGS=1 prints each stage with its duration, also when piped', () => {
  const t = fakeTerminal(false);
  const progress = createBuildProgress({ stream: t.stream, env: { QUOTE_ARCHIVE_TIMINGS: '1' }, now: t.now });
  const stage = progress.stage('pages');
  t.tick(1234);
  stage.end();
  assert.deepEqual(t.written, ['timing: pages 1.23s\n']);
});

test('a stage without a total or with nothing done yet shows only what it knows', () => {
  assert.equal(describeProgress('pages', 3, undefined, 0), 'pages 3');
  assert.equal(describeProgress('extracting', 0, 10, 500), 'extracting 0/10');
  assert.equal(describeProgress('extracting', 10, 10, 2000), 'extracting 10/10 · 5.0/s');
});
