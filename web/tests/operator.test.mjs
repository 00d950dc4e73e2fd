// The Operator tab, end to end on a real L1: register a new operator (a signer key generated in the
// page signs its EIP-712 binding; approve + registerOperator), change its commission within the
// allowed step (the step and once-per-epoch errors shown by name), claim commission, rotate the
// signer and update the metadata, and unjail an operator slashed for liveness once its jail time is
// over (the Operators tab lists that slash and takeover for it, and none for the others).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { formatUnits, parseEventLogs, parseUnits, zeroAddress } from 'viem';
import { SHOTS, abi, clickForTx, devAccount, openApp, startEnv, stakingAbi, tokenAbi, txDone } from './harness.mjs';

let env;
const me = devAccount(21);
before(async () => {
  env = await startEnv();
  await env.fund(me.address, parseUnits('2000', 18));
});
after(async () => env?.close());

const staking = () => env.deployment.staking;
/** The page's rendering of an amount (format.ts `jns`): thousands grouped, at most 4 decimals, trailing zeros dropped. */
const shownJns = (wei) => {
  const [i, f = ''] = formatUnits(wei, 18).split('.');
  const frac = f.slice(0, 4).replace(/0+$/, '');
  return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''} JNS`;
};
const shownTime = (ts) => new Date(Number(ts) * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
const getOperator = (a) => env.read(staking(), stakingAbi, 'getOperator', [a]);

test('register an operator with a signer key generated in the page, then manage its commission', async () => {
  const app = await openApp(env, me, 'operator');
  const { page } = app;
  await page.click('#connect');
  await page.locator('#register-form').waitFor();
  await page.click('#reg-signer-generate');
  const signer = await page.locator('#reg-signer-address').innerText();
  await page.fill('#reg-commission', '7');
  await page.fill('#reg-metadata', 'http://127.0.0.1:8799');
  await page.fill('#reg-bond', '1500');
  await page.click('#register');
  const approve = await txDone(page, 'approve 1,500 JNS');
  assert.equal(approve.state, 'mined', approve.text);
  const reg = await txDone(page, 'register operator');
  assert.equal(reg.state, 'mined', reg.text);

  // On chain: registered with that signer (bound by its own signature), commission, metadata, bond.
  const o = await getOperator(me.address);
  assert.equal(o.registered, true);
  assert.equal(o.signer, signer);
  assert.equal(o.commissionBps, 700);
  assert.equal(o.metadata, 'http://127.0.0.1:8799');
  const [owner] = await env.read(staking(), stakingAbi, 'operatorOfSigner', [signer]);
  assert.equal(owner, me.address);
  const bond = await env.read(staking(), stakingAbi, 'valueOf', [me.address, me.address]);
  assert.ok(parseUnits('1500', 18) - bond < 10n ** 6n, `bond ${bond}`);
  assert.equal(await env.read(staking(), stakingAbi, 'isEligible', [me.address]), true);

  // The page now manages it, and the Operators tab lists it.
  await page.locator('#my-operator').waitFor();
  assert.match(await page.locator('#my-status').innerText(), /active/);
  await page.screenshot({ path: join(SHOTS, 'operator.png'), fullPage: true });

  // Registration counts as this epoch's change: a second change in the same epoch is refused.
  await page.locator('#my-operator', { hasText: 'Already changed in this epoch' }).waitFor();
  await page.fill('#commission-bps', '750');
  await page.click('#set-commission');
  let r = await txDone(page, 'set commission to 750 bps');
  assert.equal(r.state, 'failed');
  assert.match(r.text, /CommissionAlreadyChangedThisEpoch\(epoch: \d+\)/);

  // Next epoch: a step above the allowed one is refused by name, one within it goes through.
  const epochLength = (await env.read(staking(), stakingAbi, 'params')).epochLength;
  await env.testClient.mine({ blocks: Number(epochLength) });
  await page.locator('#my-operator', { hasText: 'Already changed in this epoch' }).waitFor({ state: 'detached' });
  await page.fill('#commission-bps', '900');
  await page.click('#set-commission');
  r = await txDone(page, 'set commission to 900 bps');
  assert.equal(r.state, 'failed');
  assert.match(r.text, /CommissionStepTooLarge\(oldBps: 700, newBps: 900, maxStep: 100\)/);
  await page.fill('#commission-bps', '750');
  await page.click('#set-commission');
  r = await txDone(page, 'set commission to 750 bps');
  assert.equal(r.state, 'mined', r.text);
  assert.equal((await getOperator(me.address)).commissionBps, 750);

  await page.click('#nav-operators');
  const row = page.locator(`#operators tr[data-operator="${me.address}"]`);
  await row.waitFor();
  assert.match(await row.innerText(), /7\.50 %/);
  assert.match(await row.innerText(), /http:\/\/127\.0\.0\.1:8799/);
  assert.deepEqual(app.errors, []);
  await app.close();
});

test('claim commission: rewards distributed on chain are claimed from the page', async () => {
  // Someone pays rewards to the new operator (the deployer, test setup): 7.5 % is its commission.
  const reward = parseUnits('100', 18);
  for (const [address, abi_, functionName, args] of [
    [env.deployment.token, tokenAbi, 'approve', [staking(), reward]],
    [staking(), stakingAbi, 'distributeRewards', [me.address, reward]],
  ]) {
    const hash = await env.deployer.writeContract({ address, abi: abi_, functionName, args });
    assert.equal((await env.pub.waitForTransactionReceipt({ hash })).status, 'success');
  }
  const accrued = await env.read(staking(), stakingAbi, 'commissionOf', [me.address]);
  assert.equal(accrued, parseUnits('7.5', 18));
  const app = await openApp(env, me, 'operator');
  await app.page.click('#connect');
  await app.page.locator('#my-operator', { hasText: 'Accrued commission: 7.5 JNS' }).waitFor();
  const before = await env.read(env.deployment.token, tokenAbi, 'balanceOf', [me.address]);
  await app.page.click('#claim-commission');
  const r = await txDone(app.page, 'claim commission');
  assert.equal(r.state, 'mined', r.text);
  assert.equal(await env.read(env.deployment.token, tokenAbi, 'balanceOf', [me.address]), before + accrued);
  assert.equal(await env.read(staking(), stakingAbi, 'commissionOf', [me.address]), 0n);
  await app.close();
});

test('rotate the signer with a signature made outside the page, update the metadata', async () => {
  const app = await openApp(env, me, 'operator');
  const { page } = app;
  await page.click('#connect');
  await page.locator('#keys-form').waitFor();
  const oldSigner = (await getOperator(me.address)).signer;
  const next = devAccount(22); // its key signs here, as `cast wallet sign --no-hash` would
  await page.selectOption('#rot-signer-mode', 'paste');
  await page.fill('#rot-signer-signer', next.address);
  await page.dispatchEvent('#rot-signer-signer', 'change');
  const digest = await env.read(staking(), stakingAbi, 'signerBindingDigest', [me.address, next.address]);
  await page.locator('#keys-form pre', { hasText: digest }).waitFor();
  await page.fill('#rot-signer-sig', await next.sign({ hash: digest }));
  await clickForTx(page, '#rotate-signer');
  let r = await txDone(page, 'rotate signer to');
  assert.equal(r.state, 'mined', r.text);
  assert.equal((await getOperator(me.address)).signer, next.address);
  const [owner, retiredAt] = await env.read(staking(), stakingAbi, 'operatorOfSigner', [oldSigner]);
  assert.equal(owner, me.address);
  assert.ok(retiredAt > 0n, 'the old signer is retired, still attributed');
  // A signer key is bound at most once: binding it again is refused by name.
  await clickForTx(page, '#rotate-signer');
  r = await txDone(page, 'rotate signer to');
  assert.equal(r.state, 'failed');
  assert.match(r.text, new RegExp(`SignerInUse\\(signer: ${next.address}\\)`));

  await page.fill('#new-metadata', 'http://127.0.0.1:8798');
  await page.click('#set-metadata');
  r = await txDone(page, 'set metadata');
  assert.equal(r.state, 'mined', r.text);
  assert.equal((await getOperator(me.address)).metadata, 'http://127.0.0.1:8798');
  assert.deepEqual(app.errors, []);
  await app.close();
});

test('unjail: a leader slashed for liveness sees its jail time, then unjails once it is over', async () => {
  const setAbi = abi('SequencerSet');
  const set = env.deployment.sequencerSet;
  // Into an epoch the fixture's set covers, then past the leader's liveness deadline.
  let leader = await env.read(set, setAbi, 'currentLeader');
  for (let i = 0; i < 20 && leader === zeroAddress; i++) {
    await env.testClient.mine({ blocks: 1 });
    leader = await env.read(set, setAbi, 'currentLeader');
  }
  assert.notEqual(leader, zeroAddress);
  // Nobody posts on this L1, so the leader's last activity is its epoch's start: the report's block
  // must lie at least livenessTimeout blocks into an epoch.
  const timeout = await env.read(set, setAbi, 'livenessTimeout');
  const length = (await env.read(staking(), stakingAbi, 'params')).epochLength;
  // (cacheTime 0: viem caches the block number for its polling interval, a stale one made this flaky.)
  while (((await env.pub.getBlockNumber({ cacheTime: 0 })) + 1n) % length < timeout) await env.testClient.mine({ blocks: 1 });
  leader = await env.read(set, setAbi, 'currentLeader');
  const hash = await env.deployer.writeContract({ address: set, abi: setAbi, functionName: 'reportLiveness' });
  const receipt = await env.pub.waitForTransactionReceipt({ hash });
  assert.equal(receipt.status, 'success');
  assert.equal(await env.read(staking(), stakingAbi, 'isJailed', [leader]), true);
  // The report slashed the leader for liveness and handed the epoch on: both events, from chain.
  const reporter = env.deployer.account.address;
  const slashes = parseEventLogs({ abi: stakingAbi, logs: receipt.logs, eventName: 'Slashed' });
  assert.equal(slashes.length, 1);
  const [slash] = slashes;
  assert.equal(slash.args.operator, leader);
  assert.equal(slash.args.kind, 0); // IStaking.SlashKind.Liveness
  assert.equal(slash.args.reporter, reporter);
  assert.ok(slash.args.amount > 0n);
  const [takeover] = parseEventLogs({ abi: setAbi, logs: receipt.logs, eventName: 'LivenessReported' });
  assert.equal(takeover.args.operator, leader);
  const { timestamp } = await env.pub.getBlock({ blockNumber: receipt.blockNumber });

  const index = [1, 2, 3, 21].find((i) => devAccount(i).address === leader);
  assert.ok(index, `leader ${leader} is one of the known operators`);
  const app = await openApp(env, devAccount(index), 'operator');
  const { page } = app;
  await page.click('#connect');
  await page.locator('#my-status', { hasText: 'jailed until' }).waitFor();
  assert.equal(await page.locator('#unjail').isDisabled(), true);
  await page.screenshot({ path: join(SHOTS, 'jailed.png'), fullPage: true });

  // The Operators tab: exactly that slash and that takeover under the leader's row, none for the others.
  await page.click('#nav-operators');
  const history = (op) => page.locator(`#operators tr.operator-history[data-history-of="${op}"]`);
  const mine = history(leader).locator('li.op-slash');
  await mine.first().waitFor({ timeout: 15000 });
  const operators = await page.locator('#operators tr[data-operator]').evaluateAll((trs) => trs.map((tr) => tr.dataset.operator));
  assert.deepEqual([...operators].sort(), [1, 2, 3, 21].map((i) => devAccount(i).address).sort());
  assert.equal(await page.locator('#operators tr.operator-history').count(), operators.length);
  assert.equal(await mine.count(), 1);
  assert.equal(await mine.getAttribute('data-kind'), 'Liveness');
  assert.equal(await mine.locator('.kind').innerText(), 'Liveness');
  assert.equal(await mine.getAttribute('data-amount'), slash.args.amount.toString());
  assert.equal(await mine.locator('.amount').innerText(), shownJns(slash.args.amount));
  assert.equal(await mine.locator('.amount').getAttribute('title'), `${formatUnits(slash.args.amount, 18)} JNS`);
  assert.equal(await mine.getAttribute('data-block'), receipt.blockNumber.toString());
  assert.equal(await mine.getAttribute('data-reporter'), reporter);
  assert.equal(await mine.locator('.reporter').getAttribute('title'), reporter);
  assert.ok((await mine.innerText()).includes(`at block ${receipt.blockNumber} (${shownTime(timestamp)}), reported by`), await mine.innerText());
  const took = history(leader).locator('li.op-takeover');
  assert.equal(await took.count(), 1);
  assert.equal(await took.getAttribute('data-epoch'), takeover.args.epoch.toString());
  assert.equal(await took.getAttribute('data-reporter'), reporter);
  assert.equal(await took.getAttribute('data-new-leader'), takeover.args.newLeader);
  assert.ok((await took.innerText()).includes(`leads from block ${takeover.args.fromBlock}`));
  for (const op of operators.filter((o) => o !== leader)) {
    assert.equal(await history(op).locator('li.op-slash, li.op-takeover').count(), 0, `${op} shows a slash or takeover`);
    assert.equal(await history(op).locator('.op-slashes').innerText(), 'Slashes: none');
    assert.equal(await history(op).locator('.op-takeovers').innerText(), 'Liveness takeovers: none');
  }
  await page.screenshot({ path: join(SHOTS, 'operators-slashed.png'), fullPage: true });
  await page.click('#nav-operator');

  const jail = (await env.read(staking(), stakingAbi, 'params')).jailDuration;
  await env.testClient.increaseTime({ seconds: Number(jail) + 1 });
  await env.testClient.mine({ blocks: 1 });
  await page.locator('#my-status', { hasText: 'may unjail now' }).waitFor({ timeout: 10000 });
  await page.locator('#unjail:not([disabled])').click();
  const r = await txDone(page, 'unjail');
  assert.equal(r.state, 'mined', r.text);
  assert.equal(await env.read(staking(), stakingAbi, 'isJailed', [leader]), false);
  await page.locator('#my-status', { hasText: 'active' }).waitFor();
  assert.deepEqual(app.errors, []);
  await app.close();
});
