// Owns the Wallet tab: the L2 side of the derived key (docs/l2-spec.md §14). The accounts the
// connected address opened on L1 (AccountRegistered, as on the Bridge tab) with their balances and
// nonce from a keeper (janus_getAccount on the first keeper of config.l2Rpc that answers), and
// transfers and withdrawals signed here by janus-l2 (wasm) with the derived key, sent with
// janus_sendTransaction and followed by polling janus_getTransactionReceipt: pending → included in
// an L2 block (soft confirmation, with the latency from sending) → batched on L1, or dropped with
// the producer's reason. The page signs only for accounts bound on L1 to the derived key.
import { getAddress, isAddress, keccak256, parseUnits, type Address, type Hex } from 'viem';
import type { App, View } from '../app';
import { describeError } from '../errors';
import { Latest } from '../latest';
import { short } from '../format';
import { describeKeeperError, firstKeeper, KeeperError, KeeperRpc, type KeeperAccount, type Receipt } from '../keeper';
import { signTransfer, signWithdraw } from '../l2';
import { deriveL2Key } from '../l2key';
import type { AssetInfo, BoundAccount } from '../rollup';
import { field, fill, h, setOptions } from '../ui';
import { assetAmount } from './bridge';

/** Assets an L2 account holds (docs/l2-spec.md §8.1: NUM_ASSETS). */
const NUM_ASSETS = 4;
/** -39040: no leader may take it right now (a hand-over is being mined): retried this many times. */
const LEADER_RETRIES = 8;

interface SentTx {
  hash: Hex;
  asset: AssetInfo;
  label: string;
  from: number;
  nonce: bigint;
  sentAt: number;
  rpc: KeeperRpc;
  status: Receipt['status'] | 'unknown';
  /** Milliseconds from sending to the first `included` receipt. */
  latencyMs: number | null;
  /** The L1 head when it was sent (its block's signer must lead then or when checked). */
  l1Block: bigint | null;
  /** The soft confirmation of its block was checked (or is being checked). */
  checked: boolean;
  done: boolean;
  el: HTMLElement;
}

export function walletView(app: App): View {
  const keeperEl = h('p', { id: 'keeper-status', class: 'muted' }, 'looking for a keeper…');
  const keyMsg = h('div', { id: 'wallet-key-msg' });
  const keyEl = h('div', { id: 'wallet-key' });
  const deriveBtn = h('button', {
    id: 'wallet-derive-key',
    onclick: async () => {
      keyMsg.className = 'muted';
      try {
        app.l2key = await deriveL2Key(app, (s) => (keyMsg.textContent = s));
        keyMsg.textContent = '';
        app.render();
      } catch (e) {
        keyMsg.className = 'error';
        keyMsg.textContent = describeError(e);
      }
    },
  }, 'Derive my L2 key');
  const accountsEl = h('div', { id: 'wallet-accounts' });

  const fromSel = h('select', { id: 'wallet-from' });
  const nonceIn = h('input', { id: 'wallet-nonce', placeholder: 'automatic', inputmode: 'numeric', size: 8 });
  const sendMsg = h('div', { id: 'l2-send-msg', class: 'error' });

  const tToIn = h('input', { id: 'transfer-to', placeholder: 'account index', inputmode: 'numeric', size: 8 });
  const tAssetSel = h('select', { id: 'transfer-asset' });
  const tAmountIn = h('input', { id: 'transfer-amount', placeholder: '0.1', inputmode: 'decimal' });
  const tFeeIn = h('input', { id: 'transfer-fee', value: '0', inputmode: 'decimal' });
  const tBtn = h('button', { id: 'transfer-send', onclick: () => void transfer() }, 'Sign and send transfer');

  const wToIn = h('input', { id: 'withdraw-to', placeholder: 'L1 address (default: yours)', size: 44 });
  const wAssetSel = h('select', { id: 'withdraw-asset' });
  const wAmountIn = h('input', { id: 'withdraw-amount', placeholder: '0.1', inputmode: 'decimal' });
  const wFeeIn = h('input', { id: 'withdraw-fee', value: '0', inputmode: 'decimal' });
  const wBtn = h('button', { id: 'withdraw-send', onclick: () => void withdraw() }, 'Sign and send withdrawal');

  const txsEl = h('ol', { id: 'l2-txs', reversed: true });

  const el = h(
    'section',
    { id: 'tab-wallet', class: 'tab' },
    h('h2', {}, 'L2 wallet'),
    h('p', { class: 'muted' }, 'Balances and nonces come from a keeper (its working state: soft-confirmed blocks included). Transfers and withdrawals are signed in this page by janus-l2 (WebAssembly) with the L2 key derived from your wallet, for the configured L2 chain, and sent to the keeper; nothing is signed for an account bound to another key.'),
    keeperEl,
    h('div', { class: 'form' }, deriveBtn, keyEl, keyMsg),
    h('h3', {}, 'Your L2 accounts'),
    accountsEl,
    h('h3', {}, 'Send'),
    h('div', { class: 'form' }, field('From account', fromSel), field('Nonce', nonceIn, 'blank: the keeper\'s, after your pending ones')),
    h('h3', {}, 'Transfer on L2'),
    h('div', { class: 'form' }, field('To account', tToIn), field('Asset', tAssetSel), field('Amount', tAmountIn), field('Fee', tFeeIn, 'same asset, to the leader\'s fee account'), tBtn),
    h('h3', {}, 'Withdraw to L1'),
    h('div', { class: 'form' }, field('L1 recipient', wToIn), field('Asset', wAssetSel), field('Amount', wAmountIn), field('Fee', wFeeIn), wBtn),
    sendMsg,
    h('h3', {}, 'Sent from this page'),
    txsEl,
  );

  let keeper: KeeperRpc | null = null;
  let keeperError: string | null = null;
  let finding: Promise<void> | null = null;
  let assets: AssetInfo[] = [];
  let bound: BoundAccount[] = [];
  const boundLoads = new Latest();
  const l2: Map<number, KeeperAccount | null | string> = new Map();
  let l2At = 0;
  let loadingL2 = false;
  const sent: SentTx[] = [];

  function findKeeper(): Promise<void> {
    finding ??= (async () => {
      const r = await firstKeeper(app.cfg.l2Rpc, app.cfg.l2ChainId);
      if ('rpc' in r) {
        keeper = r.rpc;
        keeperError = null;
      } else {
        keeper = null;
        keeperError = r.error;
      }
      renderKeeper();
    })().finally(() => (finding = null));
    return finding;
  }

  function renderKeeper(): void {
    if (keeper) {
      keeperEl.className = 'ok';
      keeperEl.textContent = `keeper: ${keeper.url} (L2 chain ${app.cfg.l2ChainId})`;
    } else if (keeperError) {
      keeperEl.className = 'error';
      keeperEl.textContent = `${keeperError}. Balances, nonces and sending need a keeper.`;
    }
  }

  async function loadBound(block: bigint, owner: Address): Promise<boolean> {
    let stored = false;
    try {
      const [a, b] = await Promise.all([app.rollup.assets(block), app.rollup.boundAccounts(owner, block)]);
      if (app.wallet.account === owner) {
        assets = a.filter((x) => x.id < NUM_ASSETS);
        bound = b;
        stored = true;
      }
    } catch (e) {
      fill(accountsEl, h('p', { class: 'error' }, `cannot read the bridge: ${describeError(e)}`));
    }
    await loadL2();
    return stored;
  }

  /** Balances and nonces of the bound accounts from the keeper. */
  async function loadL2(): Promise<void> {
    if (loadingL2) return;
    loadingL2 = true;
    try {
      if (!keeper) await findKeeper();
      const k = keeper;
      if (k) {
        await Promise.all(
          bound.map(async (b) => {
            try {
              l2.set(b.account, await k.account(b.account));
            } catch (e) {
              l2.set(b.account, describeKeeperError(e));
            }
          }),
        );
        // A keeper that stopped answering: look again next time.
        if ([...l2.values()].some((v) => typeof v === 'string' && !/^-\d+ /.test(v))) keeper = null;
      }
      l2At = Date.now();
    } finally {
      loadingL2 = false;
    }
    render();
  }

  function keyMatches(b: BoundAccount): boolean {
    return !!app.l2key && b.l2Key.toLowerCase() === app.l2key.pk.toLowerCase();
  }

  function balancesText(a: KeeperAccount): string {
    const held = a.balances.map((v, asset) => [asset, v] as const).filter(([asset, v]) => v > 0n || asset === 0);
    return held.map(([asset, v]) => assetAmount(assets, asset, v)).join(' · ');
  }

  function render(): void {
    const k = app.l2key;
    fill(keyEl, k ? h('span', {}, 'L2 key ', h('code', { id: 'wallet-key-pk' }, k.pk)) : h('span', { class: 'muted' }, 'Derive your L2 key (also on the Bridge tab) to sign.'));
    deriveBtn.hidden = !!k;
    if (!app.wallet.account) {
      fill(accountsEl, h('p', { class: 'muted' }, 'Connect a wallet.'));
      return;
    }
    setOptions(tAssetSel, assets.map((a) => [String(a.id), a.symbol]));
    setOptions(wAssetSel, assets.map((a) => [String(a.id), a.symbol]));
    setOptions(fromSel, bound.map((b) => [String(b.account), `#${b.account}${!k ? '' : keyMatches(b) ? ' (your derived key)' : ' (another key)'}`]));
    if (!wToIn.value) wToIn.placeholder = app.wallet.account;
    if (bound.length === 0) {
      fill(accountsEl, h('p', { class: 'muted' }, 'None yet: a deposit to a new account on the Bridge tab opens one.'));
      return;
    }
    fill(
      accountsEl,
      h(
        'table',
        {},
        h('tr', {}, ['account', 'L2 key bound on L1', '', 'balances (keeper)', 'nonce (keeper)'].map((t) => h('th', {}, t))),
        bound.map((b) => {
          const a = l2.get(b.account);
          const match = keyMatches(b);
          return h(
            'tr',
            { 'data-account': String(b.account), 'data-key': !k ? 'unknown' : match ? 'mine' : 'other' },
            h('td', {}, `#${b.account}`),
            h('td', {}, h('code', {}, short(b.l2Key))),
            h('td', { class: 'key-match' }, !k ? h('span', { class: 'muted' }, 'derive your key to compare') : match ? h('span', { class: 'ok' }, 'your derived key') : h('span', { class: 'warn' }, 'another key: this page will not sign for it')),
            typeof a === 'string'
              ? h('td', { class: 'l2-balance error', colspan: 2 }, a)
              : a === null
                ? h('td', { class: 'l2-balance muted', colspan: 2 }, 'not on L2 yet (its deposit is not in an L2 block)')
                : a === undefined
                  ? h('td', { class: 'l2-balance muted', colspan: 2 }, keeper || !keeperError ? 'loading…' : 'no keeper')
                  : [h('td', { class: 'l2-balance' }, balancesText(a)), h('td', { class: 'l2-nonce' }, a.nonce.toString())],
          );
        }),
      ),
    );
  }

  /** Amount in L2 units of `asset` from the text in its token's units; throws in words. */
  function l2Units(text: string, asset: AssetInfo, what: string): bigint {
    const v = text.trim();
    if (!/^\d+(\.\d+)?$/.test(v)) throw new Error(`${what}: not an amount: "${text}"`);
    let wei: bigint;
    try {
      wei = parseUnits(v, asset.decimals);
    } catch {
      throw new Error(`${what}: not an amount: "${text}"`);
    }
    if (wei % asset.scale !== 0n) throw new Error(`${what}: ${v} ${asset.symbol} is not a whole number of L2 units (${assetAmount(assets, asset.id, 1n)} each)`);
    return wei / asset.scale;
  }

  /** The sender, its keeper state and the nonce to sign with; or throws why not. */
  async function prepare(): Promise<{ from: number; nonce: bigint; sk: Hex; rpc: KeeperRpc }> {
    const k = app.l2key;
    if (!app.wallet.account) throw new Error('connect a wallet first');
    if (!k || k.owner !== app.wallet.account) throw new Error('derive your L2 key first');
    if (k.chainId !== app.cfg.l2ChainId) throw new Error(`your key was derived for L2 chain ${k.chainId}, not ${app.cfg.l2ChainId}`);
    const from = Number(fromSel.value);
    const b = bound.find((x) => x.account === from);
    if (!fromSel.value || !b) throw new Error('pick one of your accounts to send from');
    if (!keyMatches(b)) {
      throw new Error(`account #${from} is bound on L1 to the key ${b.l2Key}, not to the key derived from your wallet (${k.pk}): the page signs only for accounts bound to your derived key (the L2 would reject any other signature)`);
    }
    if (!keeper) await findKeeper();
    const rpc = keeper;
    if (!rpc) throw new Error(keeperError ?? 'no keeper answers');
    const acct = await rpc.account(from);
    if (!acct) throw new Error(`the keeper does not have account #${from} yet: its deposit is not in an L2 block`);
    if (acct.key.toLowerCase() !== k.pk.toLowerCase()) throw new Error(`the keeper holds account #${from} with the key ${acct.key}, not your derived key: refusing to sign`);
    let nonce: bigint;
    const typed = nonceIn.value.trim();
    if (typed) {
      if (!/^\d+$/.test(typed)) throw new Error(`not a nonce: "${typed}"`);
      nonce = BigInt(typed);
    } else {
      nonce = acct.nonce;
      for (const s of sent) if (!s.done && s.from === from && s.status !== 'dropped' && s.nonce >= nonce) nonce = s.nonce + 1n;
    }
    return { from, nonce, sk: k.sk, rpc };
  }

  async function transfer(): Promise<void> {
    sendMsg.textContent = '';
    try {
      const asset = assets.find((a) => a.id === Number(tAssetSel.value));
      if (!asset) throw new Error('pick an asset');
      const to = tToIn.value.trim();
      if (!/^\d+$/.test(to)) throw new Error('enter the recipient\'s account index');
      const amount = l2Units(tAmountIn.value, asset, 'amount');
      const fee = l2Units(tFeeIn.value || '0', asset, 'fee');
      const p = await prepare();
      const record = signTransfer(p.sk, app.cfg.l2ChainId, { from: p.from, to: Number(to), asset: asset.id, amount, fee, nonce: p.nonce });
      await send({ ...p, asset }, record, `transfer ${assetAmount(assets, asset.id, amount)} #${p.from} → #${to} (fee ${assetAmount(assets, asset.id, fee)}, nonce ${p.nonce})`);
    } catch (e) {
      sendMsg.textContent = describeError(e);
    }
  }

  async function withdraw(): Promise<void> {
    sendMsg.textContent = '';
    try {
      const asset = assets.find((a) => a.id === Number(wAssetSel.value));
      if (!asset) throw new Error('pick an asset');
      const toText = wToIn.value.trim() || app.wallet.account || '';
      if (!isAddress(toText, { strict: false })) throw new Error(`not an L1 address: "${toText}"`);
      const recipient = getAddress(toText);
      const amount = l2Units(wAmountIn.value, asset, 'amount');
      const fee = l2Units(wFeeIn.value || '0', asset, 'fee');
      const p = await prepare();
      const record = signWithdraw(p.sk, app.cfg.l2ChainId, { from: p.from, l1Recipient: recipient, asset: asset.id, amount, fee, nonce: p.nonce });
      await send({ ...p, asset }, record, `withdraw ${assetAmount(assets, asset.id, amount)} #${p.from} → ${short(recipient)} on L1 (fee ${assetAmount(assets, asset.id, fee)}, nonce ${p.nonce})`);
    } catch (e) {
      sendMsg.textContent = describeError(e);
    }
  }

  async function send(p: { from: number; nonce: bigint; rpc: KeeperRpc; asset: AssetInfo }, record: Hex, label: string): Promise<void> {
    const hash = keccak256(record);
    const stateEl = h('span', { class: 'l2-state' }, 'sending');
    const latencyEl = h('span', { class: 'latency' });
    const item = h('li', { class: 'l2tx', 'data-hash': hash, 'data-status': 'sending' }, h('b', {}, label), ' ', stateEl, ' ', latencyEl, ' ', h('code', { class: 'muted' }, short(hash)), ' ', h('span', { class: 'softconf' }));
    txsEl.prepend(item);
    const sentAt = performance.now();
    let answer: Hex | null = null;
    for (let i = 0; ; i++) {
      try {
        answer = await p.rpc.send(record, app.cfg.l2ChainId);
        break;
      } catch (e) {
        if (e instanceof KeeperError && e.code === -39040 && i < LEADER_RETRIES) {
          stateEl.textContent = `no leader takes it right now (${e.message}); retrying`;
          await new Promise((r) => setTimeout(r, 1000));
          continue;
        }
        item.dataset.status = 'refused';
        stateEl.className = 'l2-state error';
        stateEl.textContent = `refused by the keeper: ${describeKeeperError(e)}`;
        return;
      }
    }
    const tx: SentTx = { hash, asset: p.asset, label, from: p.from, nonce: p.nonce, sentAt, rpc: p.rpc, status: 'pending', latencyMs: null, l1Block: app.net?.blockNumber ?? null, checked: false, done: false, el: item };
    if (answer.toLowerCase() !== hash.toLowerCase()) {
      item.dataset.status = 'failed';
      stateEl.className = 'l2-state error';
      stateEl.textContent = `the keeper answered hash ${answer}, not keccak256 of the record signed here (${hash})`;
      return;
    }
    sent.push(tx);
    nonceIn.value = '';
    setStatus(tx, { status: 'pending' });
    void follow(tx);
  }

  function setStatus(tx: SentTx, r: Receipt | null): void {
    const stateEl = tx.el.querySelector('.l2-state')!;
    const latencyEl = tx.el.querySelector('.latency') as HTMLElement;
    const was = tx.status;
    tx.status = r ? r.status : 'unknown';
    tx.el.dataset.status = tx.status;
    stateEl.className = 'l2-state';
    if (!r) {
      stateEl.textContent = 'unknown to the keeper (restarted?)';
      return;
    }
    switch (r.status) {
      case 'pending':
        stateEl.textContent = 'pending in the keeper\'s mempool';
        break;
      case 'included':
        stateEl.textContent = `included in L2 block ${r.block} (soft confirmation)`;
        tx.el.dataset.block = String(r.block);
        break;
      case 'batched':
        stateEl.textContent = `included in L2 block ${r.block}, batched in L1 batch ${r.batchId}`;
        tx.el.dataset.block = String(r.block);
        tx.el.dataset.batch = String(r.batchId);
        tx.done = true;
        break;
      case 'dropped':
        stateEl.className = 'l2-state error';
        // janus-l2's reason counts in L2 units (gwei for ETH), as the records do.
        stateEl.textContent = `dropped by the block producer: ${r.reason}${/\d/.test(r.reason) && tx.asset ? ` (in L2 units: 1 = ${assetAmount(assets, tx.asset.id, 1n)})` : ''}`;
        tx.done = true;
        break;
      case 'forwarded':
        stateEl.textContent = `forwarded to the leader ${r.leader}`;
        if (/^https?:\/\//.test(r.leader)) tx.rpc = new KeeperRpc(r.leader);
        break;
    }
    if ((r.status === 'included' || r.status === 'batched') && tx.latencyMs === null) {
      tx.latencyMs = Math.round(performance.now() - tx.sentAt);
      latencyEl.dataset.ms = String(tx.latencyMs);
      latencyEl.textContent = `· soft-confirmed ${tx.latencyMs} ms after sending`;
    }
    if ((r.status === 'included' || r.status === 'batched') && !tx.checked) {
      tx.checked = true;
      void checkSoftConfirmation(tx, r.block);
    }
    if (was !== tx.status) void loadL2();
  }

  /** Verify the soft confirmation of L2 block `n` (docs/l2-spec.md §13.4) against L1: shown as
   *  "signed by <signer> (operator <op>)" only when it holds, else a warning with the reason. */
  async function checkSoftConfirmation(tx: SentTx, n: number): Promise<void> {
    const el = tx.el.querySelector('.softconf') as HTMLElement;
    el.className = 'softconf muted';
    el.textContent = `checking the signature of L2 block ${n}…`;
    let res: { ok: true; signer: Address; operator: Address } | { ok: false; reason: string };
    try {
      const block = await tx.rpc.block(n);
      if (!block) res = { ok: false, reason: `the keeper has no L2 block ${n}` };
      else if (!block.transactions.some((t) => t.toLowerCase() === tx.hash.toLowerCase())) res = { ok: false, reason: `L2 block ${n} does not list this transaction` };
      else {
        const now = app.net?.blockNumber;
        res = await app.softconf.verify(block, [tx.l1Block ?? now, now].filter((b): b is bigint => b !== undefined && b !== null));
      }
    } catch (e) {
      res = { ok: false, reason: `cannot check it: ${describeError(e)}` };
    }
    el.dataset.verified = res.ok ? 'yes' : 'no';
    if (res.ok) {
      el.className = 'softconf ok';
      el.dataset.signer = res.signer;
      el.dataset.operator = res.operator;
      el.textContent = `· signed by ${res.signer} (operator ${res.operator})`;
    } else {
      el.className = 'softconf error';
      el.textContent = `· warning: the soft confirmation of L2 block ${n} does not verify: ${res.reason}`;
    }
  }

  /** Poll the receipt: every 100 ms until included (the latency), then every second. */
  async function follow(tx: SentTx): Promise<void> {
    let failures = 0;
    while (!tx.done) {
      await new Promise((r) => setTimeout(r, tx.latencyMs === null ? 100 : 1000));
      try {
        setStatus(tx, await tx.rpc.receipt(tx.hash));
        failures = 0;
      } catch (e) {
        if (++failures >= 30) {
          tx.el.querySelector('.l2-state')!.textContent = `no receipt: ${describeKeeperError(e)}`;
          return;
        }
      }
    }
  }

  return {
    el,
    update(app) {
      const n = app.net;
      const owner = app.wallet.account;
      tBtn.disabled = wBtn.disabled = deriveBtn.disabled = !owner;
      if (!keeper && !keeperError && !finding) void findKeeper();
      if (n && owner) boundLoads.want(`${n.blockNumber}:${owner}`, () => loadBound(n.blockNumber, owner));
      render();
    },
    tick() {
      // Deposits reach L2 in the keeper's blocks, not on L1 blocks: poll the keeper too.
      if (app.wallet.account && Date.now() - l2At > 2000 && !loadingL2) void loadL2();
    },
  };
}
