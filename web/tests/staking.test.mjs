// Staking from a wallet, end to end on a real L1: connect (add + switch the chain), delegate with a
// permit (one typed-data signature, one transaction), reverts shown by their custom error's name,
// undelegate, and withdraw once the unbonding delay has passed (L1 time moved by the test).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { decodeEventLog, parseUnits, toFunctionSelector, getAbiItem, zeroAddress } from 'viem';
import { SHOTS, devAccount, openApp, startEnv, stakingAbi, tokenAbi, txDone } from './harness.mjs';

let env, app;
const me = devAccount(20); // not used by the fixture (operators 1-3, signers 4-6, delegators 7-9)
const op = devAccount(1).address;
const FUNDS = parseUnits('5000', 18);

before(async () => {
  env = await startEnv();
  await env.fund(me.address, FUNDS);
  app = await openApp(env, me, 'stake');
});
after(async () => {
  await app?.close();
  await env?.close();
});

const jnsOf = (a) => env.read(env.deployment.token, tokenAbi, 'balanceOf', [a]);
const sharesOf = (o, a) => env.read(env.deployment.staking, stakingAbi, 'sharesOf', [o, a]);
const since = (n, method) => app.log.slice(n).filter((r) => r.method === method);

test('connect: the wallet is asked for accounts, the devnet chain is added and switched to, balances shown', async () => {
  const { page, log } = app;
  await page.click('#connect');
  await page.locator('#account').waitFor();
  assert.equal(await page.locator('#account').innerText(), me.address);
  const methods = log.map((r) => r.method);
  assert.ok(methods.includes('eth_requestAccounts'));
  assert.ok(methods.includes('wallet_addEthereumChain'), 'the wallet started on chain 1: the app must add the devnet');
  assert.equal(methods.filter((m) => m === 'wallet_switchEthereumChain').length, 2, 'switch, unknown (4902), add, switch');
  await page.locator('#bal-jns', { hasText: '5,000 JNS' }).waitFor();
  assert.match(await page.locator('#bal-eth').innerText(), /^100 ETH$/);
});

test('delegate with permit: one signature, one transaction, shares on chain', async () => {
  const { page } = app;
  const n = app.log.length;
  const amount = parseUnits('1234.5', 18);
  await page.selectOption('#delegate-operator', op);
  await page.fill('#delegate-amount', '1234.5');
  await page.click('#delegate');
  const done = await txDone(page, 'delegate 1,234.5 JNS');
  assert.equal(done.state, 'mined', done.text);
  assert.equal(since(n, 'eth_signTypedData_v4').length, 1);
  const sent = since(n, 'eth_sendTransaction');
  assert.equal(sent.length, 1);
  assert.equal(sent[0].params[0].data.slice(0, 10), toFunctionSelector(getAbiItem({ abi: stakingAbi, name: 'delegateWithPermit' })));
  // On chain: shares minted, the tokens moved, no allowance left over.
  const shares = await sharesOf(op, me.address);
  assert.ok(shares > 0n);
  const value = await env.read(env.deployment.staking, stakingAbi, 'valueOf', [op, me.address]);
  assert.ok(value <= amount && amount - value < 10n ** 6n, `value ${value}`);
  assert.equal(await jnsOf(me.address), FUNDS - amount);
  assert.equal(await env.read(env.deployment.token, tokenAbi, 'allowance', [me.address, env.deployment.staking]), 0n);
  // The page shows the delegation with the shares the contract holds.
  await page.locator(`#delegations tr[data-operator="${op}"] td.shares`, { hasText: shares.toString() }).waitFor();
  await page.locator('#bal-jns', { hasText: '3,765.5 JNS' }).waitFor();
});

test('a revert is shown by its custom error name and decoded arguments, and nothing is sent', async () => {
  const { page } = app;
  const n = app.log.length;
  await page.selectOption('#delegate-operator', op);
  await page.fill('#delegate-amount', '999999');
  await page.click('#delegate');
  const done = await txDone(page, 'delegate 999,999 JNS');
  assert.equal(done.state, 'failed');
  // OpenZeppelin's ERC20InsufficientBalance, raised by the token inside Staking's transferFrom.
  assert.match(done.text, /ERC20InsufficientBalance\(sender: 0x[0-9a-fA-F]{40}, balance: 3765500000000000000000 \(3,765\.5 JNS\), needed: 999999000000000000000000/);
  assert.doesNotMatch(done.text, /0xe450d38c/, 'no raw selector');
  assert.equal(since(n, 'eth_sendTransaction').length, 0);

  // Staking's own error: undelegating more than is held.
  await page.selectOption('#undelegate-operator', op);
  await page.fill('#undelegate-amount', '5000');
  await page.click('#undelegate');
  const un = await txDone(page, 'undelegate');
  assert.equal(un.state, 'failed');
  const held = await sharesOf(op, me.address);
  assert.match(un.text, new RegExp(`InsufficientShares\\(requested: \\d+, available: ${held}\\)`));
  assert.equal(since(n, 'eth_sendTransaction').length, 0);
  await page.screenshot({ path: join(SHOTS, 'errors.png'), fullPage: true });
});

test('undelegate, a live countdown, then withdraw after the unbonding delay', async () => {
  const { page } = app;
  const sharesBefore = await sharesOf(op, me.address);
  await page.selectOption('#undelegate-operator', op);
  await page.fill('#undelegate-amount', '');
  await page.check('#undelegate-all');
  await page.click('#undelegate');
  const done = await txDone(page, 'undelegate');
  assert.equal(done.state, 'mined', done.text);
  assert.equal(await sharesOf(op, me.address), 0n);
  const hash = done.text.match(/0x[0-9a-f]{64}/)[0];
  const receipt = await env.pub.getTransactionReceipt({ hash });
  const ev = receipt.logs
    .map((l) => { try { return decodeEventLog({ abi: stakingAbi, ...l }); } catch { return null; } })
    .find((e) => e?.eventName === 'Undelegated');
  assert.equal(ev.args.delegator, me.address);
  assert.ok(sharesBefore > 0n);
  const id = ev.args.unbondId;

  const row = page.locator(`#unbondings tr[data-unbond="${id}"]`);
  await row.waitFor();
  const first = await row.locator('.countdown').innerText();
  assert.match(first, /^in (4 min|5 min)/);
  // The countdown is live: it changes between blocks.
  await page.waitForFunction((t) => document.querySelector('#unbondings tr[data-unbond] .countdown').textContent !== t, first, { timeout: 5000 });
  assert.equal(await row.locator('button.withdraw').isDisabled(), true);
  await page.screenshot({ path: join(SHOTS, 'stake.png'), fullPage: true });

  // Move L1 time past the release (test only), mine a block: the page follows the chain's clock.
  const delay = await env.read(env.deployment.staking, stakingAbi, 'unbondingDelay');
  await env.testClient.increaseTime({ seconds: Number(delay) + 1 });
  await env.testClient.mine({ blocks: 1 });
  await row.locator('.countdown', { hasText: 'withdrawable' }).waitFor({ timeout: 10000 });
  assert.equal(await row.locator('button.withdraw').isDisabled(), false);

  const before = await jnsOf(me.address);
  await row.locator('button.withdraw').click();
  const w = await txDone(page, `withdraw unbond ${id}`);
  assert.equal(w.state, 'mined', w.text);
  const paid = (await jnsOf(me.address)) - before;
  assert.ok(paid > 0n && ev.args.amount - paid < 10n ** 6n, `paid ${paid}, unbonded ${ev.args.amount}`);
  assert.equal((await env.read(env.deployment.staking, stakingAbi, 'unbond', [id])).delegator, zeroAddress);
  await row.waitFor({ state: 'detached' });
  assert.deepEqual(app.errors, []);
});
