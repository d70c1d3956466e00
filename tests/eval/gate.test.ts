/** The eval gate's rule: errors may grow by the slack, no more; a changed gold must be recorded again. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gateFailures, type GateCounts } from './gate.ts';

const counts = (reportedMisses: number, reportedGold = 100): GateCounts => {
  const ok = { errors: 0, total: 10 };
  return {
    'direct precision': ok, 'direct recall': ok, 'partial precision': ok, 'partial recall': ok,
    'reported precision': ok, 'reported recall': { errors: reportedMisses, total: reportedGold },
    'attribution over all gold quotes': ok, 'person precision': ok, 'person recall': ok,
    'organization precision': ok, 'organization recall': ok, 'place precision': ok, 'place recall': ok,
  };
};

test('errors within the slack pass and one more fails, naming the measure', () => {
  assert.deepEqual(gateFailures('set', counts(7), counts(5), 2), []);
  const failures = gateFailures('set', counts(8), counts(5), 2);
  assert.equal(failures.length, 1);
  assert.match(failures[0]!, /reported recall: 8 errors of 100, recorded 5/);
});

test('a set with no recorded counts or a changed gold total fails until recorded again', () => {
  assert.match(gateFailures('set', counts(5), undefined, 2)[0]!, /no counts recorded/);
  assert.match(gateFailures('set', counts(5, 101), counts(5), 2)[0]!, /gold has 101 items, recorded 100/);
});
