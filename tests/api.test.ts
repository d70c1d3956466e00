import { test } from 'node:test';
import assert from 'node:assert/strict';

test('should expose the public api', async () => {
  assert.deepEqual(Object.keys(await import('../src/index.ts')).sort(), ['buildArchive', 'buildSite', 'findContentFiles', 'formatDiagnostics', 'readSourceFiles', 'serveSite', 'toArchiveJson']);
});
