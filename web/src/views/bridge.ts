// Owns the Bridge tab: the L2 key derived from the wallet and the L2 accounts the address bound on
// L1 (with their balances as replayed from L1 batch data by janus-l2); deposits of ETH or a listed ERC-20 to a new account (bound to that key) or an existing one,
// with the account index the deposit created (from its event); and the withdrawals that pay the
// connected address, found in the batches posted on L1 (their calldata decoded by janus-l2 in wasm),
// with each batch's status and, once final, finalization on L1 with a Merkle proof computed here.
import { formatUnits, parseEventLogs, parseUnits, type Address, type Hex } from 'viem';
import type { App, View } from '../app';
import { bridgeAbi, rollupAbi, tokenAbi } from '../abi';
import { describeError } from '../errors';
import { Latest } from '../latest';
import { duration, short, time } from '../format';
import { checkPublicKey, withdrawalProof, type BatchWithdrawal, type L2Account } from '../l2';
import { deriveL2Key } from '../l2key';
import type { AssetInfo, BatchInfo, BoundAccount } from '../rollup';
import { field, fill, h, setOptions } from '../ui';

interface MyWithdrawal {
  batch: BatchInfo;
  w: BatchWithdrawal;
  withdrawn: boolean;
}

interface BridgeState {
  block: bigint;
  owner: Address;
  assets: AssetInfo[];
  accounts: BoundAccount[];
  withdrawals: MyWithdrawal[];
  unreadable: BatchInfo[];
}

export function assetAmount(assets: AssetInfo[], asset: number, l2Units: bigint): string {
  const a = assets.find((x) => x.id === asset);
  if (!a) return `${l2Units} units of asset ${asset}`;
  const s = formatUnits(l2Units * a.scale, a.decimals);
  return `${s} ${a.symbol}`;
}

/** A batch's status in words, for a withdrawal row or the explorer. */
export function statusText(b: BatchInfo, now: number): string {
  switch (b.status) {
    case 'pending': {
      const left = Number(b.challengeEnd) - now;
      return left > 0
        ? `pending: challengeable until ${time(b.challengeEnd)} (${duration(left)} left)`
        : 'pending: challenge window over, final once finalizeBatch is called (in height order)';
    }
    case 'challenged':
      return `challenged: a proof is due by ${time(b.proveDeadline ?? 0n)}`;
    case 'proven':
      return 'proven: final once its parent is';
    case 'finalized':
      return b.finalizedByProof ? 'final (by proof)' : 'final (challenge window passed)';
    case 'reverted':
      return 'reverted: its withdrawals will never be paid';
    default:
      return b.status;
  }
}

/** An account's balances and nonce as replayed from L1 batch data (App.replay). */
function l2Balance(assets: AssetInfo[], a: L2Account | null): string {
  if (!a) return 'not in a replayed batch yet';
  const held = a.balances.map((v, asset) => [asset, v] as const).filter(([asset, v]) => v > 0n || asset === 0);
  return `${held.map(([asset, v]) => assetAmount(assets, asset, v)).join(' · ')} · nonce ${a.nonce}`;
}

export function bridgeView(app: App): View {
  // --- L2 key
  const keyMsg = h('div', { id: 'l2key-msg' });
  const keyEl = h('div', { id: 'l2key' });
  const accountsEl = h('div', { id: 'bound-accounts' });
  const deriveBtn = h('button', {
    id: 'derive-key',
    onclick: async () => {
      keyMsg.className = 'muted';
      try {
        app.l2key = await deriveL2Key(app, (s) => (keyMsg.textContent = s));
        keyMsg.textContent = '';
        render();
      } catch (e) {
        keyMsg.className = 'error';
        keyMsg.textContent = describeError(e);
      }
    },
  }, 'Derive my L2 key');

  // --- deposit
  const assetSel = h('select', { id: 'deposit-asset' });
  const amountIn = h('input', { id: 'deposit-amount', placeholder: '0.1', inputmode: 'decimal' });
  const toSel = h('select', { id: 'deposit-to' }, h('option', { value: 'new' }, 'a new account bound to my L2 key'), h('option', { value: 'existing' }, 'an existing account'));
  const accountIn = h('input', { id: 'deposit-account', placeholder: 'account index', inputmode: 'numeric', size: 8 });
  const depositMsg = h('div', { id: 'deposit-msg', class: 'error' });
  const depositResult = h('div', { id: 'deposit-result' });
  const depositBtn = h('button', { id: 'deposit', onclick: () => void deposit() }, 'Deposit');

  // --- withdrawals
  const withdrawalsEl = h('div', { id: 'withdrawals' });
  const withdrawalsTitle = h('h2', {}, 'Withdrawals');

  const el = h(
    'section',
    { id: 'tab-bridge', class: 'tab' },
    h('h2', {}, 'Your L2 key'),
    h('p', { class: 'muted' }, 'Your L2 (EcGFp5) key is derived from your wallet: it signs a fixed text naming Janus, the L2 chain id and your address (twice, to check that it signs deterministically), and the key is computed here by janus-l2 in WebAssembly. Anyone who sees that signature controls the key. The key stays in this page.'),
    h('div', { class: 'form' }, deriveBtn, keyEl, keyMsg),
    h('h3', {}, 'L2 accounts you opened on L1'),
    accountsEl,
    h('h2', {}, 'Deposit'),
    h('div', { class: 'form' }, field('Asset', assetSel), field('Amount', amountIn), field('To', toSel), field('Account', accountIn, 'for an existing account'), depositBtn, depositMsg),
    depositResult,
    withdrawalsTitle,
    withdrawalsEl,
  );

  let state: BridgeState | null = null;
  const loads = new Latest();

  async function deposit(): Promise<void> {
    depositMsg.textContent = '';
    const s = state;
    if (!s || !app.wallet.account) return void (depositMsg.textContent = 'connect a wallet first');
    const asset = s.assets.find((a) => a.id === Number(assetSel.value));
    if (!asset) return void (depositMsg.textContent = 'pick an asset');
    let amount: bigint;
    try {
      const v = amountIn.value.trim();
      if (!/^\d+(\.\d+)?$/.test(v)) throw new Error(`not an amount: "${amountIn.value}"`);
      amount = parseUnits(v, asset.decimals);
    } catch (e) {
      return void (depositMsg.textContent = describeError(e));
    }
    const toNew = toSel.value === 'new';
    let key: Hex | null = null;
    let account = 0;
    if (toNew) {
      if (!app.l2key) return void (depositMsg.textContent = 'derive your L2 key first: a new account is bound to it');
      key = app.l2key.pk;
      try {
        checkPublicKey(key); // a deposit to a key that does not decode locks its funds for good
      } catch (e) {
        return void (depositMsg.textContent = `not a valid L2 key: ${describeError(e)}`);
      }
    } else {
      if (!/^\d+$/.test(accountIn.value.trim())) return void (depositMsg.textContent = 'enter the account index');
      account = Number(accountIn.value.trim());
    }
    const bridge = app.cfg.contracts.bridge;
    const what = `deposit ${formatUnits(amount, asset.decimals)} ${asset.symbol} to ${toNew ? 'a new account' : `account #${account}`}`;
    let receipt;
    if (asset.id === 0) {
      receipt = await app.txs.send(what, toNew
        ? { address: bridge, abi: bridgeAbi, functionName: 'depositETHNewAccount', args: [key], value: amount }
        : { address: bridge, abi: bridgeAbi, functionName: 'depositETH', args: [account], value: amount });
    } else {
      const allowance = (await app.pub.readContract({ address: asset.token, abi: tokenAbi, functionName: 'allowance', args: [app.wallet.account, bridge] })) as bigint;
      if (allowance < amount) {
        const ok = await app.txs.send(`approve ${formatUnits(amount, asset.decimals)} ${asset.symbol} for the bridge`, { address: asset.token, abi: tokenAbi, functionName: 'approve', args: [bridge, amount] });
        if (!ok) return;
      }
      receipt = await app.txs.send(what, toNew
        ? { address: bridge, abi: bridgeAbi, functionName: 'depositERC20NewAccount', args: [key, asset.token, amount] }
        : { address: bridge, abi: bridgeAbi, functionName: 'depositERC20', args: [account, asset.token, amount] });
    }
    if (!receipt) return;
    const logs = parseEventLogs({ abi: bridgeAbi, logs: receipt.logs }) as any[];
    const msg = logs.find((l) => l.eventName === 'MessageEnqueued');
    if (!msg) return;
    fill(
      depositResult,
      h('p', { class: 'ok' }, toNew ? 'Deposit created L2 account ' : 'Deposited to L2 account ',
        h('b', { id: 'deposit-account-index' }, `#${msg.args.account}`),
        ` (L1 message #${msg.args.nonce}; the next batch credits it on L2).`),
    );
  }

  async function finalize(m: MyWithdrawal): Promise<void> {
    if (!m.batch.data) return;
    const label = `finalize withdrawal ${m.batch.id}/${m.w.index}`;
    let proof;
    try {
      proof = withdrawalProof(m.batch.data, m.w.index); // janus-l2 (wasm), from the batch data
      if (proof.root.toLowerCase() !== m.batch.withdrawalRoot.toLowerCase()) throw new Error(`the computed root ${proof.root} is not the batch's ${m.batch.withdrawalRoot}`);
    } catch (e) {
      app.txs.entry(label).set('failed', describeError(e));
      return;
    }
    await app.txs.send(label, {
      address: app.cfg.contracts.bridge,
      abi: bridgeAbi,
      functionName: 'finalizeWithdrawal',
      args: [m.batch.id, m.w.index, m.w.recipient, m.w.asset, m.w.amount, proof.proof],
    });
  }

  async function load(block: bigint, owner: Address): Promise<boolean> {
    let stored = false;
    try {
      const r = app.rollup;
      const params = await r.params(block);
      const [assets, accounts, batches] = await Promise.all([r.assets(block), r.boundAccounts(owner, block), r.batches(block, params)]);
      await app.replay.sync(batches).catch(() => {});
      const mine: MyWithdrawal[] = [];
      for (const b of batches) {
        for (const w of b.decoded?.withdrawals ?? []) {
          if (w.recipient.toLowerCase() !== owner.toLowerCase()) continue;
          const withdrawn = b.status === 'finalized' ? await r.isWithdrawn(b.id, w.index, block) : false;
          mine.push({ batch: b, w, withdrawn });
        }
      }
      if (app.wallet.account === owner) {
        state = { block, owner, assets, accounts, withdrawals: mine, unreadable: batches.filter((b) => b.dataError) };
        stored = true;
      }
    } catch (e) {
      fill(withdrawalsEl, h('p', { class: 'error' }, `cannot read the bridge: ${describeError(e)}`));
    }
    render();
    return stored;
  }

  function render(): void {
    const k = app.l2key;
    fill(keyEl, k ? h('span', {}, 'public key ', h('code', { id: 'l2key-pk' }, k.pk), ` (L2 chain ${k.chainId})`) : null);
    const s = state;
    if (!s || s.owner !== app.wallet.account) {
      fill(accountsEl, h('p', { class: 'muted' }, app.wallet.account ? 'loading…' : 'Connect a wallet.'));
      fill(withdrawalsEl);
      return;
    }
    setOptions(assetSel, s.assets.map((a) => [String(a.id), a.symbol]));
    const kpk = k?.pk.toLowerCase();
    fill(
      accountsEl,
      s.accounts.length === 0
        ? h('p', { class: 'muted' }, 'None yet: a deposit to a new account opens one.')
        : h(
            'table',
            {},
            h('tr', {}, ['account', 'L2 key bound on L1', 'block', '', `on L2 ${app.replay.lastId === null ? '(no batch replayed)' : `after batch #${app.replay.lastId}`}`].map((t) => h('th', {}, t))),
            s.accounts.map((a) =>
              h(
                'tr',
                { 'data-account': String(a.account) },
                h('td', {}, `#${a.account}`),
                h('td', {}, h('code', {}, short(a.l2Key))),
                h('td', {}, a.block.toString()),
                h('td', { class: 'key-match' }, !kpk ? h('span', { class: 'muted' }, 'derive your key to compare') : a.l2Key.toLowerCase() === kpk ? h('span', { class: 'ok' }, 'your derived key') : h('span', { class: 'warn' }, 'another key: not derivable from this wallet here')),
                h('td', { class: 'l2-balance' }, l2Balance(s.assets, app.replay.account(a.account))),
              ),
            ),
          ),
    );
    withdrawalsTitle.textContent = `Withdrawals to ${short(s.owner)}`;
    const now = app.chainNow();
    fill(
      withdrawalsEl,
      s.unreadable.length ? h('p', { class: 'warn' }, `${s.unreadable.length} batch(es) whose data could not be read from their transaction: ${s.unreadable.map((b) => `#${b.id} (${b.dataError})`).join('; ')}`) : null,
      s.withdrawals.length === 0
        ? h('p', { class: 'muted' }, 'No withdrawal to this address in the batches posted on L1.')
        : h(
            'table',
            {},
            h('tr', {}, ['batch', 'index', 'amount', 'from L2 account', 'status', ''].map((t) => h('th', {}, t))),
            s.withdrawals.map((m) => {
              const final = m.batch.status === 'finalized';
              return h(
                'tr',
                { class: 'withdrawal', 'data-batch': m.batch.id.toString(), 'data-index': String(m.w.index), 'data-status': m.withdrawn ? 'paid' : m.batch.status },
                h('td', {}, `#${m.batch.id}`),
                h('td', {}, String(m.w.index)),
                h('td', { class: 'amount' }, assetAmount(s.assets, m.w.asset, m.w.amount)),
                h('td', {}, `#${m.w.from}`),
                h('td', { class: 'status' }, m.withdrawn ? 'paid on L1' : statusText(m.batch, now)),
                h(
                  'td',
                  {},
                  m.batch.status === 'pending' && now >= Number(m.batch.challengeEnd)
                    ? h('button', {
                        class: 'finalize-batch',
                        title: 'anyone may finalize a batch whose challenge window is over (in height order)',
                        onclick: () => void app.txs.send(`finalize batch ${m.batch.id}`, { address: app.cfg.contracts.rollup, abi: rollupAbi, functionName: 'finalizeBatch', args: [m.batch.id] }),
                      }, `Finalize batch #${m.batch.id}`)
                    : null,
                  m.withdrawn ? null : h('button', { class: 'finalize-withdrawal', disabled: !final, onclick: () => void finalize(m) }, 'Finalize on L1'),
                ),
              );
            }),
          ),
    );
  }

  return {
    el,
    update(app) {
      const n = app.net;
      const owner = app.wallet.account;
      const connected = !!owner;
      deriveBtn.disabled = !connected;
      depositBtn.disabled = !connected;
      if (n && owner) loads.want(`${n.blockNumber}:${owner}`, () => load(n.blockNumber, owner));
      render();
    },
    tick(app) {
      if (!state) return;
      const now = app.chainNow();
      for (const m of state.withdrawals) {
        if (m.withdrawn || m.batch.status !== 'pending') continue;
        const cell = withdrawalsEl.querySelector(`tr[data-batch="${m.batch.id}"][data-index="${m.w.index}"] .status`);
        if (cell) cell.textContent = statusText(m.batch, now);
      }
    },
  };
}
