// Owns the Operator tab for the connected account: register an operator (self-bond, the signer
// key's EIP-712 binding, commission, metadata such as the node's L2 RPC URL), or, once registered,
// change commission within the allowed step, claim commission, unjail, rotate the signer key and
// update the metadata.
import { getAddress, isAddress, isHex, parseUnits, type Address, type Hex } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import type { App, View } from '../app';
import { stakingAbi, tokenAbi } from '../abi';
import type { OperatorInfo } from '../chain';
import { describeError } from '../errors';
import { bps, jns, short } from '../format';
import { field, fill, h } from '../ui';
import { status } from './operators';

/** Choosing a signer key and getting its EIP-712 binding to `owner` (used to register and to rotate). */
interface SignerPicker {
  el: HTMLElement;
  binding(owner: Address): Promise<{ signer: Address; sig: Hex }>;
}

function signerPicker(app: App, id: string): SignerPicker {
  const mode = h('select', { id: `${id}-mode` }, h('option', { value: 'generate' }, 'generate a new signer key here'), h('option', { value: 'paste' }, 'my signer key signs elsewhere'));
  let generated: Hex | null = null;
  const genOut = h('div', { id: `${id}-generated` });
  const genBtn = h('button', {
    id: `${id}-generate`,
    onclick: () => {
      generated = generatePrivateKey();
      const a = privateKeyToAccount(generated);
      const blob = URL.createObjectURL(new Blob([`${generated}\n`], { type: 'text/plain' }));
      fill(
        genOut,
        h('p', {}, 'Signer ', h('code', { id: `${id}-address` }, a.address)),
        h('p', { class: 'warn' }, 'Its private key never leaves this page: save it now, your janus node signs with it (--signer-key). ',
          h('a', { href: blob, download: `janus-signer-${a.address}.key` }, 'Download the key')),
      );
    },
  }, 'Generate signer key');
  const signerIn = h('input', { id: `${id}-signer`, placeholder: '0x… signer address', size: 44 });
  const sigIn = h('input', { id: `${id}-sig`, placeholder: '0x… 65-byte signature', size: 60 });
  const digestOut = h('pre', { class: 'muted' });
  const digestOf = (owner: Address, signer: Address) =>
    app.pub.readContract({ address: app.cfg.contracts.staking, abi: stakingAbi, functionName: 'signerBindingDigest', args: [owner, signer] }) as Promise<Hex>;
  signerIn.addEventListener('change', async () => {
    if (!isAddress(signerIn.value) || !app.wallet.account) return;
    const digest = await digestOf(app.wallet.account, getAddress(signerIn.value));
    digestOut.textContent = `Have the signer key sign this EIP-712 digest (no prefix):\n${digest}\ne.g. cast wallet sign --no-hash ${digest} --private-key <signer key>`;
  });
  const genBox = h('div', {}, genBtn, genOut);
  const pasteBox = h('div', { hidden: true }, field('Signer address', signerIn), digestOut, field('Signature', sigIn));
  mode.addEventListener('change', () => {
    genBox.hidden = mode.value !== 'generate';
    pasteBox.hidden = mode.value === 'generate';
  });
  return {
    el: h('div', { class: 'signer-picker' }, field('Signer key', mode), genBox, pasteBox),
    async binding(owner) {
      if (mode.value === 'generate') {
        if (!generated) throw new Error('generate the signer key first');
        const key = privateKeyToAccount(generated);
        return { signer: key.address, sig: await key.sign({ hash: await digestOf(owner, key.address) }) };
      }
      if (!isAddress(signerIn.value)) throw new Error('signer: not an address');
      if (!isHex(sigIn.value) || sigIn.value.length !== 132) throw new Error('signature: 65 bytes in hex expected');
      return { signer: getAddress(signerIn.value), sig: sigIn.value as Hex };
    },
  };
}

function registerForm(app: App): HTMLElement {
  const picker = signerPicker(app, 'reg-signer');
  const commissionIn = h('input', { id: 'reg-commission', value: '5', inputmode: 'decimal' });
  const metadataIn = h('input', { id: 'reg-metadata', placeholder: 'http://my-node:8601 (its L2 RPC URL)', size: 40 });
  const bondIn = h('input', { id: 'reg-bond', inputmode: 'decimal' });
  const msg = h('div', { class: 'error', id: 'register-msg' });

  const btn = h('button', {
    id: 'register',
    onclick: async () => {
      msg.textContent = '';
      const account = app.wallet.account;
      if (!account || !app.net) return void (msg.textContent = 'connect a wallet first');
      try {
        const staking = app.cfg.contracts.staking;
        const commissionBps = Math.round(Number(commissionIn.value) * 100);
        if (!Number.isFinite(commissionBps) || commissionBps < 0) throw new Error('commission: a percentage, e.g. 5');
        const selfBond = parseUnits((bondIn.value || bondIn.placeholder).replace(/,/g, ''), 18);
        const { signer, sig } = await picker.binding(account);
        const allowance = (await app.pub.readContract({ address: app.cfg.contracts.token, abi: tokenAbi, functionName: 'allowance', args: [account, staking] })) as bigint;
        if (allowance < selfBond) {
          const ok = await app.txs.send(`approve ${jns(selfBond)} for the self-bond`, { address: app.cfg.contracts.token, abi: tokenAbi, functionName: 'approve', args: [staking, selfBond] });
          if (!ok) return;
        }
        await app.txs.send(`register operator (signer ${short(signer)})`, {
          address: staking,
          abi: stakingAbi,
          functionName: 'registerOperator',
          args: [signer, sig, commissionBps, metadataIn.value, selfBond],
        });
      } catch (e) {
        msg.textContent = describeError(e);
      }
    },
  }, 'Register operator');

  return h(
    'div',
    { id: 'register-form' },
    h('h2', {}, 'Register an operator'),
    h('p', { class: 'muted' }, 'This account becomes the operator\'s owner. A separate signer key signs batches and soft confirmations; it proves possession by signing its binding to this account (EIP-712 SignerBinding). A signer key can be bound once, ever.'),
    h('div', { class: 'form' }, picker.el, field('Commission (%)', commissionIn), field('Metadata', metadataIn, 'shown to delegators; the devnet nodes put their L2 RPC URL here'), field('Self-bond (JNS)', bondIn), btn, msg),
  );
}

/** Signer rotation (setSigner: also what an equivocation slash requires before unjailing) and metadata. */
function keysForm(app: App): HTMLElement {
  const picker = signerPicker(app, 'rot-signer');
  const msg = h('div', { class: 'error', id: 'rotate-msg' });
  const metadataIn = h('input', { id: 'new-metadata', placeholder: 'http://my-node:8601', size: 40 });
  const staking = app.cfg.contracts.staking;
  return h(
    'div',
    { id: 'keys-form' },
    h('h3', {}, 'Rotate the signer key'),
    h('p', { class: 'muted' }, 'The old key stays attributable to this operator (evidence signed with it can still be slashed for the unbonding delay).'),
    h('div', { class: 'form' }, picker.el, h('button', {
      id: 'rotate-signer',
      onclick: async () => {
        msg.textContent = '';
        const account = app.wallet.account;
        if (!account) return;
        try {
          const { signer, sig } = await picker.binding(account);
          await app.txs.send(`rotate signer to ${short(signer)}`, { address: staking, abi: stakingAbi, functionName: 'setSigner', args: [signer, sig] });
        } catch (e) {
          msg.textContent = describeError(e);
        }
      },
    }, 'Rotate signer'), msg),
    h('h3', {}, 'Metadata'),
    h('div', { class: 'form' }, field('New metadata', metadataIn), h('button', {
      id: 'set-metadata',
      onclick: () => app.txs.send('set metadata', { address: staking, abi: stakingAbi, functionName: 'setMetadata', args: [metadataIn.value] }),
    }, 'Update metadata')),
  );
}

function manage(app: App, o: OperatorInfo): HTMLElement {
  const n = app.net!;
  const step = n.params.maxCommissionStepBps;
  const lo = Math.max(0, o.commissionBps - step);
  const hi = Math.min(10_000, o.commissionBps + step);
  const changedThisEpoch = o.commissionEpoch === n.epoch;
  const commissionIn = h('input', { id: 'commission-bps', value: String(o.commissionBps), type: 'number', min: lo, max: hi });
  const now = app.chainNow();
  const canUnjail = o.jailed && now >= Number(o.jailedUntil) && !o.mustRotateSigner;
  const staking = app.cfg.contracts.staking;
  return h(
    'div',
    { id: 'my-operator' },
    h('h2', {}, 'Your operator'),
    h('ul', {},
      h('li', {}, 'Owner ', h('code', {}, o.address), ', signer ', h('code', {}, o.signer)),
      h('li', { id: 'my-status' }, `Status: ${status(o, now)}`),
      h('li', {}, `Stake ${jns(o.stake)}, self-bond ${jns(o.selfBond)} (minimum ${jns(n.params.minSelfBond)})`),
      h('li', {}, `Metadata: ${o.metadata || '—'}`),
    ),
    h('h3', {}, 'Commission'),
    h('p', {}, `Now ${bps(o.commissionBps)} (${o.commissionBps} bps), last changed in epoch ${o.commissionEpoch}. One change per epoch, by at most ${step} bps: ${lo}–${hi} bps. `,
      changedThisEpoch ? h('b', {}, `Already changed in this epoch (${n.epoch}); next change from epoch ${n.epoch + 1n}.`) : null),
    h('div', { class: 'form' }, field('New commission (bps)', commissionIn), h('button', {
      id: 'set-commission',
      onclick: () => app.txs.send(`set commission to ${commissionIn.value} bps`, { address: staking, abi: stakingAbi, functionName: 'setCommission', args: [Number(commissionIn.value)] }),
    }, 'Set commission')),
    h('p', {}, `Accrued commission: ${jns(o.commissionAccrued)} `, h('button', {
      id: 'claim-commission',
      disabled: o.commissionAccrued === 0n,
      onclick: () => app.txs.send('claim commission', { address: staking, abi: stakingAbi, functionName: 'claimCommission' }),
    }, 'Claim')),
    o.jailed
      ? h('p', {}, o.mustRotateSigner ? 'Slashed for equivocation: rotate the signer (setSigner) before unjailing. ' : '', h('button', {
          id: 'unjail',
          disabled: !canUnjail,
          onclick: () => app.txs.send('unjail', { address: staking, abi: stakingAbi, functionName: 'unjail' }),
        }, 'Unjail'))
      : null,
  );
}

export function operatorView(app: App): View {
  const reg = registerForm(app);
  const keys = keysForm(app);
  const manageEl = h('div');
  const note = h('p', { class: 'muted' });
  const bondIn = reg.querySelector<HTMLInputElement>('#reg-bond')!;
  const el = h('section', { id: 'tab-operator', class: 'tab' }, note, manageEl, keys, reg);
  let shownFor = '';
  let mineNow: OperatorInfo | null = null;
  return {
    el,
    tick(app) {
      // The jail countdown and the unjail button follow L1 time between blocks.
      if (!mineNow) return;
      const now = app.chainNow();
      const st = el.querySelector('#my-status');
      if (st) st.textContent = `Status: ${status(mineNow, now)}`;
      const unjail = el.querySelector<HTMLButtonElement>('#unjail');
      if (unjail) unjail.disabled = !(mineNow.jailed && now >= Number(mineNow.jailedUntil) && !mineNow.mustRotateSigner);
    },
    update(app) {
      const n = app.net;
      const account = app.wallet.account;
      if (!n) return;
      bondIn.placeholder = (Number(n.params.minSelfBond / 10n ** 15n) / 1000).toString();
      if (!account) {
        note.textContent = 'Connect a wallet to register or manage an operator.';
        reg.hidden = true;
        keys.hidden = true;
        mineNow = null;
        fill(manageEl);
        return;
      }
      const mine = n.operators.find((o) => o.address === account);
      mineNow = mine ?? null;
      note.textContent = mine && !mine.registered ? 'This account\'s operator has exited; an owner registers once, ever.' : '';
      reg.hidden = !!mine;
      keys.hidden = !mine?.registered;
      // Re-render the management panel only when its data changed (keeps a half-typed input).
      const key = mine ? JSON.stringify(mine, (_, v) => (typeof v === 'bigint' ? v.toString() : v)) + n.epoch : '';
      if (key !== shownFor) {
        shownFor = key;
        fill(manageEl, mine ? manage(app, mine) : null);
      }
    },
  };
}
