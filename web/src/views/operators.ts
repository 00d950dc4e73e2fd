// Owns the Operators tab: the sequencer set in force, the leader now and next, the liveness deadline,
// and every registered operator (stake, self-bond, delegators' share, commission, status, roles),
// each with its slashes and the liveness takeovers it suffered (events.ts, as on the Explorer).
import { formatUnits } from 'viem';
import type { App, View } from '../app';
import type { Network, OperatorInfo } from '../chain';
import { bps, duration, jns, short, time } from '../format';
import { fill, h } from '../ui';

export function status(o: OperatorInfo, now: number): string {
  if (!o.registered) return o.exitBlock > 0n ? `exited (block ${o.exitBlock})` : 'exited';
  if (o.jailed) {
    const left = Number(o.jailedUntil) - now;
    const rotate = o.mustRotateSigner ? ', must rotate its signer' : '';
    return left > 0 ? `jailed until ${time(o.jailedUntil)} (${duration(left)})${rotate}` : `jailed, may unjail now${rotate}`;
  }
  return o.eligible ? 'active' : 'under-bonded';
}

function roles(o: OperatorInfo, n: Network): string {
  const r: string[] = [];
  if (n.leaderNow === o.address) r.push('leader now');
  if (n.leaderNext === o.address) r.push('leader next epoch');
  if (o.inSet) r.push('in the set');
  if (o.rank !== null) r.push(`rank ${o.rank + 1}`);
  return r.join(', ') || '—';
}

const COLUMNS = ['operator', 'status', 'stake', 'self-bond', 'delegators', 'commission', 'accrued', 'unbonding', 'role', 'signer', 'metadata'];
const when = (block: bigint, t: bigint | null) => `block ${block}${t !== null ? ` (${time(t)})` : ''}`;

/** The row under an operator's: its slashes (reason, amount, block and time, reporter) and the liveness takeovers it suffered. */
function historyRow(o: OperatorInfo, n: Network): HTMLElement {
  const mine = (a: string) => a.toLowerCase() === o.address.toLowerCase();
  const slashes = n.slashes.filter((x) => mine(x.operator));
  const takeovers = n.takeovers.filter((t) => mine(t.operator));
  return h(
    'tr',
    { class: 'operator-history', 'data-history-of': o.address },
    h(
      'td',
      { colspan: COLUMNS.length },
      h(
        'div',
        { class: 'op-slashes' },
        'Slashes: ',
        slashes.length === 0
          ? h('span', { class: 'none muted' }, 'none')
          : h(
              'ul',
              {},
              slashes.map((x) =>
                h(
                  'li',
                  { class: 'op-slash', 'data-kind': x.kind, 'data-amount': x.amount.toString(), 'data-block': x.block.toString(), 'data-reporter': x.reporter },
                  h('b', { class: 'kind' }, x.kind),
                  ': ',
                  h('span', { class: 'amount', title: `${formatUnits(x.amount, 18)} JNS` }, jns(x.amount)),
                  ` at ${when(x.block, x.time)}, reported by `,
                  h('code', { class: 'reporter', title: x.reporter }, short(x.reporter)),
                  ` (reward ${jns(x.reporterReward)})`,
                ),
              ),
            ),
      ),
      h(
        'div',
        { class: 'op-takeovers' },
        'Liveness takeovers: ',
        takeovers.length === 0
          ? h('span', { class: 'none muted' }, 'none')
          : h(
              'ul',
              {},
              takeovers.map((t) =>
                h(
                  'li',
                  { class: 'op-takeover', 'data-epoch': t.epoch.toString(), 'data-block': t.block.toString(), 'data-reporter': t.reporter, 'data-new-leader': t.newLeader },
                  `epoch ${t.epoch}: reported at ${when(t.block, t.time)} by `,
                  h('code', { title: t.reporter }, short(t.reporter)),
                  '; ',
                  h('code', { title: t.newLeader }, short(t.newLeader)),
                  ` leads from block ${t.fromBlock}`,
                ),
              ),
            ),
      ),
    ),
  );
}

function setPanel(n: Network): HTMLElement {
  const s = n.setNow;
  const deadline =
    n.livenessDeadline !== null
      ? n.livenessDeadline > n.blockNumber
        ? `the leader must post by block ${n.livenessDeadline} (${n.livenessDeadline - n.blockNumber} blocks left)`
        : `the leader missed its deadline (block ${n.livenessDeadline}): anyone may report it (reportLiveness)`
      : 'no set covers this epoch yet';
  return h(
    'section',
    { id: 'set' },
    h('h2', {}, `Sequencer set, epoch ${n.epoch}`),
    h(
      'p',
      {},
      `Block ${n.blockNumber}; epochs of ${n.params.epochLength} blocks; next epoch starts at block ${n.nextEpochStart}.`,
      s ? ` The set in force was recorded for epoch ${s.epoch}.` : '',
    ),
    h(
      'ul',
      {},
      h('li', { id: 'leader-now' }, 'Leader now: ', h('code', {}, n.leaderNow ?? 'none')),
      h('li', { id: 'leader-next' }, 'Leader of the next epoch: ', h('code', {}, n.leaderNext ?? 'not drawn yet (no snapshot covers it)'),
        n.leaderNext && n.nextSetEpoch !== null && n.nextSetEpoch <= n.epoch
          ? h('span', { class: 'muted' }, ` (provisional: drawn from the set recorded for epoch ${n.nextSetEpoch}; a snapshot taken in this epoch would replace it)`)
          : null),
      h('li', { id: 'liveness' }, `Liveness: ${deadline} (timeout ${n.livenessTimeout} blocks).`),
    ),
    s
      ? h(
          'table',
          { id: 'set-members' },
          h('tr', {}, h('th', {}, 'member'), h('th', {}, 'stake (snapshot)'), h('th', {}, 'weight')),
          s.operators.map((op, i) =>
            h(
              'tr',
              {},
              h('td', {}, h('code', {}, op)),
              h('td', {}, jns(s.stakes[i])),
              h('td', {}, `${((Number(s.stakes[i]) / Number(s.totalStake)) * 100).toFixed(1)} %`),
            ),
          ),
        )
      : h('p', {}, 'No snapshot covers this epoch.'),
  );
}

export function operatorsView(): View {
  const el = h('section', { id: 'tab-operators', class: 'tab' });
  return {
    el,
    update(app: App) {
      const n = app.net;
      if (!n) return;
      const now = app.chainNow();
      const p = n.params;
      fill(
        el,
        setPanel(n),
        h('h2', {}, `Operators (${n.operators.length} registered)`),
        h(
          'p',
          { class: 'muted' },
          `Minimum self-bond ${jns(p.minSelfBond)}; commission moves at most ${bps(p.maxCommissionStepBps)} per epoch, once per epoch; unbonding takes ${duration(Number(p.unbondingDelay))}; slashes: liveness ${bps(p.slashLivenessBps)}, invalid root ${bps(p.slashInvalidRootBps)}, equivocation ${bps(p.slashEquivocationBps)}.`,
        ),
        h(
          'table',
          { id: 'operators' },
          h('tr', {}, COLUMNS.map((t) => h('th', {}, t))),
          n.operators.flatMap((o) => {
            const delegated = o.stake > o.selfBond ? o.stake - o.selfBond : 0n;
            const share = o.stake > 0n ? Number((delegated * 1000n) / o.stake) / 10 : 0;
            const row = h(
              'tr',
              { 'data-operator': o.address },
              h('td', {}, h('code', { title: o.address }, short(o.address))),
              h('td', { class: 'status' }, status(o, now)),
              h('td', { class: 'stake' }, jns(o.stake, 2)),
              h('td', {}, jns(o.selfBond, 2)),
              h('td', {}, `${jns(delegated, 2)} (${share} %)`),
              h('td', { title: `last changed in epoch ${o.commissionEpoch}; next change from epoch ${o.commissionEpoch + 1n}` }, bps(o.commissionBps)),
              h('td', {}, jns(o.commissionAccrued, 2)),
              h('td', {}, jns(o.unbondingStake, 2)),
              h('td', {}, roles(o, n)),
              h('td', {}, h('code', { title: o.signer }, short(o.signer))),
              h('td', {}, o.metadata),
            );
            return [row, historyRow(o, n)];
          }),
        ),
        app.cfg.l2Rpc.length ? h('p', { class: 'muted' }, `Keeper L2 RPC: ${app.cfg.l2Rpc.join(', ')}`) : null,
      );
    },
  };
}
