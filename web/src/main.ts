// Entry point: loads config.json, builds the app and its tabs (Operators, Stake, Operator), and the
// transaction log. Tabs follow the URL hash (#operators, #stake, #operator).
import './style.css';
import { App } from './app';
import { loadConfig } from './config';
import { h } from './ui';
import { header } from './views/header';
import { operatorsView } from './views/operators';
import { operatorView } from './views/operator';
import { stakeView } from './views/stake';

const TABS = [
  ['operators', 'Operators'],
  ['stake', 'Stake'],
  ['operator', 'Operator'],
] as const;

async function main(): Promise<void> {
  const root = document.getElementById('app')!;
  let app: App;
  try {
    app = new App(await loadConfig());
  } catch (e) {
    root.replaceChildren(h('p', { class: 'error' }, `Cannot start: ${e instanceof Error ? e.message : String(e)}`));
    return;
  }
  const head = app.add(header(app));
  const views = {
    operators: app.add(operatorsView()),
    stake: app.add(stakeView(app)),
    operator: app.add(operatorView(app)),
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
    h('main', {}, views.operators.el, views.stake.el, views.operator.el),
    h('aside', {}, h('h2', {}, 'Transactions'), app.txs.el),
  );
  show();
  app.start();
}

void main();
