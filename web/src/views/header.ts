// Owns the header: the network line (chain, block, epoch, leader) and the wallet box (connect,
// switch chain, the account's ETH and JNS balances). Without a wallet the app stays read-only.
import type { App, View } from '../app';
import { describeError } from '../errors';
import { eth, jns, short } from '../format';
import { fill, h } from '../ui';

export function header(app: App): View {
  const netEl = h('div', { id: 'network' });
  const walletEl = h('div', { id: 'wallet' });
  const msg = h('div', { id: 'wallet-msg', class: 'error' });
  const connect = h('button', {
    id: 'connect',
    onclick: async () => {
      msg.textContent = '';
      try {
        await app.wallet.connect();
      } catch (e) {
        msg.textContent = describeError(e);
      }
    },
  }, 'Connect wallet');
  const switchBtn = h('button', {
    id: 'switch-chain',
    onclick: async () => {
      try {
        await app.wallet.switchChain();
        await app.refresh();
      } catch (e) {
        msg.textContent = describeError(e);
      }
    },
  }, 'Switch network');
  const el = h('header', {}, h('h1', {}, 'Janus'), netEl, walletEl, msg);

  return {
    el,
    update(app) {
      const n = app.net;
      fill(
        netEl,
        app.error ? h('span', { class: 'error' }, app.error) : null,
        n
          ? h('span', {}, `${app.cfg.chainName} · chain ${app.cfg.chainId} · block ${n.blockNumber} · epoch ${n.epoch} · leader `,
              h('code', {}, n.leaderNow ? short(n.leaderNow) : 'none'))
          : 'connecting to L1…',
      );
      const w = app.wallet;
      if (!w.available) {
        fill(walletEl, h('span', { class: 'muted' }, 'No wallet found: read-only'));
      } else if (!w.account) {
        fill(walletEl, connect);
      } else {
        const a = app.acct;
        fill(
          walletEl,
          h('code', { id: 'account', title: w.account }, w.account),
          w.onRightChain ? null : h('span', {}, ' wrong network ', switchBtn),
          a ? h('span', { id: 'balances' }, ' · ', h('span', { id: 'bal-eth' }, eth(a.eth)), ' · ', h('span', { id: 'bal-jns' }, jns(a.jns))) : null,
        );
      }
    },
  };
}
