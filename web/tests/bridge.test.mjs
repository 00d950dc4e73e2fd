// The Bridge tab end to end on a real L1: the L2 key derived from the wallet, an ETH deposit to a
// new account bound to it (and one to that existing account), then a real batch built from those
// deposits by janus-l2 (wasm, in this process: the state transition gives the new state root) with
// two signed withdrawals, posted through Rollup.submitBatch by the leader's signer, finalized after
// the challenge window; the page finds the withdrawal that pays the connected address in the
// batch's calldata, shows its status, and finalizes it on L1 with the Merkle proof it computes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createWalletClient, hexToBytes, http, parseEther, parseEventLogs } from 'viem';
import { SHOTS, abi, devAccount, l2Node, openApp, postBatch, startEnv, tokenAbi, txDone, clickForTx, walletKeyVectors } from './harness.mjs';

let env;
let l2;
before(async () => {
  env = await startEnv();
  l2 = await l2Node();
});
after(async () => env?.close());

const bridgeAbi = abi('Bridge');
const rollupAbi = abi('Rollup');
const L2_CHAIN_ID = 424242n;

test('deposit to a new L2 account, then a withdrawal from a real batch finalized on L1 by the page', async () => {
  const { bridge, rollup } = env.deployment;
  const c = walletKeyVectors().cases.find((x) => x.l2ChainId === Number(L2_CHAIN_ID));
  const user = devAccount(c.anvilAccountIndex);
  const other = devAccount(11);
  await env.fund(user.address, 0n);
  const { page, errors, close } = await openApp(env, user, 'bridge');
  await page.click('#connect');
  await page.locator('#account').waitFor();
  await page.click('#derive-key');
  await page.locator('#l2key-pk').waitFor({ timeout: 15000 });
  const pk = await page.locator('#l2key-pk').innerText();
  assert.equal(pk, c.publicKey);

  // An amount that is not a whole number of L2 units (gwei) is refused by name, before signing.
  const count0 = await env.read(bridge, bridgeAbi, 'messageCount');
  await page.fill('#deposit-amount', '1.0000000001');
  await clickForTx(page, '#deposit');
  const bad = await txDone(page, 'deposit 1.0000000001 ETH');
  assert.equal(bad.state, 'failed');
  assert.match(bad.text, /reverted: AmountNotMultipleOfUnit\(amount: 1000000000100000000, scale: 1000000000\)$/);
  assert.doesNotMatch(bad.text, /JNS|0x[0-9a-f]{8}\b(?!\w)/); // a bridge amount is not JNS; no raw selector
  assert.equal(await env.read(bridge, bridgeAbi, 'messageCount'), count0); // nothing sent

  // ETH to a new account bound to the derived key.
  const next = await env.read(bridge, bridgeAbi, 'nextAccount');
  await page.fill('#deposit-amount', '1');
  await clickForTx(page, '#deposit');
  assert.equal((await txDone(page, 'deposit 1 ETH to a new account')).state, 'mined');
  assert.equal(await env.read(bridge, bridgeAbi, 'messageCount'), count0 + 1n);
  assert.equal(await env.read(bridge, bridgeAbi, 'nextAccount'), next + 1);
  const queued = await env.pub.getContractEvents({ address: bridge, abi: bridgeAbi, eventName: 'MessageEnqueued', args: { nonce: count0 }, fromBlock: 0n });
  assert.equal(queued.length, 1);
  const msg = JSON.parse(l2.decodeMessage(hexToBytes(queued[0].args.record)));
  assert.equal(msg.kind, 'newAccount');
  assert.equal(msg.l2Key, c.publicKey); // the key queued on L1 is the key derived from the wallet
  assert.equal(msg.l1Sender, c.l1Address);
  assert.equal(msg.account, next);
  assert.equal(msg.amount, '1000000000'); // 1 ETH in gwei
  const account = next;
  await page.locator('#deposit-account-index', { hasText: `#${account}` }).waitFor();
  await page.locator(`#bound-accounts tr[data-account="${account}"] .key-match`, { hasText: 'your derived key' }).waitFor();

  // 0.1 ETH more to that existing account.
  await page.selectOption('#deposit-to', 'existing');
  await page.fill('#deposit-account', String(account));
  await page.fill('#deposit-amount', '0.1');
  await clickForTx(page, '#deposit');
  assert.equal((await txDone(page, `deposit 0.1 ETH to account #${account}`)).state, 'mined');
  assert.equal(await env.read(bridge, bridgeAbi, 'messageCount'), count0 + 2n);

  // A real batch on top of the tip (the fixture's genesis): every unconsumed message, then two
  // withdrawals signed with the derived key (nonces 0, 1): 0.2 ETH to another address, then 0.4 ETH
  // (fee 1000 gwei) to the user. janus-l2 (wasm) applies it for the new state root.
  assert.equal(await env.read(rollup, rollupAbi, 'tipId'), 0n, 'the fixture has no batch yet');
  const sk = hexToBytes(c.secretKey);
  const toOther = l2.signWithdraw(sk, L2_CHAIN_ID, account, hexToBytes(other.address), 0, 200_000_000n, 0n, 0n);
  const toUser = l2.signWithdraw(sk, L2_CHAIN_ID, account, hexToBytes(user.address), 0, 400_000_000n, 1000n, 1n);
  const state = new l2.L2State();
  const { batchId, data, out, submitted } = await postBatch(env, l2, state, { feeAccount: account, txs: [toOther, toUser], chainId: L2_CHAIN_ID });
  assert.equal(out.msgEnd, (count0 + 2n).toString());
  assert.deepEqual(JSON.parse(state.account(account)).balances, ['500000000', '0', '0', '0']); // 1.1 ETH − 0.2 − 0.4 − fee + fee (own fee account)
  assert.equal(submitted.args.withdrawalRoot, out.withdrawalRoot); // L1's root of the data = janus-l2's

  // The page lists only the user's withdrawal (index 1 of 2), pending, not yet finalizable.
  const row = page.locator(`#withdrawals tr.withdrawal[data-batch="${batchId}"]`);
  await row.waitFor({ timeout: 15000 });
  assert.equal(await page.locator('#withdrawals tr.withdrawal').count(), 1);
  assert.equal(await row.getAttribute('data-index'), '1');
  assert.equal(await row.locator('.amount').innerText(), '0.4 ETH');
  assert.match(await row.locator('.status').innerText(), /^pending: challengeable until .* left\)$/);
  assert.equal(await row.locator('button.finalize-withdrawal').isDisabled(), true);
  // The page replays the batch data itself (janus-l2 wasm): the account's L2 balance after batch 1.
  await page.locator(`#bound-accounts tr[data-account="${account}"] .l2-balance`, { hasText: '0.5 ETH · nonce 2' }).waitFor({ timeout: 15000 });
  assert.match(await page.locator('#bound-accounts tr th').last().innerText(), new RegExp(`after batch #${batchId}$`));
  await page.screenshot({ path: join(SHOTS, 'bridge-pending.png'), fullPage: true });

  assert.equal(await row.locator('button.finalize-batch').count(), 0);
  // Past the challenge window, anyone may finalize the batch: the page offers it.
  const { challengeWindow } = await env.read(rollup, rollupAbi, 'params');
  await env.testClient.increaseTime({ seconds: Number(challengeWindow) + 1 });
  await env.testClient.mine({ blocks: 1 });
  await row.locator('button.finalize-batch').waitFor({ timeout: 15000 });
  await clickForTx(page, `#withdrawals tr.withdrawal[data-batch="${batchId}"] button.finalize-batch`);
  assert.equal((await txDone(page, `finalize batch ${batchId}`)).state, 'mined');
  assert.equal(await env.read(rollup, rollupAbi, 'isFinalized', [batchId]), true);
  await page.locator(`#withdrawals tr.withdrawal[data-batch="${batchId}"][data-status="finalized"]`).waitFor({ timeout: 15000 });
  assert.equal(await row.locator('.status').innerText(), 'final (challenge window passed)');

  // The page finalizes it on L1 with the proof it computed: the user is paid exactly 0.4 ETH.
  const before = await env.pub.getBalance({ address: user.address });
  await clickForTx(page, `#withdrawals tr.withdrawal[data-batch="${batchId}"] button.finalize-withdrawal`);
  const done = await txDone(page, `finalize withdrawal ${batchId}/1`);
  assert.equal(done.state, 'mined', done.text);
  const txHash = done.text.match(/0x[0-9a-f]{64}/)[0];
  const r = await env.pub.getTransactionReceipt({ hash: txHash });
  const after = await env.pub.getBalance({ address: user.address });
  assert.equal(after - before, parseEther('0.4') - r.gasUsed * r.effectiveGasPrice);
  assert.equal(await env.read(bridge, bridgeAbi, 'isWithdrawn', [batchId, 1]), true);
  assert.equal(await env.read(bridge, bridgeAbi, 'isWithdrawn', [batchId, 0]), false);
  const [paid] = parseEventLogs({ abi: bridgeAbi, logs: r.logs, eventName: 'WithdrawalFinalized' });
  assert.equal(paid.args.recipient, user.address);
  assert.equal(paid.args.amount, parseEther('0.4'));
  await page.locator(`#withdrawals tr.withdrawal[data-batch="${batchId}"][data-status="paid"]`).waitFor({ timeout: 15000 });
  await page.screenshot({ path: join(SHOTS, 'bridge-paid.png'), fullPage: true });

  // The proof the page used is janus-l2's for that batch (the same module in this process).
  const proof = JSON.parse(l2.withdrawalProof(data, 1));
  assert.equal(proof.root, out.withdrawalRoot);
  const sent = await env.pub.getTransaction({ hash: txHash });
  assert.ok(sent.input.includes(proof.proof[0].slice(2)), 'the sibling in the page\'s call is janus-l2\'s');
  assert.deepEqual(errors, []);
  await close();
});

test('a listed ERC-20 (JNS) to a new account: approve, then depositERC20NewAccount', async () => {
  const { bridge, token } = env.deployment;
  const c = walletKeyVectors().cases.find((x) => x.l2ChainId === Number(L2_CHAIN_ID));
  const user = devAccount(c.anvilAccountIndex);
  // Test setup: the bridge's owner lists the token, impersonated on anvil; the user gets 100 JNS.
  const ownerAddr = await env.read(bridge, bridgeAbi, 'owner');
  await env.testClient.impersonateAccount({ address: ownerAddr });
  await env.testClient.setBalance({ address: ownerAddr, value: parseEther('1') });
  const owner = createWalletClient({ account: ownerAddr, chain: env.chain, transport: http(env.rpc) });
  const listed = await owner.writeContract({ address: bridge, abi: bridgeAbi, functionName: 'listToken', args: [token, 1_000_000_000n] });
  assert.equal((await env.pub.waitForTransactionReceipt({ hash: listed })).status, 'success');
  await env.testClient.stopImpersonatingAccount({ address: ownerAddr });
  const asset = (await env.read(bridge, bridgeAbi, 'assetCount')) - 1;
  await env.fund(user.address, parseEther('100'));

  const { page, errors, close } = await openApp(env, user, 'bridge');
  await page.click('#connect');
  await page.locator('#account').waitFor();
  await page.click('#derive-key');
  await page.locator('#l2key-pk').waitFor({ timeout: 15000 });
  await page.locator(`#deposit-asset option[value="${asset}"]`, { hasText: 'JNS' }).waitFor({ state: 'attached', timeout: 15000 });
  await page.selectOption('#deposit-asset', String(asset));
  await page.selectOption('#deposit-to', 'new');
  await page.fill('#deposit-amount', '2.5');
  const held = await env.read(token, tokenAbi, 'balanceOf', [bridge]);
  const count = await env.read(bridge, bridgeAbi, 'messageCount');
  const next = await env.read(bridge, bridgeAbi, 'nextAccount');
  await clickForTx(page, '#deposit');
  assert.equal((await txDone(page, 'approve 2.5 JNS for the bridge')).state, 'mined');
  const done = await txDone(page, 'deposit 2.5 JNS to a new account');
  assert.equal(done.state, 'mined', done.text);
  assert.equal(await env.read(token, tokenAbi, 'balanceOf', [bridge]), held + parseEther('2.5'));
  assert.equal(await env.read(bridge, bridgeAbi, 'messageCount'), count + 1n);
  const [q] = await env.pub.getContractEvents({ address: bridge, abi: bridgeAbi, eventName: 'MessageEnqueued', args: { nonce: count }, fromBlock: 0n });
  const msg = JSON.parse(l2.decodeMessage(hexToBytes(q.args.record)));
  assert.deepEqual([msg.kind, msg.account, msg.l2Key, msg.asset, msg.amount], ['newAccount', next, c.publicKey, asset, '2500000000']);
  await page.locator('#deposit-account-index', { hasText: `#${next}` }).waitFor();
  assert.deepEqual(errors, []);
  await close();
});
