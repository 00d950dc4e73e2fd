// The Wallet tab end to end against a real keeper: anvil from the fixture, one `janus node`
// (target/debug/janus, or JANUS_BIN) sequencing for the only operator left in the set, and the app
// in chromium. The user derives the L2 key and deposits ETH to a new account on the Bridge tab; the
// Wallet tab reads the account from the keeper, signs a transfer and a withdrawal in the page
// (janus-l2 wasm), sends them with janus_sendTransaction and follows their receipts to an L2 block
// (soft confirmation, with its latency) and an L1 batch. Refusals (a used nonce, a balance too small,
// an account bound to another key) are shown in words and cost nothing. Nothing is mocked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytesToHex, createWalletClient, decodeFunctionData, hexToBytes, http, keccak256, parseEther, parseEventLogs } from 'viem';
import { configFromDeployment, startServer } from '../scripts/serve.mjs';
import { REPO, SHOTS, WEB, abi, clickForTx, devAccount, freePort, l2Node, openApp, startEnv, stakingAbi, txDone } from './harness.mjs';

const JANUS = process.env.JANUS_BIN ?? join(REPO, 'target', 'debug', 'janus');
const L2_CHAIN_ID = 424242n;
const bridgeAbi = abi('Bridge');
const rollupAbi = abi('Rollup');
const setAbi = abi('SequencerSet');
const slasherAbi = abi('EquivocationSlasher');

let env;
let l2;
let node;
let nodeLog;
let keeperUrl;
let dataDir;

const as = (a) => createWalletClient({ account: a, chain: env.chain, transport: http(env.rpc) });
const mined = async (hash) => {
  const r = await env.pub.waitForTransactionReceipt({ hash });
  assert.equal(r.status, 'success');
  return r;
};

async function keeper(method, params = []) {
  const r = await fetch(keeperUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  const j = await r.json();
  if (j.error) throw new Error(`${method}: ${j.error.code} ${j.error.message}`);
  return j.result;
}

async function until(what, f, ms = 20000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f().catch(() => undefined);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; node log tail:\n${tail()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const tail = () => (existsSync(nodeLog) ? readFileSync(nodeLog, 'utf8').split('\n').slice(-25).join('\n') : '');
const pkOf = (seed) => bytesToHex(l2.publicKey(l2.secretKeyFromSeed(new Uint8Array(32).fill(seed))));

/** A new L2 account bound to `pk`, opened on L1 by `from`; returns its index. */
async function openAccount(from, pk, eth) {
  const r = await mined(await as(from).writeContract({ address: env.deployment.bridge, abi: bridgeAbi, functionName: 'depositETHNewAccount', args: [pk], value: parseEther(eth) }));
  const [reg] = parseEventLogs({ abi: bridgeAbi, logs: r.logs, eventName: 'AccountRegistered' });
  return Number(reg.args.account);
}

// Accounts opened in setup: the leader's fee account and a transfer recipient (other keys).
let feeAccount;
let recipient;
let operator;
let signerAddr;

before(async () => {
  if (!existsSync(JANUS)) throw new Error(`${JANUS} missing: cargo build -p janus-keeper --bin janus (or set JANUS_BIN)`);
  const port = await freePort();
  keeperUrl = `http://127.0.0.1:${port}`;
  env = await startEnv({ l2Rpc: [keeperUrl] });
  l2 = await l2Node();
  const { staking, sequencerSet } = env.deployment;

  // Leadership: the fixture's first leader stays the only member of the set. The other two
  // operators exit (undelegate their whole self-bond), a snapshot of the ranking takes effect one
  // epoch later, and from then on the one node this test runs leads every epoch.
  while ((await env.read(sequencerSet, setAbi, 'currentLeader')) === '0x0000000000000000000000000000000000000000') await env.testClient.mine({ blocks: 1 });
  operator = await env.read(sequencerSet, setAbi, 'currentLeader');
  for (const i of [1, 2, 3]) {
    const op = devAccount(i);
    if (op.address === operator) continue;
    const shares = await env.read(staking, stakingAbi, 'sharesOf', [op.address, op.address]);
    await mined(await as(op).writeContract({ address: staking, abi: stakingAbi, functionName: 'undelegate', args: [op.address, shares] }));
  }
  // livenessTimeout 3 of the fixture makes a leader's heartbeat due at every L1 block, and each
  // heartbeat is a block on an automining anvil: 4 (the most below the 5-block epoch) stops that.
  const owner = await env.read(sequencerSet, setAbi, 'owner');
  await env.testClient.impersonateAccount({ address: owner });
  await env.testClient.setBalance({ address: owner, value: parseEther('1') });
  const delay = await env.read(sequencerSet, setAbi, 'activationDelay');
  await mined(await createWalletClient({ account: owner, chain: env.chain, transport: http(env.rpc) }).writeContract({ address: sequencerSet, abi: setAbi, functionName: 'setParams', args: [delay, 4n] }));
  await env.testClient.stopImpersonatingAccount({ address: owner });
  const snap = await mined(await env.deployer.writeContract({ address: sequencerSet, abi: setAbi, functionName: 'snapshot' }));
  const [set] = parseEventLogs({ abi: setAbi, logs: snap.logs, eventName: 'SetSnapshotted' });
  assert.deepEqual(set.args.operators, [operator]);
  while ((await env.read(sequencerSet, setAbi, 'currentEpoch')) < set.args.epoch) await env.testClient.mine({ blocks: 1 });
  assert.equal(await env.read(sequencerSet, setAbi, 'currentLeader'), operator);

  const depositor = devAccount(12);
  await env.fund(depositor.address, 0n);
  feeAccount = await openAccount(depositor, pkOf(7), '0.01');
  recipient = await openAccount(depositor, pkOf(8), '0.5');

  // The leader's node: its signer (anvil accounts 4-6 sign for operators 1-3), sequencing, no prover.
  signerAddr = await env.read(staking, stakingAbi, 'signerOf', [operator]);
  const signerIndex = [4, 5, 6].find((i) => devAccount(i).address === signerAddr);
  assert.ok(signerIndex, `the leader's signer ${signerAddr} is one of the fixture's`);
  const signerKey = bytesToHex(devAccount(signerIndex).getHdKey().privateKey);
  dataDir = mkdtempSync(join(tmpdir(), 'janus-wallet-test-'));
  nodeLog = join(SHOTS, 'wallet-janus-node.log');
  const log = createWriteStream(nodeLog);
  node = spawn(JANUS, [
    'node',
    '--l1-rpc', env.rpc,
    '--deployment', join(env.fixtures, 'devnet-deployment.json'),
    '--data-dir', dataDir,
    '--signer-key', signerKey,
    '--operator', operator,
    '--sequence',
    '--fee-account', String(feeAccount),
    '--prove', 'none',
    '--rpc-addr', `127.0.0.1:${port}`,
    '--ops-addr', `127.0.0.1:${await freePort()}`,
    '--confirmations', '0',
    '--poll-ms', '200',
    '--batch-secs', '2',
    '--epoch-margin-blocks', '0',
    '--l2-chain-id', String(L2_CHAIN_ID),
  ], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  node.stdout.pipe(log);
  node.stderr.pipe(log);
  await until('the node to lead', async () => (await keeper('janus_leader')).isSelf === true);
  await until('the node to hold the setup accounts', async () => (await keeper('janus_getAccount', [recipient]))?.balances[0] === '500000000');
});

after(async () => {
  if (node && node.exitCode === null) {
    const exited = new Promise((r) => node.once('exit', r));
    node.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (node.exitCode === null) node.kill('SIGKILL');
  }
  await env?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const balance = async (i) => {
  const a = await keeper('janus_getAccount', [i]);
  return { eth: BigInt(a.balances[0]), nonce: BigInt(a.nonce) };
};

/** Click a send button; the new entry of the page's L2 transaction list, pinned by its hash. */
async function sendFrom(page, button) {
  const n = await page.locator('#l2-txs li.l2tx').count();
  await page.click(button);
  await page.waitForFunction((k) => document.querySelectorAll('#l2-txs li.l2tx').length > k, n);
  const hash = await page.locator('#l2-txs li.l2tx').first().getAttribute('data-hash');
  return page.locator(`#l2-txs li.l2tx[data-hash="${hash}"]`);
}

/** The batch data L1 holds for batch `id` (from the posting transaction), decoded by janus-l2. */
async function batchOnL1(id) {
  const logs = await env.pub.getContractEvents({ address: env.deployment.rollup, abi: rollupAbi, eventName: 'BatchSubmitted', args: { batchId: BigInt(id) }, fromBlock: 0n });
  assert.equal(logs.length, 1, `batch ${id} posted on L1`);
  const tx = await env.pub.getTransaction({ hash: logs[0].transactionHash });
  const data = decodeFunctionData({ abi: rollupAbi, data: tx.input }).args[3];
  return JSON.parse(l2.decodeBatch(hexToBytes(data)));
}

test('the Wallet tab signs transfers and withdrawals for the derived key and follows them on a real keeper', async () => {
  const user = devAccount(14);
  await env.fund(user.address, 0n);
  // An account this address opened for a key it cannot derive: the page must refuse to sign for it.
  const foreign = await openAccount(user, pkOf(9), '0.1');

  const { page, errors, close } = await openApp(env, user, 'bridge');
  // Every keeper call the page makes: it must go straight to the node's own URL, cross-origin (the
  // app's server only serves files), and get the keeper's CORS header back.
  const keeperCalls = [];
  const appOrigin = new URL(env.url).origin;
  page.on('requestfinished', async (req) => {
    if (req.method() !== 'POST' || new URL(req.url()).origin === new URL(env.rpc).origin) return;
    const res = await req.response();
    keeperCalls.push({ url: req.url(), origin: await req.headerValue('origin'), allow: await res?.headerValue('access-control-allow-origin'), method: JSON.parse(req.postData() ?? '{}').method });
  });
  await page.click('#connect');
  await page.locator('#account').waitFor();
  await page.click('#derive-key');
  await page.locator('#l2key-pk').waitFor({ timeout: 15000 });
  // The same key, derived in this process from the same wallet signature (to check the records).
  const sig = await user.signMessage({ message: l2.walletKeyMessage(L2_CHAIN_ID, hexToBytes(user.address)) });
  const sk = l2.secretKeyFromWalletSignature(hexToBytes(sig));
  assert.equal(await page.locator('#l2key-pk').innerText(), bytesToHex(l2.publicKey(sk)));

  // 1 ETH to a new account bound to the derived key, through the Bridge tab.
  await page.fill('#deposit-amount', '1');
  await clickForTx(page, '#deposit');
  assert.equal((await txDone(page, 'deposit 1 ETH to a new account')).state, 'mined');
  const account = Number((await page.locator('#deposit-account-index').innerText()).slice(1));
  assert.equal(account, foreign + 1);

  // The Wallet tab: the keeper's view of the account once its block consumed the deposit.
  await page.click('#nav-wallet');
  // The page calls the node's own URL directly (no relay: the app has no backend).
  await page.locator('#keeper-status', { hasText: `keeper: ${keeperUrl} (L2 chain ${L2_CHAIN_ID})` }).waitFor();
  const row = page.locator(`#wallet-accounts tr[data-account="${account}"]`);
  await row.locator('.l2-balance', { hasText: '1 ETH' }).waitFor({ timeout: 20000 });
  assert.equal(await row.locator('.l2-nonce').innerText(), '0');
  assert.equal(await row.getAttribute('data-key'), 'mine');
  assert.equal(await page.locator(`#wallet-accounts tr[data-account="${foreign}"]`).getAttribute('data-key'), 'other');
  assert.deepEqual(await balance(account), { eth: 1_000_000_000n, nonce: 0n });

  // A transfer of 0.25 ETH with a fee of 0.001 ETH to the recipient account.
  const [u0, r0, f0] = await Promise.all([balance(account), balance(recipient), balance(feeAccount)]);
  await page.selectOption('#wallet-from', String(account));
  await page.fill('#transfer-to', String(recipient));
  await page.fill('#transfer-amount', '0.25');
  await page.fill('#transfer-fee', '0.001');
  const t1 = await sendFrom(page, '#transfer-send');
  await t1.and(page.locator('[data-status="included"], [data-status="batched"]')).waitFor({ timeout: 15000 });
  const t1Text = await t1.innerText();
  assert.match(t1Text, /^transfer 0\.25 ETH #\d+ → #\d+ \(fee 0\.001 ETH, nonce 0\)/);
  const block = Number(t1Text.match(/included in L2 block (\d+)/)[1]);
  const latency = Number(await t1.locator('.latency').getAttribute('data-ms'));
  assert.match(await t1.locator('.latency').innerText(), new RegExp(`soft-confirmed ${latency} ms after sending`));
  assert.ok(latency > 0 && latency < 10000, `latency ${latency} ms`);
  // Exactly amount + fee left the sender, the amount reached the recipient, the fee the leader.
  const [u1, r1, f1] = await Promise.all([balance(account), balance(recipient), balance(feeAccount)]);
  assert.deepEqual(u1, { eth: u0.eth - 250_000_000n - 1_000_000n, nonce: 1n });
  assert.deepEqual(r1, { eth: r0.eth + 250_000_000n, nonce: r0.nonce });
  assert.deepEqual(f1, { eth: f0.eth + 1_000_000n, nonce: f0.nonce });
  // The keeper's block holds exactly the record signed here (tx hash = keccak256(record)).
  const record = bytesToHex(l2.signTransfer(sk, L2_CHAIN_ID, account, recipient, 0, 250_000_000n, 1_000_000n, 0n));
  assert.equal(await t1.getAttribute('data-hash'), keccak256(record));
  const b = await keeper('janus_getBlockByNumber', [block]);
  assert.ok(b.transactions.includes(keccak256(record)), `block ${block} holds the transfer`);
  // The page checked the block's soft confirmation (§13.4) itself: its signer is the node's signer
  // key, registered on L1 for the operator that leads.
  assert.equal(b.signer.toLowerCase(), signerAddr.toLowerCase());
  const conf = t1.locator('.softconf[data-verified]');
  await conf.waitFor({ timeout: 10000 });
  assert.equal(await conf.getAttribute('data-verified'), 'yes', await conf.innerText());
  assert.equal(await conf.getAttribute('data-signer'), signerAddr);
  assert.equal(await conf.getAttribute('data-operator'), operator);
  assert.equal(await conf.innerText(), `· signed by ${signerAddr} (operator ${operator})`);
  await checkSoftConfirmationFunction(page, b);
  // Balances on the page follow the confirmation.
  await row.locator('.l2-balance', { hasText: '0.749 ETH' }).waitFor({ timeout: 10000 });
  await row.locator('.l2-nonce', { hasText: '1' }).waitFor();

  // The node posts the block: the receipt reaches "batched" and L1's batch data holds the transfer.
  await t1.and(page.locator('[data-status="batched"]')).waitFor({ timeout: 20000 });
  const batchId = Number(await t1.getAttribute('data-batch'));
  assert.match(await t1.locator('.l2-state').innerText(), new RegExp(`^included in L2 block ${block}, batched in L1 batch ${batchId}$`));
  const onL1 = await batchOnL1(batchId);
  assert.ok(onL1.txs.some((t) => t.type === 'transfer' && t.from === account && t.to === recipient && t.amount === '250000000' && t.fee === '1000000' && t.nonce === '0'));
  assert.equal(onL1.feeAccount, feeAccount);

  // A used nonce: the keeper refuses it (-39008) and the page says so in words; nothing moves.
  await page.fill('#wallet-nonce', '0');
  await page.fill('#transfer-amount', '0.01');
  await page.fill('#transfer-fee', '0');
  await page.click('#transfer-send');
  const refused = page.locator('#l2-txs li.l2tx[data-status="refused"]').first();
  await refused.waitFor({ timeout: 10000 });
  const refusedText = await refused.locator('.l2-state').innerText();
  assert.match(refusedText, new RegExp(`^refused by the keeper: -39008 nonce too low: account ${account} is at nonce 1, transaction has 0$`));
  assert.doesNotMatch(refusedText, /[{}"]/); // words, not JSON
  assert.deepEqual(await balance(account), u1);

  // More than the balance: pooled, then dropped by the block producer with janus-l2's reason.
  await page.fill('#wallet-nonce', '');
  await page.fill('#transfer-amount', '5');
  const dropped = await sendFrom(page, '#transfer-send');
  await dropped.and(page.locator('[data-status="dropped"]')).waitFor({ timeout: 15000 });
  assert.match(await dropped.innerText(), /\(fee 0 ETH, nonce 1\)/); // the keeper's nonce again: the refused one did not count
  assert.match(await dropped.locator('.l2-state').innerText(), /^dropped by the block producer: insufficient balance: have 749000000, need 5000000000 \+ fee 0 \(in L2 units: 1 = 0\.000000001 ETH\)$/);
  assert.deepEqual(await balance(account), u1);

  // The account bound to another key: refused in the page, nothing signed or sent.
  const sentCount = await page.locator('#l2-txs li.l2tx').count();
  await page.selectOption('#wallet-from', String(foreign));
  await page.fill('#transfer-amount', '0.01');
  await page.click('#transfer-send');
  await page.locator('#l2-send-msg', { hasText: `account #${foreign} is bound on L1 to the key` }).waitFor();
  assert.match(await page.locator('#l2-send-msg').innerText(), /not to the key derived from your wallet .*the page signs only for accounts bound to your derived key/);
  assert.equal(await page.locator('#l2-txs li.l2tx').count(), sentCount);
  assert.equal((await balance(foreign)).nonce, 0n);

  // A withdrawal of 0.1 ETH to the connected address (the default recipient), nonce 1 (the
  // dropped transaction freed it).
  await page.selectOption('#wallet-from', String(account));
  assert.equal(await page.inputValue('#withdraw-to'), '');
  await page.fill('#withdraw-amount', '0.1');
  const w = await sendFrom(page, '#withdraw-send');
  await w.and(page.locator('[data-status="batched"]')).waitFor({ timeout: 20000 });
  assert.match(await w.innerText(), new RegExp(`^withdraw 0\\.1 ETH #${account} → 0x[0-9a-fA-F]{4}…[0-9a-fA-F]{4} on L1 \\(fee 0 ETH, nonce 1\\)`));
  assert.ok(Number(await w.locator('.latency').getAttribute('data-ms')) > 0);
  assert.equal(await w.locator('.softconf').getAttribute('data-verified'), 'yes');
  assert.equal(await w.locator('.softconf').getAttribute('data-signer'), signerAddr);
  assert.deepEqual(await balance(account), { eth: u1.eth - 100_000_000n, nonce: 2n });
  const wb = await batchOnL1(Number(await w.getAttribute('data-batch')));
  assert.ok(wb.withdrawals.some((x) => x.recipient.toLowerCase() === user.address.toLowerCase() && x.amount === '100000000' && x.from === account), 'the withdrawal is in the batch L1 holds');
  await row.locator('.l2-balance', { hasText: '0.649 ETH' }).waitFor({ timeout: 10000 });
  await page.screenshot({ path: join(SHOTS, 'wallet.png'), fullPage: true });
  // Every L2 call went from the app's origin straight to the node, which allowed it (CORS), and
  // nothing else was POSTed anywhere: janus_chainId, janus_getAccount, janus_sendTransaction, the
  // receipts and the block the page verified.
  assert.ok(keeperCalls.length > 10, `${keeperCalls.length} keeper calls`);
  for (const c of keeperCalls) {
    assert.equal(new URL(c.url).origin, new URL(keeperUrl).origin, `${c.method} sent to ${c.url}`);
    assert.equal(c.origin, appOrigin, `${c.method} is a cross-origin call from the app`);
    assert.equal(c.allow, '*', `${c.method}: the keeper's CORS header`);
  }
  const methods = new Set(keeperCalls.map((c) => c.method));
  for (const m of ['janus_chainId', 'janus_getAccount', 'janus_sendTransaction', 'janus_getTransactionReceipt']) assert.ok(methods.has(m), `the page called ${m}`);
  assert.notEqual(appOrigin, new URL(keeperUrl).origin);
  assert.deepEqual(errors, []);
  await close();
});

/** The page's verification function on the node's real block `b`: its header hash and EIP-712
 *  digest equal the block's hash and L1's own `hashSoftConfirmation`, and every altered block fails
 *  with the reason (a flipped signature byte, another header, a key that is no operator's signer,
 *  the signer of an operator that does not lead, a signer the keeper does not name). */
async function checkSoftConfirmationFunction(page, b) {
  const run = (block, op) => page.evaluate(async ([blk, op]) => {
    const s = window.janusSoftConf;
    const domain = await s.verifier.slasherDomain();
    if (op === 'hash') return s.headerHash(blk.header);
    if (op === 'digest') return s.softConfirmationDigest(blk.header, domain, 424242n);
    const head = (await s.verifier.pub.getBlockNumber({ cacheTime: 0 }));
    return s.verifier.verify(blk, [head]);
  }, [block, op]);
  assert.equal(await run(b, 'hash'), b.hash);
  const digest = await run(b, 'digest');
  const onL1 = await env.read(env.deployment.equivocationSlasher, slasherAbi, 'hashSoftConfirmation', [{ l2BlockNumber: BigInt(b.header.number), l2BlockHash: b.hash, parentHash: b.header.parentHash, chainId: L2_CHAIN_ID }]);
  assert.equal(digest, onL1);
  assert.deepEqual(await run(b, 'verify'), { ok: true, signer: signerAddr, operator });

  const sig = hexToBytes(b.signature);
  sig[10] ^= 0x01;
  const flipped = await run({ ...b, signature: bytesToHex(sig) }, 'verify');
  assert.equal(flipped.ok, false);
  assert.match(flipped.reason, /^the signature recovers to 0x[0-9a-fA-F]{40}, not to the signer the keeper names|^bad signature/);
  const otherHeader = await run({ ...b, header: { ...b.header, stateRoot: `0x${'22'.repeat(32)}` } }, 'verify');
  assert.equal(otherHeader.ok, false);
  assert.match(otherHeader.reason, /^the block's hash 0x[0-9a-f]{64} is not its header's \(0x[0-9a-f]{64}\)$/);
  const stranger = devAccount(15);
  const bySomeone = await run({ ...b, signature: await stranger.sign({ hash: digest }), signer: stranger.address }, 'verify');
  assert.deepEqual(bySomeone, { ok: false, reason: `the signer ${stranger.address} is no operator's signer on L1` });
  // The signer of another fixture operator (it exited in setup): registered, but not the leader.
  const otherSigner = [4, 5, 6].map(devAccount).find((a) => a.address !== signerAddr);
  const otherOp = await env.read(env.deployment.staking, stakingAbi, 'operatorOfSigner', [otherSigner.address]);
  const byOther = await run({ ...b, signature: await otherSigner.sign({ hash: digest }), signer: otherSigner.address }, 'verify');
  assert.equal(byOther.ok, false);
  assert.match(byOther.reason, new RegExp(`^signed by ${otherSigner.address} of operator ${otherOp[0]}, which does not lead at L1 block \\d+ \\(${operator} does\\)$`));
  const misnamed = await run({ ...b, signer: stranger.address }, 'verify');
  assert.deepEqual(misnamed, { ok: false, reason: `the signature recovers to ${signerAddr}, not to the signer the keeper names (${stranger.address})` });
}

test('without a reachable keeper the Wallet tab says so', async () => {
  const dead = `http://127.0.0.1:${await freePort()}`;
  const server = await startServer({ dir: join(WEB, 'dist'), config: configFromDeployment(env.deployment, env.rpc, [dead]) });
  try {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}#wallet`);
    const status = page.locator('#keeper-status.error');
    await status.waitFor({ timeout: 15000 });
    assert.match(await status.innerText(), new RegExp(`^no keeper answers: cannot reach ${dead}: Failed to fetch \\(nothing listening, or a server that refuses cross-origin calls\\)`));
    await context.close();
  } finally {
    await server.close();
  }
});
