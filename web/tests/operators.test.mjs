// The Operators tab, read-only (no wallet injected): every registered operator with the stake the
// contracts report, the set in force and its leaders.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { formatUnits } from 'viem';
import { SHOTS, abi, devAccount, openApp, startEnv, stakingAbi } from './harness.mjs';

let env;
before(async () => (env = await startEnv()));
after(async () => env?.close());

test('read-only: operators, stakes, the set and its leader, without a wallet', async () => {
  // Mine into the epoch the fixture's snapshot covers, so a leader is in force.
  await env.testClient.mine({ blocks: 5 });
  const { page, errors, close } = await openApp(env, null, 'operators');
  const rows = page.locator('#operators tr[data-operator]');
  await rows.first().waitFor({ timeout: 15000 });
  // The fixture registered anvil accounts 1-3 as operators (script/DevnetSetup.s.sol).
  const expected = [1, 2, 3].map((i) => devAccount(i).address);
  const shown = await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.operator));
  assert.deepEqual([...shown].sort(), [...expected].sort());
  for (const op of expected) {
    const pool = await env.read(env.deployment.staking, stakingAbi, 'pool', [op]);
    const whole = formatUnits(pool.stake, 18).split('.')[0].replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const text = await page.locator(`#operators tr[data-operator="${op}"] td.stake`).innerText();
    assert.ok(text.startsWith(whole), `stake of ${op}: page says ${text}, chain ${pool.stake}`);
    assert.equal(await page.locator(`#operators tr[data-operator="${op}"] td.status`).innerText(), 'active');
  }
  const leader = await env.read(env.deployment.sequencerSet, abi('SequencerSet'), 'currentLeader');
  const leaderText = await page.locator('#leader-now code').innerText();
  assert.notEqual(leader, '0x0000000000000000000000000000000000000000');
  assert.equal(leaderText, leader);
  assert.equal(await page.locator('#set-members tr').count(), 1 + expected.length);
  assert.match(await page.locator('#liveness').innerText(), /must post by block \d+|missed its deadline/);
  await page.locator('#wallet', { hasText: 'read-only' }).waitFor();
  await page.screenshot({ path: join(SHOTS, 'operators.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await close();
});
