// Entry point: loads config.json and janus-l2 (WebAssembly), builds the app and its tabs (Operators,
// Stake, Operator, Bridge, Wallet, Explorer), and the transaction log. Tabs follow the URL hash (#operators,
// #stake, #operator, #bridge, #wallet, #explorer).
import './style.css';
import { App } from './app';
import { loadConfig } from './config';
import { api as l2api, loadL2 } from './l2';
import { checkBlockSignature, headerHash, softConfirmationDigest, type SoftConfVerifier } from './softconf';
import { h } from './ui';
import { bridgeView } from './views/bridge';
import { explorerView } from './views/explorer';
import { header } from './views/header';
import { operatorsView } from './views/operators';
import { operatorView } from './views/operator';
import { stakeView } from './views/stake';
import { walletView } from './views/wallet';

const TABS = [
  ['operators', 'Operators'],
  ['stake', 'Stake'],
  ['operator', 'Operator'],
  ['bridge', 'Bridge'],
  ['wallet', 'Wallet'],
  ['explorer', 'Explorer'],
] as const;

declare global {
  interface Window {
    /** janus-l2 (wasm) as the app uses it: for the console and the browser tests. */
    janusL2?: typeof l2api;
    /** The soft-confirmation check the Wallet tab runs (console, tests). */
    janusSoftConf?: {
      headerHash: typeof headerHash;
      softConfirmationDigest: typeof softConfirmationDigest;
      checkBlockSignature: typeof checkBlockSignature;
      verifier: SoftConfVerifier;
    };
  }
}

async function main(): Promise<void> {
  const root = document.getElementById('app')!;
  let app: App;
  try {
    const [cfg] = await Promise.all([loadConfig(), loadL2()]);
    window.janusL2 = l2api;
    app = new App(cfg);
    window.janusSoftConf = { headerHash, softConfirmationDigest, checkBlockSignature, verifier: app.softconf };
  } catch (e) {
    root.replaceChildren(h('p', { class: 'error' }, `Cannot start: ${e instanceof Error ? e.message : String(e)}`));
    return;
  }
  const head = app.add(header(app));
  const views = {
    operators: app.add(operatorsView()),
    stake: app.add(stakeView(app)),
    operator: app.add(operatorView(app)),
    bridge: app.add(bridgeView(app)),
    wallet: app.add(walletView(app)),
    explorer: app.add(explorerView(app)),
  };
  const nav = h('nav', {}, TABS.map(([id, label]) => h('a', { href: `#${id}`, id: `nav-${id}` }, label)));
  const show = () => {
    const want = location.hash.slice(1);
    const current = TABS.some(([id]) => id === want) ? want : 'operators';
    for (const [id] of TABS) {
      views[id].el.hidden = id !== current;
      document.getElementById(`nav-${id}`)!.classList.toggle('active', id === current);
    }
  };
  window.addEventListener('hashchange', show);
  root.replaceChildren(
    head.el,
    nav,
    h('main', {}, views.operators.el, views.stake.el, views.operator.el, views.bridge.el, views.wallet.el, views.explorer.el),
    h('aside', {}, h('h2', {}, 'Transactions'), app.txs.el),
  );
  show();
  app.start();
}

void main();
