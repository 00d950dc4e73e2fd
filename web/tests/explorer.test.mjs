// The Explorer tab against L1 states made on chain: a batch finalized by its window, one with a wrong
// state root (the page's own replay of the data says so) that the page challenges, a waiting L1
// message, a funded bounty pool; the page finalizes the first batch once its window is over, reports
// the leader that missed its liveness deadline (a takeover and a slash), snapshots the ranking and
// re-ranks an operator; once the proof deadline passed it resolves the challenge and claims the bond
// back. Every figure the page shows is compared with the contracts' own values.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { parseEther, parseEventLogs, toFunctionSelector, zeroAddress } from 'viem';
import { SHOTS, abi, clickForTx, devAccount, l2Node, openApp, postBatch, startEnv, stakingAbi, txDone } from './harness.mjs';

let env;
let l2;
before(async () => {
  env = await startEnv();
  l2 = await l2Node();
});
after(async () => env?.close());

const bridgeAbi = abi('Bridge');
const rollupAbi = abi('Rollup');
const setAbi = abi('SequencerSet');
const utc = (t) => new Date(Number(t) * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
const short = (a) => `${a.slice(0, 6)}…${a.slice(-4)}`;

test('explorer: queue, bounty pool, batches by status with the timeline, takeovers and slashes', async () => {
  const { bridge, rollup, sequencerSet, staking } = env.deployment;
  const depositor = devAccount(12);
  const challenger = devAccount(13);
  for (const a of [depositor, challenger]) await env.fund(a.address, 0n);
  const { createWalletClient, http } = await import('viem');
  const as = (a) => createWalletClient({ account: a, chain: env.chain, transport: http(env.rpc) });
  const mined = async (hash) => assert.equal((await env.pub.waitForTransactionReceipt({ hash })).status, 'success');

  // Two deposits to new accounts (valid keys from janus-l2), consumed and finalized in batch 1.
  for (const seed of [1, 2]) {
    const pk = l2.publicKey(l2.secretKeyFromSeed(new Uint8Array(32).fill(seed)));
    await mined(await as(depositor).writeContract({ address: bridge, abi: bridgeAbi, functionName: 'depositETHNewAccount', args: [`0x${Buffer.from(pk).toString('hex')}`], value: parseEther('0.5') }));
  }
  const state = new l2.L2State();
  const b1 = await postBatch(env, l2, state);
  const { challengeWindow } = await env.read(rollup, rollupAbi, 'params');
  await env.testClient.increaseTime({ seconds: Number(challengeWindow) + 1 });
  await env.testClient.mine({ blocks: 1 }); // batch 1 is finalizable: the page will finalize it

  // A third deposit stays in the queue; batch 2 consumes nothing and is challenged.
  const pk3 = l2.publicKey(l2.secretKeyFromSeed(new Uint8Array(32).fill(3)));
  await mined(await as(depositor).writeContract({ address: bridge, abi: bridgeAbi, functionName: 'depositETHNewAccount', args: [`0x${Buffer.from(pk3).toString('hex')}`], value: parseEther('0.5') }));
  // Batch 2 claims a state root its (empty) data does not give: an invalid batch.
  const wrongRoot = `0x${'11'.repeat(32)}`;
  const b2 = await postBatch(env, l2, state, { messages: 'none', claimRoot: wrongRoot });
  const { challengeBond } = await env.read(rollup, rollupAbi, 'params');
  await mined(await env.deployer.writeContract({ address: rollup, abi: rollupAbi, functionName: 'fundBounty', value: parseEther('1.5') }));

  const { page, errors, close } = await openApp(env, challenger, 'explorer');
  await page.click('#connect');
  await page.locator('#account').waitFor();
  await page.locator('#batches tr.batch').nth(1).waitFor({ timeout: 15000 });
  const row = (id) => page.locator(`#batches tr.batch[data-batch="${id}"]`);
  // Batch 1's window is over and it is next in height order: the page finalizes it (anyone may).
  // Batch 2, in its window, is not finalizable: no such button.
  await row(b1.batchId).locator('button.finalize-batch').waitFor({ timeout: 15000 });
  assert.equal(await row(b2.batchId).locator('button.finalize-batch').count(), 0);
  assert.match(await page.locator('#next-finalize').innerText(), new RegExp(`^Next to finalize: batch #${b1.batchId} \\(height 1\\): finalizable now`));
  assert.equal(await env.read(rollup, rollupAbi, 'lastFinalizedId'), 0n);
  await clickForTx(page, `#batches tr.batch[data-batch="${b1.batchId}"] button.finalize-batch`);
  const fin = await txDone(page, `finalize batch ${b1.batchId}`);
  assert.equal(fin.state, 'mined', fin.text);
  const finReceipt = await env.pub.getTransactionReceipt({ hash: fin.text.match(/0x[0-9a-f]{64}/)[0] });
  const [finalized] = parseEventLogs({ abi: rollupAbi, logs: finReceipt.logs, eventName: 'BatchFinalized' });
  assert.equal(finalized.args.batchId, b1.batchId);
  assert.equal(finalized.args.proven, false);
  assert.equal(await env.read(rollup, rollupAbi, 'lastFinalizedId'), b1.batchId);
  assert.equal((await env.read(rollup, rollupAbi, 'getBatch', [b1.batchId])).status, 4); // Finalized
  await row(b1.batchId).and(page.locator('[data-status="finalized"]')).waitFor({ timeout: 15000 });
  await page.locator('#next-finalize', { hasText: `Next to finalize: batch #${b2.batchId} (height 2): its challenge window ends in` }).waitFor({ timeout: 15000 });
  // The page challenges batch 2 (anyone may, with the bond); batch 1 is final: nothing to offer.
  assert.equal(await row(b1.batchId).locator('button').count(), 0);
  const challengeBtn = row(b2.batchId).locator('button.challenge');
  await challengeBtn.waitFor({ timeout: 15000 });
  assert.equal(await challengeBtn.innerText(), 'Challenge (bond 0.1 ETH)');
  assert.equal(challengeBond, parseEther('0.1'));
  const beforeChallenge = await env.pub.getBalance({ address: challenger.address });
  await clickForTx(page, `#batches tr.batch[data-batch="${b2.batchId}"] button.challenge`);
  const ch = await txDone(page, `challenge batch ${b2.batchId}`);
  assert.equal(ch.state, 'mined', ch.text);
  const chReceipt = await env.pub.getTransactionReceipt({ hash: ch.text.match(/0x[0-9a-f]{64}/)[0] });
  const [challenged] = parseEventLogs({ abi: rollupAbi, logs: chReceipt.logs, eventName: 'BatchChallenged' });
  assert.equal(challenged.args.batchId, b2.batchId);
  assert.equal(challenged.args.challenger, challenger.address);
  assert.equal(challenged.args.bond, challengeBond);
  assert.equal((await env.read(rollup, rollupAbi, 'getBatch', [b2.batchId])).status, 2); // Challenged
  assert.equal(beforeChallenge - (await env.pub.getBalance({ address: challenger.address })), challengeBond + chReceipt.gasUsed * chReceipt.effectiveGasPrice);
  const deadline = await env.read(rollup, rollupAbi, 'challengeDeadline', [b2.batchId]);
  await row(b2.batchId).and(page.locator('[data-status="challenged"]')).waitFor({ timeout: 15000 });
  assert.equal(await row(b2.batchId).locator('button.resolve-challenge').count(), 0); // its deadline is ahead
  const queue = await env.read(bridge, bridgeAbi, 'messageCount');
  assert.equal(queue, 3n);
  assert.equal(await page.locator('#queue-length').innerText(), '3');
  assert.equal(await page.locator('#queue-consumed').innerText(), '2');
  assert.equal(await page.locator('#queue-waiting').innerText(), '1');
  assert.equal(await env.read(rollup, rollupAbi, 'bountyPool'), parseEther('1.5'));
  assert.equal(await page.locator('#bounty-pool').innerText(), '1.5 ETH');
  assert.equal(await row(b1.batchId).getAttribute('data-status'), 'finalized');
  assert.equal(await row(b1.batchId).locator('.status').innerText(), 'finalized (optimistic: window passed)');
  assert.equal(await row(b2.batchId).getAttribute('data-status'), 'challenged');
  assert.equal(await row(b2.batchId).locator('.status').innerText(), `challenged: a proof is due by ${utc(deadline)}`);
  // The page replays both batches' data with janus-l2: batch 1's root is right, batch 2's is not.
  await row(b2.batchId).locator('.replay[data-replay="wrong"]').waitFor({ timeout: 15000 });
  assert.equal(await row(b1.batchId).locator('.replay').getAttribute('data-replay'), 'ok');
  assert.equal(await row(b1.batchId).locator('.replay').innerText(), 'matches its data');
  assert.equal(await row(b2.batchId).locator('.replay').innerText(), `wrong state root: its data gives ${b2.out.newRoot}, it claims ${wrongRoot}`);
  assert.equal(b2.out.newRoot, b1.out.newRoot); // an empty batch leaves the state as it was
  // The timeline draws one bar per batch, in its status.
  assert.deepEqual(
    await page.locator('#timeline g.batch').evaluateAll((gs) => gs.map((g) => [g.dataset.batch, g.dataset.status])),
    [[String(b1.batchId), 'finalized'], [String(b2.batchId), 'challenged']],
  );
  assert.equal(await page.locator('#slashes tr.slash').count(), 0);
  await page.screenshot({ path: join(SHOTS, 'explorer.png'), fullPage: true });

  // The leader misses its liveness deadline (nobody posts in this epoch); the page's report slashes
  // it and hands the epoch over. Mined to a block past the deadline whose next block (the report's)
  // is still in the epoch.
  const timeout = await env.read(sequencerSet, setAbi, 'livenessTimeout');
  const length = (await env.read(staking, stakingAbi, 'params')).epochLength;
  const offset = async () => (await env.pub.getBlockNumber({ cacheTime: 0 })) % length;
  while ((await offset()) < timeout || (await offset()) === length - 1n) await env.testClient.mine({ blocks: 1 });
  const leader = await env.read(sequencerSet, setAbi, 'currentLeader');
  assert.notEqual(leader, zeroAddress);
  const deadlineBlock = (await env.read(sequencerSet, setAbi, 'lastActivityBlock')) + timeout;
  assert.ok(deadlineBlock <= (await env.pub.getBlockNumber({ cacheTime: 0 })), 'the leader is late');
  await page.locator('#explorer-liveness', { hasText: `missed its liveness deadline (block ${deadlineBlock})` }).waitFor({ timeout: 15000 });
  await clickForTx(page, '#report-liveness');
  const lv = await txDone(page, 'report liveness');
  assert.equal(lv.state, 'mined', lv.text);
  const r = await env.pub.getTransactionReceipt({ hash: lv.text.match(/0x[0-9a-f]{64}/)[0] });
  assert.equal(r.status, 'success');
  const [rep] = parseEventLogs({ abi: setAbi, logs: r.logs, eventName: 'LivenessReported' });
  const [slash] = parseEventLogs({ abi: stakingAbi, logs: r.logs, eventName: 'Slashed' });
  assert.equal(rep.args.operator, leader);
  assert.equal(rep.args.reporter, challenger.address);
  assert.equal(await env.read(staking, stakingAbi, 'isJailed', [leader]), true);
  assert.equal(slash.args.kind, 0); // Liveness
  const slashRow = page.locator(`#slashes tr.slash[data-operator="${leader}"][data-kind="Liveness"]`);
  await slashRow.waitFor({ timeout: 15000 });
  const whole = (slash.args.amount / 10n ** 18n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  assert.ok((await slashRow.locator('.amount').innerText()).startsWith(whole), `slash amount ${slash.args.amount}`);
  const takeover = page.locator(`#epochs tr.epoch[data-epoch="${rep.args.epoch}"] .takeovers`);
  assert.equal(
    await takeover.innerText(),
    `${short(leader)} reported by ${short(challenger.address)}; ${short(rep.args.newLeader)} leads from block ${rep.args.fromBlock}`,
  );

  // The sequencer set's other calls open to anyone: snapshot the ranking (when the epoch it would
  // cover has none yet) and re-rank an eligible operator.
  const delay = await env.read(sequencerSet, setAbi, 'activationDelay');
  const snapshotted = async () => {
    const e = (await env.read(sequencerSet, setAbi, 'currentEpoch')) + delay;
    return (await env.read(sequencerSet, setAbi, 'setFor', [e])).epoch >= e;
  };
  if (await snapshotted()) {
    // The fixture's keeper-less chain already has one: the page must say so and offer nothing.
    await page.locator('#snapshot-state', { hasText: 'is snapshotted' }).waitFor({ timeout: 15000 });
    assert.equal(await page.locator('#snapshot').isDisabled(), true);
    await env.testClient.mine({ blocks: Number(length) }); // the next epoch has none yet
  }
  await page.locator('#snapshot-state', { hasText: 'is not snapshotted yet: anyone may snapshot' }).waitFor({ timeout: 15000 });
  await clickForTx(page, '#snapshot');
  const sn = await txDone(page, 'snapshot the ranking');
  assert.equal(sn.state, 'mined', sn.text);
  const snr = await env.pub.getTransactionReceipt({ hash: sn.text.match(/0x[0-9a-f]{64}/)[0] });
  const [snap] = parseEventLogs({ abi: setAbi, logs: snr.logs, eventName: 'SetSnapshotted' });
  const epochAtSnap = await env.pub.readContract({ address: sequencerSet, abi: setAbi, functionName: 'currentEpoch', blockNumber: snr.blockNumber });
  assert.equal(snap.args.epoch, epochAtSnap + delay);
  assert.deepEqual([...snap.args.operators], [...(await env.pub.readContract({ address: staking, abi: stakingAbi, functionName: "ranking", blockNumber: snr.blockNumber }))[0]]);
  assert.ok(!snap.args.operators.includes(leader), 'the jailed leader is out of the ranking');
  await page.locator('#snapshot-state', { hasText: `The set for epoch ${snap.args.epoch} is snapshotted` }).waitFor({ timeout: 15000 });
  const ranked = devAccount([1, 2, 3].find((i) => devAccount(i).address !== leader)).address;
  await page.selectOption('#rank-operator', ranked);
  await clickForTx(page, '#update-ranking');
  const ur = await txDone(page, `update the ranking of ${short(ranked)}`);
  assert.equal(ur.state, 'mined', ur.text);
  const urr = await env.pub.getTransactionReceipt({ hash: ur.text.match(/0x[0-9a-f]{64}/)[0] });
  const [rk] = parseEventLogs({ abi: stakingAbi, logs: urr.logs, eventName: 'RankingUpdated' });
  assert.equal(rk.args.operator, ranked);
  assert.equal(rk.args.stake, (await env.read(staking, stakingAbi, 'pool', [ranked])).stake);

  // Nobody proves batch 2 before its deadline: the page offers to resolve the challenge, which
  // reverts it and slashes its operator for InvalidRoot.
  assert.equal(await page.locator('#claim-credits').isDisabled(), true);
  await env.testClient.increaseTime({ seconds: Number(deadline) - Number((await env.pub.getBlock()).timestamp) + 1 });
  await env.testClient.mine({ blocks: 1 });
  await row(b2.batchId).locator('button.resolve-challenge').waitFor({ timeout: 15000 });
  await clickForTx(page, `#batches tr.batch[data-batch="${b2.batchId}"] button.resolve-challenge`);
  const res = await txDone(page, `resolve challenge of batch ${b2.batchId}`);
  assert.equal(res.state, 'mined', res.text);
  const rr = await env.pub.getTransactionReceipt({ hash: res.text.match(/0x[0-9a-f]{64}/)[0] });
  assert.equal(rr.status, 'success');
  const [resolved] = parseEventLogs({ abi: rollupAbi, logs: rr.logs, eventName: 'ChallengeResolved' });
  assert.equal(resolved.args.batchId, b2.batchId);
  assert.equal((await env.read(rollup, rollupAbi, 'getBatch', [b2.batchId])).status, 5); // Reverted
  const [invalid] = parseEventLogs({ abi: stakingAbi, logs: rr.logs, eventName: 'Slashed' });
  assert.equal(invalid.args.kind, 1); // InvalidRoot
  assert.equal(invalid.args.operator, b2.submitted.args.operator);
  await page.locator(`#batches tr.batch[data-batch="${b2.batchId}"][data-status="reverted"]`).waitFor({ timeout: 15000 });
  assert.equal(await row(b2.batchId).locator('.status').innerText(), 'reverted: its withdrawals will never be paid');
  assert.equal(await row(b1.batchId).getAttribute('data-status'), 'finalized');
  await page.locator(`#slashes tr.slash[data-operator="${invalid.args.operator}"][data-kind="InvalidRoot"]`).waitFor({ timeout: 15000 });
  assert.equal(await page.locator('#timeline g.batch[data-status="reverted"]').count(), 1);
  await page.screenshot({ path: join(SHOTS, 'explorer-slash.png'), fullPage: true });

  // The bond came back as a rollup credit: the page shows it and claims it.
  const credit = await env.read(rollup, rollupAbi, 'credits', [challenger.address]);
  assert.equal(credit, challengeBond);
  await page.locator('#rollup-credits', { hasText: '0.1 ETH' }).waitFor({ timeout: 15000 });
  const beforeClaim = await env.pub.getBalance({ address: challenger.address });
  await clickForTx(page, '#claim-credits');
  const cl = await txDone(page, 'claim rollup credits');
  assert.equal(cl.state, 'mined', cl.text);
  const cr = await env.pub.getTransactionReceipt({ hash: cl.text.match(/0x[0-9a-f]{64}/)[0] });
  assert.equal((await env.pub.getBalance({ address: challenger.address })) - beforeClaim, credit - cr.gasUsed * cr.effectiveGasPrice);
  assert.equal(await env.read(rollup, rollupAbi, 'credits', [challenger.address]), 0n);
  await page.locator('#rollup-credits', { hasText: '0 ETH' }).waitFor({ timeout: 15000 });
  assert.equal(await page.locator('#claim-credits').isDisabled(), true);
  assert.deepEqual(errors, []);
  await close();
});

// A wallet connected while the Explorer's load is in flight must be served when that load ends,
// even on a quiet chain where no new L1 block comes to trigger another load (the race that left the
// page's buttons disabled: web/src/latest.ts). The page's own L1 reads are held on the wire until
// the connect has rendered, so the order is forced, not hoped for.
test('a wallet connected while the explorer loads is served when the load ends, with no new block', async () => {
  const { page, errors, close } = await openApp(env, devAccount(14), 'explorer');
  await page.locator('#bounty-pool').waitFor({ timeout: 15000 }); // the first load (no account) is done
  assert.equal(await page.locator('#rollup-credits').count(), 0);
  const bountyPool = toFunctionSelector('bountyPool()').slice(2);
  let release;
  const released = new Promise((r) => (release = r));
  let onHeld;
  const held = new Promise((r) => (onHeld = r));
  await page.route((url) => url.origin === new URL(env.rpc).origin, async (route) => {
    if ((route.request().postData() ?? '').includes(bountyPool)) {
      onHeld();
      await released;
    }
    await route.continue();
  });
  await env.testClient.mine({ blocks: 1 }); // the Explorer loads this block; its reads wait on the wire
  await held;
  await page.click('#connect');
  await page.locator('#account').waitFor({ timeout: 15000 }); // rendered while the load is held
  release();
  // No block is mined from here on: only the kept ask can load the account's credits.
  await page.locator('#rollup-credits').waitFor({ timeout: 15000 });
  assert.match(await page.locator('#explorer-summary').innerText(), new RegExp(`Rollup credits of ${devAccount(14).address.slice(0, 6)}`));
  assert.deepEqual(errors, []);
  await close();
});
