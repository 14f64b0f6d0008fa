// What a plain spawn costs in XAPI calls: no more than Nova's own sequence for the same instance. Lookups the
// event-fed cache answers, and task reads after the task's event already told the outcome, are not made.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { accepted, finished, requestSpawn, spawnChoices, type SpawnChoices } from '../helpers/driver.js';
import { startStack, type Stack } from '../helpers/stack.js';

/**
 * Nova's XenAPI driver spawning an instance from a cached image with no swap, ephemeral disk, config drive or
 * agent, on one network (docs/driver-coverage.md, spawn row).
 */
const NOVA_SPAWN_CALLS = 30;

let stack: Stack;
let choices: SpawnChoices;
before(async () => {
  // No background pollers: every call counted below is the spawn's.
  stack = await startStack({ timeScale: 0.01, env: { BANDWIDTH_POLL_SECONDS: '0', POWER_SYNC_INTERVAL: '0' } });
  choices = await spawnChoices(stack);
});
after(async () => {
  await stack?.stop();
});

/** XAPI calls made so far, per method, without the event feed (it is not a step of any action). */
function callCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const link of stack.app.services.pools.list()) {
    for (const [method, calls] of link.client.callCountByMethod) {
      if (!method.startsWith('event.')) counts.set(method, (counts.get(method) ?? 0) + calls);
    }
  }
  return counts;
}

function callsSince(before: Map<string, number>): Map<string, number> {
  return new Map([...callCounts()].map(([method, calls]) => [method, calls - (before.get(method) ?? 0)] as const)
    .filter(([, calls]) => calls > 0));
}

async function spawn(name: string): Promise<void> {
  const state = await finished(stack, accepted(await requestSpawn(stack, choices, { name, flavor: 'm1.tiny' })).operation.id);
  assert.equal(state.status, 'SUCCEEDED', JSON.stringify(state.error));
}

describe('the XAPI calls of a spawn', () => {
  it('stay within Nova\'s sequence for a small instance from a cached image', async () => {
    // The first spawn of an image uploads it; Nova's count is for an image already in the SR.
    await spawn('warm-up');
    const before = callCounts();
    await spawn('counted');
    const calls = callsSince(before);
    const total = [...calls.values()].reduce((sum, n) => sum + n, 0);
    const listing = [...calls].sort(([a], [b]) => a.localeCompare(b)).map(([method, n]) => `${method} ×${n}`).join(', ');
    assert.ok(total <= NOVA_SPAWN_CALLS, `${total} XAPI calls, Nova made ${NOVA_SPAWN_CALLS}: ${listing}`);
    // The default SR, the network and the new VM's uuid come from the cache; a finished task from its events.
    for (const avoidable of ['pool.get_all', 'task.get_record', 'network.get_all_records_where', 'VM.get_uuid']) {
      assert.equal(calls.get(avoidable), undefined, `${avoidable} was called: ${listing}`);
    }
  });
});
