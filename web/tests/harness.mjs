// Test harness: a real L1 (anvil loaded with keeper/fixtures/devnet-state.json, the whole suite
// deployed by the real scripts) on a free port, the built app served with a config pointing at it,
// Debian's chromium driven by playwright-core, and an injected EIP-1193 wallet whose keys live in
// this process: transactions are signed here with viem and sent raw, typed data is signed here,
// reads go to anvil. Nothing is mocked.
import { spawn } from 'node:child_process';
import { readFileSync, mkdirSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { bytesToHex, createPublicClient, createTestClient, createWalletClient, defineChain, hexToBytes, http, numberToHex, parseEther, parseEventLogs, zeroAddress } from 'viem';
import { mnemonicToAccount, privateKeyToAccount } from 'viem/accounts';
import { configFromDeployment, startServer } from '../scripts/serve.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const WEB = join(HERE, '..');
export const REPO = join(WEB, '..');
export const SHOTS = join(WEB, 'test-results');
// JANUS_FIXTURES: another fixture folder (devnet-state.json, devnet-deployment.json), e.g. a newer one.
const FIXTURES = process.env.JANUS_FIXTURES ?? join(REPO, 'keeper', 'fixtures');
const PLATFORM = `${process.platform}-${process.arch === 'x64' ? 'amd64' : process.arch}`;
const ANVIL = process.env.ANVIL ?? join(REPO, 'node_modules', '@foundry-rs', `anvil-${PLATFORM}`, 'bin', 'anvil');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const MNEMONIC = 'test test test test test test test test test test test junk';
const DEPLOYER_KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';

export const abi = (name) => JSON.parse(readFileSync(join(REPO, 'keeper', 'abi', `${name}.json`), 'utf8'));
export const tokenAbi = JSON.parse(readFileSync(join(WEB, 'abi', 'JanusToken.json'), 'utf8'));
export const stakingAbi = abi('Staking');

/** Account `i` of the default anvil mnemonic (the fixture's operators are 1-3, signers 4-6, delegators 7-9). */
export function devAccount(i) {
  return mnemonicToAccount(MNEMONIC, { addressIndex: i });
}

export function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

async function waitRpc(url, ms = 15000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' });
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`anvil did not answer on ${url}`);
}

/** `l2Rpc`: keeper L2 RPC URLs for the app's config (the page calls them directly, cross-origin). */
export async function startEnv({ l2Rpc = [] } = {}) {
  if (!existsSync(join(WEB, 'dist', 'index.html'))) throw new Error('web/dist missing: run `npm run build` first');
  mkdirSync(SHOTS, { recursive: true });
  const port = await freePort();
  const rpc = `http://127.0.0.1:${port}`;
  const anvil = spawn(ANVIL, ['--load-state', join(FIXTURES, 'devnet-state.json'), '--port', String(port), '--host', '127.0.0.1', '--silent'], { stdio: 'ignore' });
  await waitRpc(rpc);
  const deployment = JSON.parse(readFileSync(join(FIXTURES, 'devnet-deployment.json'), 'utf8'));
  const chain = defineChain({ id: deployment.chainId, name: 'anvil', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [rpc] } } });
  const server = await startServer({ dir: join(WEB, 'dist'), config: configFromDeployment(deployment, rpc, l2Rpc) });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const pub = createPublicClient({ chain, transport: http(rpc) });
  const testClient = createTestClient({ chain, mode: 'anvil', transport: http(rpc) });
  const deployer = createWalletClient({ chain, account: privateKeyToAccount(DEPLOYER_KEY), transport: http(rpc) });
  const env = {
    rpc,
    fixtures: FIXTURES,
    chain,
    deployment,
    url: server.url,
    browser,
    pub,
    testClient,
    read: (address, abi_, functionName, args = []) => pub.readContract({ address, abi: abi_, functionName, args }),
    /** Test setup only: ETH by anvil_setBalance, JNS from the deployer (who holds the supply in the fixture). */
    async fund(address, jnsWei) {
      await testClient.setBalance({ address, value: parseEther('100') });
      if (jnsWei > 0n) {
        const hash = await deployer.writeContract({ address: deployment.token, abi: tokenAbi, functionName: 'transfer', args: [address, jnsWei] });
        const r = await pub.waitForTransactionReceipt({ hash });
        if (r.status !== 'success') throw new Error('funding failed');
      }
    },
    deployer,
    async close() {
      await browser.close().catch(() => {});
      await server.close();
      anvil.kill();
    },
  };
  return env;
}

// The page side of the wallet: forwards every request to the test process.
const PROVIDER = `(() => {
  const listeners = {};
  window.ethereum = {
    isJanusTestWallet: true,
    async request({ method, params }) {
      const res = JSON.parse(await window.__janusWallet(JSON.stringify({ method, params: params ?? [] })));
      if (res.error) {
        const e = new Error(res.error.message);
        e.code = res.error.code;
        e.data = res.error.data;
        throw e;
      }
      return res.result;
    },
    on(ev, f) { (listeners[ev] ??= []).push(f); },
    removeListener(ev, f) { listeners[ev] = (listeners[ev] ?? []).filter((g) => g !== f); },
  };
})();`;

function typedValues(types, type, value) {
  if (type.endsWith(']')) return value.map((v) => typedValues(types, type.slice(0, type.lastIndexOf('[')), v));
  if (types[type]) return Object.fromEntries(types[type].map((f) => [f.name, typedValues(types, f.type, value[f.name])]));
  if (/^u?int\d*$/.test(type)) return BigInt(value);
  return value;
}

/** Open the app with a wallet holding `account` (a viem local account); `log` records every request.
 *  `overrides[method](params, defaultHandler)` replaces the wallet's answer to one method. */
export async function openApp(env, account, hash = '', overrides = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  const log = [];
  const chains = new Set([1]);
  let chainId = 1; // the wallet starts on mainnet: the app has to add and switch to the devnet
  const signer = account && createWalletClient({ account, chain: env.chain, transport: http(env.rpc) });
  if (account) {
    await page.exposeFunction('__janusWallet', async (json) => {
      const { method, params } = JSON.parse(json);
      log.push({ method, params });
      try {
        return JSON.stringify({ result: await handle(method, params) }, (_, v) => (typeof v === 'bigint' ? numberToHex(v) : v));
      } catch (e) {
        const err = e.code ? e : { code: -32603, message: e.shortMessage ?? e.message, data: e.data };
        return JSON.stringify({ error: { code: err.code, message: err.message, data: err.data } });
      }
    });
    await page.addInitScript(PROVIDER);
  }
  async function handle(method, params) {
    if (overrides[method]) return overrides[method](params, (p) => handleDefault(method, p));
    return handleDefault(method, params);
  }
  async function handleDefault(method, params) {
    switch (method) {
      case 'eth_requestAccounts':
      case 'eth_accounts':
        return [account.address];
      case 'eth_chainId':
        return numberToHex(chainId);
      case 'wallet_switchEthereumChain': {
        const id = Number(params[0].chainId);
        if (!chains.has(id)) throw { code: 4902, message: `Unrecognized chain ID ${params[0].chainId}` };
        chainId = id;
        return null;
      }
      case 'wallet_addEthereumChain':
        if (!params[0].rpcUrls?.includes(env.rpc)) throw { code: -32602, message: 'unexpected rpc url' };
        chains.add(Number(params[0].chainId));
        return null;
      case 'eth_sendTransaction': {
        const tx = params[0];
        if (chainId !== env.chain.id) throw { code: 4901, message: 'wallet is on another chain' };
        if (tx.from && tx.from.toLowerCase() !== account.address.toLowerCase()) throw { code: 4100, message: 'unknown from' };
        // Signed here (viem fills nonce, gas and fees), sent as eth_sendRawTransaction.
        return await signer.sendTransaction({ to: tx.to, data: tx.data, value: tx.value ? BigInt(tx.value) : undefined, gas: tx.gas ? BigInt(tx.gas) : undefined });
      }
      case 'personal_sign': {
        // EIP-191: params are [message as hex, address].
        const [data, from] = params;
        if (from.toLowerCase() !== account.address.toLowerCase()) throw { code: 4100, message: 'unknown signer' };
        return await account.signMessage({ message: { raw: data } });
      }
      case 'eth_signTypedData_v4': {
        const [from, data] = params;
        if (from.toLowerCase() !== account.address.toLowerCase()) throw { code: 4100, message: 'unknown signer' };
        const t = typeof data === 'string' ? JSON.parse(data) : data;
        const { EIP712Domain, ...types } = t.types;
        const domain = typedValues({ EIP712Domain }, 'EIP712Domain', t.domain);
        return await account.signTypedData({ domain, types, primaryType: t.primaryType, message: typedValues(types, t.primaryType, t.message) });
      }
      default: {
        const r = await fetch(env.rpc, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
        const j = await r.json();
        if (j.error) throw j.error;
        return j.result;
      }
    }
  }
  await page.goto(env.url + (hash ? `#${hash}` : ''));
  return { page, log, errors, close: () => context.close() };
}

/** Wait for the newest transaction-log entry whose label contains `label` to reach a final state. */
export async function txDone(page, label, timeout = 20000) {
  const entry = page.locator('#txlog li.tx', { hasText: label }).first();
  await entry.locator('xpath=self::*[@data-state="mined" or @data-state="reverted" or @data-state="failed"]').waitFor({ timeout });
  return { state: await entry.getAttribute('data-state'), text: await entry.innerText() };
}

/** Click `selector` and wait until the transaction log has a new entry (some flows await before adding it). */
export async function clickForTx(page, selector) {
  const n = await page.locator('#txlog li.tx').count();
  await page.click(selector);
  await page.waitForFunction((k) => document.querySelectorAll('#txlog li.tx').length > k, n);
}

/** janus-l2 (wasm, web/wasm/pkg) loaded in this process: the same module the page runs, for test
 *  setup that needs L2 formats (building a batch, its state roots). */
export async function l2Node() {
  const l2 = await import(join(WEB, 'wasm', 'pkg', 'janus_l2_wasm.js'));
  l2.initSync({ module: readFileSync(join(WEB, 'wasm', 'pkg', 'janus_l2_wasm_bg.wasm')) });
  return l2;
}

/** The wallet-key vectors written and checked by janus-l2 (l2/tests/wallet_keys.rs). */
export const walletKeyVectors = () => JSON.parse(readFileSync(join(REPO, 'l2', 'tests', 'vectors', 'wallet_keys.json'), 'utf8'));

const cat = (xs) => new Uint8Array(xs.flatMap((x) => [...(typeof x === 'string' ? hexToBytes(x) : x)]));

/** Post a real batch on the rollup's tip: the unconsumed L1 messages (`messages: 'all'`) or none,
 *  then `txs` (137-byte records), applied by janus-l2 (wasm) to `state` (an `L2State` holding the
 *  tip's state) for the new state root; posted by the signer of the leader of the block it lands in
 *  (the fixture's signers are anvil accounts 4-6). `claimRoot` posts another state root than the
 *  data gives (an invalid batch). Returns `{ batchId, data, out, receipt, submitted }`. */
export async function postBatch(env, l2, state, { feeAccount = 0, txs = [], messages = 'all', chainId = 424242n, claimRoot = null } = {}) {
  const { bridge, rollup, sequencerSet, staking } = env.deployment;
  const bridgeAbi = abi('Bridge');
  const rollupAbi = abi('Rollup');
  const tipId = await env.read(rollup, rollupAbi, 'tipId');
  const tip = await env.read(rollup, rollupAbi, 'getBatch', [tipId]);
  if (state.root() !== tip.stateRoot) throw new Error(`the L2 state given (${state.root()}) is not the tip's (${tip.stateRoot})`);
  const msgStart = tip.msgEnd;
  let records = [];
  if (messages === 'all') {
    const logs = await env.pub.getContractEvents({ address: bridge, abi: bridgeAbi, eventName: 'MessageEnqueued', fromBlock: 0n });
    records = logs.filter((l) => l.args.nonce >= msgStart).sort((a, b) => Number(a.args.nonce - b.args.nonce)).map((l) => l.args.record);
  }
  const data = l2.encodeBatch(feeAccount, cat(records), cat(txs));
  const chainBefore = await env.read(bridge, bridgeAbi, 'messageChain', [msgStart]);
  const out = JSON.parse(state.applyBatch(data, chainId, msgStart, hexToBytes(chainBefore)));
  let leader = zeroAddress;
  for (let i = 0; i < 20; i++) {
    leader = await env.read(sequencerSet, abi('SequencerSet'), 'leaderAt', [(await env.pub.getBlockNumber({ cacheTime: 0 })) + 1n]);
    if (leader !== zeroAddress) break;
    await env.testClient.mine({ blocks: 1 });
  }
  const signerAddr = await env.read(staking, stakingAbi, 'signerOf', [leader]);
  const signer = [4, 5, 6].map(devAccount).find((a) => a.address === signerAddr);
  if (!signer) throw new Error(`leader ${leader}'s signer ${signerAddr} is not one of the fixture's`);
  const poster = createWalletClient({ account: signer, chain: env.chain, transport: http(env.rpc) });
  const hash = await poster.writeContract({ address: rollup, abi: rollupAbi, functionName: 'submitBatch', args: [tipId, tip.stateRoot, claimRoot ?? out.newRoot, bytesToHex(data)] });
  const receipt = await env.pub.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error('submitBatch reverted');
  const [submitted] = parseEventLogs({ abi: rollupAbi, logs: receipt.logs, eventName: 'BatchSubmitted' });
  return { batchId: submitted.args.batchId, data, out, receipt, submitted };
}
