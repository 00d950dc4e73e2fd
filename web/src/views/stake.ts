// Owns the Stake tab: delegate with an EIP-2612 permit (one signature, one transaction), the
// account's delegations and undelegation, and its unbonding entries with a live countdown and a
// withdraw button once released.
import { parseSignature, parseUnits, type Address } from 'viem';
import type { App, View } from '../app';
import { sharesFor } from '../chain';
import { stakingAbi, tokenAbi } from '../abi';
import { describeError } from '../errors';
import { duration, jns, short, time } from '../format';
import { field, fill, h, setOptions } from '../ui';

function parseJns(s: string): bigint {
  const v = s.trim().replace(/,/g, '');
  if (!/^\d+(\.\d{0,18})?$/.test(v)) throw new Error(`not an amount: "${s}"`);
  return parseUnits(v, 18);
}

async function delegateWithPermit(app: App, operator: Address, amount: bigint): Promise<void> {
  const label = `delegate ${jns(amount)} to ${short(operator)}`;
  const entry = app.txs.entry(label);
  const account = app.wallet.account;
  const client = app.wallet.client;
  if (!account || !client) return entry.set('failed', 'connect a wallet first');
  try {
    if (!app.wallet.onRightChain) await app.wallet.switchChain();
    const token = app.cfg.contracts.token;
    const [domain, nonce] = await Promise.all([
      app.pub.readContract({ address: token, abi: tokenAbi, functionName: 'eip712Domain' }) as Promise<readonly [string, string, string, bigint, Address, string, readonly bigint[]]>,
      app.pub.readContract({ address: token, abi: tokenAbi, functionName: 'nonces', args: [account] }) as Promise<bigint>,
    ]);
    const deadline = BigInt(app.chainNow() + 3600);
    entry.set('signing', 'sign the permit (EIP-2612) in your wallet');
    const signature = await client.signTypedData({
      account,
      domain: { name: domain[1], version: domain[2], chainId: Number(domain[3]), verifyingContract: domain[4] },
      types: {
        Permit: [
          { name: 'owner', type: 'address' },
          { name: 'spender', type: 'address' },
          { name: 'value', type: 'uint256' },
          { name: 'nonce', type: 'uint256' },
          { name: 'deadline', type: 'uint256' },
        ],
      },
      primaryType: 'Permit',
      message: { owner: account, spender: app.cfg.contracts.staking, value: amount, nonce, deadline },
    });
    const { v, r, s, yParity } = parseSignature(signature);
    await app.txs.send(label, {
      address: app.cfg.contracts.staking,
      abi: stakingAbi,
      functionName: 'delegateWithPermit',
      args: [operator, amount, deadline, Number(v ?? BigInt(yParity + 27)), r, s],
    }, entry);
  } catch (e) {
    entry.set('failed', describeError(e));
  }
}

export function stakeView(app: App): View {
  const opSel = h('select', { id: 'delegate-operator' });
  const amountIn = h('input', { id: 'delegate-amount', placeholder: '100', inputmode: 'decimal' });
  const formMsg = h('div', { class: 'error', id: 'delegate-msg' });
  const delegateBtn = h('button', {
    id: 'delegate',
    onclick: async () => {
      formMsg.textContent = '';
      let amount: bigint;
      try {
        amount = parseJns(amountIn.value);
      } catch (e) {
        formMsg.textContent = describeError(e);
        return;
      }
      await delegateWithPermit(app, opSel.value as Address, amount);
    },
  }, 'Delegate with permit');

  const unOpSel = h('select', { id: 'undelegate-operator' });
  const unAmountIn = h('input', { id: 'undelegate-amount', placeholder: 'amount in JNS', inputmode: 'decimal' });
  const unAll = h('input', { id: 'undelegate-all', type: 'checkbox' });
  const unMsg = h('div', { class: 'error', id: 'undelegate-msg' });
  const undelegateBtn = h('button', {
    id: 'undelegate',
    onclick: async () => {
      unMsg.textContent = '';
      const op = app.net?.operators.find((o) => o.address === unOpSel.value);
      const d = app.acct?.delegations.find((x) => x.operator === unOpSel.value);
      if (!op) return void (unMsg.textContent = 'pick an operator');
      let shares: bigint;
      let what: string;
      try {
        if (unAll.checked) {
          shares = d?.shares ?? 0n;
          what = `all (${jns(d?.value ?? 0n)})`;
        } else {
          const amount = parseJns(unAmountIn.value);
          shares = sharesFor(op, amount);
          what = jns(amount);
        }
      } catch (e) {
        return void (unMsg.textContent = describeError(e));
      }
      await app.txs.send(`undelegate ${what} from ${short(op.address)}`, {
        address: app.cfg.contracts.staking,
        abi: stakingAbi,
        functionName: 'undelegate',
        args: [op.address, shares],
      });
    },
  }, 'Undelegate');

  const delegationsEl = h('div', { id: 'delegations' });
  const unbondingsEl = h('div', { id: 'unbondings' });
  const intro = h('p', { class: 'muted' });

  const el = h(
    'section',
    { id: 'tab-stake', class: 'tab' },
    h('h2', {}, 'Delegate'),
    intro,
    h('div', { class: 'form' }, field('Operator', opSel), field('Amount (JNS)', amountIn), delegateBtn, formMsg),
    h('h2', {}, 'Your delegations'),
    delegationsEl,
    h('h3', {}, 'Undelegate'),
    h('div', { class: 'form' }, field('Operator', unOpSel), field('Amount (JNS)', unAmountIn), field('All of it', unAll), undelegateBtn, unMsg),
    h('h2', {}, 'Unbonding'),
    unbondingsEl,
  );

  function tick(app: App): void {
    const now = app.chainNow();
    for (const row of el.querySelectorAll<HTMLElement>('tr[data-release]')) {
      const left = Number(row.dataset.release) - now;
      const ready = left <= 0;
      row.dataset.ready = String(ready);
      row.querySelector('.countdown')!.textContent = ready ? 'withdrawable' : `in ${duration(left)}`;
      (row.querySelector('button') as HTMLButtonElement).disabled = !ready;
    }
  }

  return {
    el,
    tick,
    update(app) {
      const n = app.net;
      if (!n) return;
      intro.textContent = `One signature (an EIP-2612 permit of the JNS token) and one transaction (delegateWithPermit). Unbonding takes ${duration(Number(n.params.unbondingDelay))}.`;
      setOptions(
        opSel,
        n.operators.filter((o) => o.registered && !o.jailed).map((o) => [o.address, `${short(o.address)} · ${o.metadata || 'no metadata'} · ${jns(o.stake, 0)}`]),
      );
      const a = app.acct;
      const connected = !!app.wallet.account;
      for (const b of [delegateBtn, undelegateBtn]) b.disabled = !connected;
      if (!a) {
        fill(delegationsEl, h('p', { class: 'muted' }, connected ? 'loading…' : 'Connect a wallet to see your stake.'));
        fill(unbondingsEl);
        return;
      }
      setOptions(unOpSel, a.delegations.map((d) => [d.operator, `${short(d.operator)} · ${jns(d.value)}`]));
      fill(
        delegationsEl,
        a.delegations.length === 0
          ? h('p', { class: 'muted' }, 'No delegations.')
          : h(
              'table',
              {},
              h('tr', {}, h('th', {}, 'operator'), h('th', {}, 'shares'), h('th', {}, 'value')),
              a.delegations.map((d) =>
                h('tr', { 'data-operator': d.operator }, h('td', {}, h('code', {}, d.operator)), h('td', { class: 'shares' }, d.shares.toString()), h('td', { class: 'value' }, jns(d.value))),
              ),
            ),
      );
      fill(
        unbondingsEl,
        a.unbondings.length === 0
          ? h('p', { class: 'muted' }, 'No unbonding entries.')
          : h(
              'table',
              {},
              h('tr', {}, ['id', 'operator', 'amount', 'released at', 'status', ''].map((t) => h('th', {}, t))),
              a.unbondings.map((u) =>
                h(
                  'tr',
                  { 'data-unbond': u.id.toString(), 'data-release': u.releaseTime.toString() },
                  h('td', {}, u.id.toString()),
                  h('td', {}, h('code', {}, short(u.operator))),
                  h('td', {}, jns(u.amount)),
                  h('td', {}, time(u.releaseTime)),
                  h('td', { class: 'countdown' }),
                  h('td', {}, h('button', {
                    class: 'withdraw',
                    onclick: () => app.txs.send(`withdraw unbond ${u.id}`, { address: app.cfg.contracts.staking, abi: stakingAbi, functionName: 'withdraw', args: [u.id] }),
                  }, 'Withdraw')),
                ),
              ),
            ),
      );
      tick(app);
    },
  };
}
