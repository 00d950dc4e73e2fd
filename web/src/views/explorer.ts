// Owns the Explorer tab: a live view of the rollup from L1 alone: the L1 message queue and what the
// canonical batches consumed of it, the prover bounty pool, every batch with its status (pending
// with the end of its challenge window, challenged with its proof deadline, proven, finalized by
// window or by proof, reverted), whether its claimed state root is what its data gives (replayed
// here by janus-l2), a timeline picture of them (SVG), recent epochs with their leaders and
// liveness takeovers, and every slash with its reason. The calls anyone may make on these states go
// through the app's simulate-then-send path (tx.ts): finalize the next batch once its window is over
// (or it is proven), challenge a pending batch (with the bond), resolve a challenge whose proof
// deadline passed, claim the connected account's rollup credits; and the sequencer set's upkeep:
// report a leader that missed its liveness deadline, snapshot the ranking, update an operator's rank.
import type { Address } from 'viem';
import type { App, View } from '../app';
import type { Network } from '../chain';
import { rollupAbi, sequencerSetAbi, stakingAbi, bridgeAbi } from '../abi';
import { describeError } from '../errors';
import { Latest } from '../latest';
import type { Slash, Takeover } from '../events';
import { duration, eth, jns, short, time } from '../format';
import type { BatchInfo, RollupParams, Verdict } from '../rollup';
import { fill, h } from '../ui';
import { statusText } from './bridge';

const SVG = 'http://www.w3.org/2000/svg';

interface ExplorerState {
  block: bigint;
  now: number;
  batches: BatchInfo[];
  queueLength: bigint;
  consumed: bigint;
  oldestWaitingAt: bigint | null;
  forcedInclusionDelay: bigint;
  bountyPool: bigint;
  tipId: bigint;
  lastFinalizedId: bigint;
  lastFinalizedHeight: bigint;
  /** The epoch a snapshot taken now would cover, whether it exists, and the last block it may be taken at. */
  snapshotEpoch: bigint;
  snapshotExists: boolean;
  snapshotLastBlock: bigint;
  epochs: { epoch: bigint; startBlock: bigint; leader: Address | null }[];
  takeovers: Takeover[];
  slashes: Slash[];
  params: RollupParams;
  /** The connected account and its `Rollup.credits` (bonds won back, prover rewards). */
  account: Address | null;
  credits: bigint;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

const COLORS: Record<string, string> = {
  pending: '#e0a100',
  challenged: '#d0532b',
  proven: '#3a6ee8',
  finalized: '#17803d',
  reverted: '#888',
};

/** Batches as bars on L1 time: posting → end of the challenge window (→ proof deadline when challenged). */
function timeline(batches: BatchInfo[], now: number): SVGSVGElement {
  const shown = [...batches].sort((a, b) => Number(a.id - b.id)).slice(-12);
  const rowH = 22;
  const left = 60;
  const width = 900;
  const height = 30 + rowH * Math.max(shown.length, 1);
  const root = svg('svg', { id: 'timeline', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img' });
  if (shown.length === 0) {
    root.append(svg('text', { x: 10, y: 20, fill: '#667' }, 'No batch posted yet.'));
    return root;
  }
  const ends = shown.map((b) => Number(b.proveDeadline ?? b.challengeEnd));
  const t0 = Math.min(...shown.map((b) => Number(b.submittedAt)));
  const t1 = Math.max(now, ...ends) + 1;
  const x = (t: number) => left + ((t - t0) / (t1 - t0)) * (width - left - 10);
  shown.forEach((b, i) => {
    const y = 10 + i * rowH;
    const end = Number(b.proveDeadline ?? b.challengeEnd);
    const g = svg('g', { class: 'batch', 'data-batch': b.id.toString(), 'data-status': b.status });
    g.append(
      svg('text', { x: 4, y: y + 14, 'font-size': 12 }, `#${b.id}`),
      svg('rect', { x: x(Number(b.submittedAt)), y, width: Math.max(2, x(end) - x(Number(b.submittedAt))), height: rowH - 6, fill: COLORS[b.status] ?? '#aaa', rx: 3 }),
      svg('title', {}, `batch #${b.id}: ${b.status}, posted ${time(b.submittedAt)}, challenge window until ${time(b.challengeEnd)}`),
    );
    root.append(g);
  });
  root.append(
    svg('line', { x1: x(now), x2: x(now), y1: 0, y2: height - 18, stroke: '#1d2330', 'stroke-dasharray': '4 3' }),
    svg('text', { x: Math.min(x(now) + 3, width - 30), y: height - 6, 'font-size': 11 }, 'now'),
    svg('text', { x: left, y: height - 6, 'font-size': 11, fill: '#667' }, time(t0)),
  );
  return root;
}

function batchStatus(b: BatchInfo, now: number): string {
  if (b.status === 'finalized') return b.finalizedByProof ? 'finalized (ZK proof)' : 'finalized (optimistic: window passed)';
  return statusText(b, now);
}

/** Whether the batch's claimed state root is what janus-l2 computes from its data (App.replay). */
function verdictCell(v: Verdict | null, b: BatchInfo): HTMLElement {
  if (b.status === 'reverted') return h('td', { class: 'replay muted' }, '—');
  if (!v) return h('td', { class: 'replay muted' }, 'not replayed yet');
  return v.ok
    ? h('td', { class: 'replay ok', 'data-replay': 'ok' }, 'matches its data')
    : h('td', { class: 'replay error', 'data-replay': v.reason.startsWith('not checked') ? 'unchecked' : 'wrong' }, v.reason);
}

export function explorerView(app: App): View {
  const summaryEl = h('div', { id: 'explorer-summary' });
  const timelineEl = h('div', { id: 'timeline-box' });
  const batchesEl = h('div', { id: 'batches' });
  const epochsEl = h('div', { id: 'epochs' });
  const slashesEl = h('div', { id: 'slashes' });
  const upkeepEl = h('div', { id: 'upkeep' });
  const rankSel = h('select', { id: 'rank-operator' });
  const el = h(
    'section',
    { id: 'tab-explorer', class: 'tab' },
    h('h2', {}, 'Rollup'),
    summaryEl,
    h('h2', {}, 'Batches'),
    timelineEl,
    batchesEl,
    h('h2', {}, 'Epochs and leaders'),
    upkeepEl,
    epochsEl,
    h('h2', {}, 'Slashes'),
    slashesEl,
  );
  let state: ExplorerState | null = null;
  const loads = new Latest();

  const rollupCall = (label: string, functionName: string, args: readonly unknown[] = [], value?: bigint) =>
    void app.txs.send(label, { address: app.cfg.contracts.rollup, abi: rollupAbi, functionName, args, value });
  const setCall = (label: string, functionName: string) => void app.txs.send(label, { address: app.cfg.contracts.sequencerSet, abi: sequencerSetAbi, functionName });

  /** The canonical batch next in height order, if any is waiting to be finalized. */
  function nextToFinalize(s: ExplorerState): BatchInfo | null {
    return s.batches.find((b) => b.height === s.lastFinalizedHeight + 1n && b.status !== 'reverted' && b.status !== 'finalized') ?? null;
  }
  /** `finalizeBatch` would pass: proven, or pending with its challenge window over. */
  const finalizable = (b: BatchInfo, now: number) => b.status === 'proven' || (b.status === 'pending' && now >= Number(b.challengeEnd));

  /** What anyone may do with the batch now: challenge it in its window, resolve a lapsed challenge. */
  function actionsCell(s: ExplorerState, b: BatchInfo, now: number): HTMLElement {
    const td = h('td', { class: 'actions' });
    if (nextToFinalize(s)?.id === b.id && finalizable(b, now)) {
      td.append(
        h('button', {
          class: 'finalize-batch',
          disabled: !s.account,
          title: 'the next batch in height order: its challenge window is over (or it is proven), anyone may finalize it',
          onclick: () => rollupCall(`finalize batch ${b.id}`, 'finalizeBatch', [b.id]),
        }, 'Finalize batch'),
      );
    }
    if (b.status === 'pending' && now < Number(b.challengeEnd)) {
      const v = app.replay.verdict(b.id);
      td.append(
        h('button', {
          class: 'challenge',
          disabled: !s.account,
          title: !s.account
            ? 'connect a wallet to challenge'
            : v && !v.ok
              ? 'its data does not give the root it claims: unless it is proven by the deadline, the challenge reverts it, returns the bond and slashes its operator'
              : 'anyone may challenge it; a valid proof by the deadline answers the challenge and the bond goes to the prover',
          onclick: () => rollupCall(`challenge batch ${b.id}`, 'challenge', [b.id], s.params.challengeBond),
        }, `Challenge (bond ${eth(s.params.challengeBond, 6)})`),
      );
    }
    if (b.status === 'challenged' && b.proveDeadline !== null && now >= Number(b.proveDeadline)) {
      td.append(
        h('button', {
          class: 'resolve-challenge',
          disabled: !s.account,
          title: 'the proof deadline passed without a proof: resolving reverts the batch (and its descendants), returns the bond to the challenger and slashes the operator',
          onclick: () => rollupCall(`resolve challenge of batch ${b.id}`, 'resolveChallenge', [b.id]),
        }, 'Resolve challenge'),
      );
    }
    return td;
  }

  /** Reads the rollup at the network snapshot's block; slashes and takeovers come with the snapshot (events.ts). */
  async function load(n: Network, account: Address | null): Promise<boolean> {
    const block = n.blockNumber;
    let stored = false;
    try {
      const { rollup, bridge, sequencerSet } = app.cfg.contracts;
      const read = <T>(address: Address, abi: any, functionName: string, args: readonly unknown[] = []) =>
        app.pub.readContract({ address, abi, functionName, args, blockNumber: block }) as Promise<T>;
      const params = await app.rollup.params(block);
      const [batches, queueLength, bountyPool, tipId, lastFinalizedId, lastFinalizedHeight, forcedInclusionDelay, epoch, activationDelay, window] = await Promise.all([
        app.rollup.batches(block, params),
        read<bigint>(bridge, bridgeAbi, 'messageCount'),
        read<bigint>(rollup, rollupAbi, 'bountyPool'),
        read<bigint>(rollup, rollupAbi, 'tipId'),
        read<bigint>(rollup, rollupAbi, 'lastFinalizedId'),
        read<bigint>(rollup, rollupAbi, 'lastFinalizedHeight'),
        read<bigint>(bridge, bridgeAbi, 'forcedInclusionDelay'),
        read<bigint>(sequencerSet, sequencerSetAbi, 'currentEpoch'),
        read<bigint>(sequencerSet, sequencerSetAbi, 'activationDelay'),
        read<bigint>(sequencerSet, sequencerSetAbi, 'BLOCKHASH_WINDOW'),
      ]);
      await app.replay.sync(batches).catch(() => {}); // verdicts stay unknown if L1 could not be read
      const credits = account ? await read<bigint>(rollup, rollupAbi, 'credits', [account]) : 0n;
      const tip = await read<any>(rollup, rollupAbi, 'getBatch', [tipId]);
      const consumed = BigInt(tip.msgEnd);
      const oldestWaitingAt = consumed < queueLength ? BigInt(await read<bigint>(bridge, bridgeAbi, 'enqueuedAt', [consumed])) : null;
      const snapshotEpoch = epoch + BigInt(activationDelay);
      const [snapSet, epochStart] = await Promise.all([
        read<{ epoch: bigint }>(sequencerSet, sequencerSetAbi, 'setFor', [snapshotEpoch]).catch(() => null),
        read<bigint>(sequencerSet, sequencerSetAbi, 'epochStartBlock', [epoch]),
      ]);
      const first = epoch > 6n ? epoch - 6n : 0n;
      const epochs = await Promise.all(
        Array.from({ length: Number(epoch + 2n - first) }, async (_, i) => {
          const e = first + BigInt(i);
          const startBlock = BigInt(await read<bigint>(sequencerSet, sequencerSetAbi, 'epochStartBlock', [e]));
          const leader = await read<Address>(sequencerSet, sequencerSetAbi, 'leaderAt', [startBlock]).catch(() => null);
          return { epoch: e, startBlock, leader: leader && /^0x0{40}$/.test(leader) ? null : leader };
        }),
      );
      state = {
        block,
        now: app.chainNow(),
        batches,
        queueLength,
        consumed,
        oldestWaitingAt,
        forcedInclusionDelay,
        bountyPool,
        tipId,
        lastFinalizedId,
        lastFinalizedHeight: BigInt(lastFinalizedHeight),
        snapshotEpoch,
        snapshotExists: !!snapSet && BigInt(snapSet.epoch) >= snapshotEpoch,
        snapshotLastBlock: BigInt(epochStart) + BigInt(window) - 1n,
        epochs: epochs.reverse(),
        takeovers: n.takeovers,
        slashes: n.slashes,
        params,
        account,
        credits,
      };
      stored = true;
    } catch (e) {
      fill(summaryEl, h('p', { class: 'error' }, `cannot read the rollup: ${describeError(e)}`));
    }
    render();
    return stored;
  }

  function render(): void {
    const s = state;
    if (!s) return;
    const now = app.chainNow();
    const waiting = s.queueLength - s.consumed;
    fill(
      summaryEl,
      h('p', {},
        'L1 message queue: ', h('b', { id: 'queue-length' }, s.queueLength.toString()), ' messages, ',
        h('span', { id: 'queue-consumed' }, s.consumed.toString()), ' consumed by the canonical batches (tip ', h('code', {}, `#${s.tipId}`), '), ',
        h('b', { id: 'queue-waiting' }, waiting.toString()), ' waiting',
        s.oldestWaitingAt !== null
          ? ` (the oldest since ${time(s.oldestWaitingAt)}; ${Number(s.oldestWaitingAt + s.forcedInclusionDelay) <= now ? 'overdue: the next batch must include it' : `overdue in ${duration(Number(s.oldestWaitingAt + s.forcedInclusionDelay) - now)}`})`
          : '',
        '.'),
      h('p', {}, 'Prover bounty pool: ', h('b', { id: 'bounty-pool' }, eth(s.bountyPool, 6)), ` · last finalized batch #${s.lastFinalizedId}`),
      h('p', { id: 'next-finalize' }, (() => {
        const b = nextToFinalize(s);
        if (!b) return 'Next to finalize: none (no batch above the last finalized one).';
        const left = Number(b.challengeEnd) - now;
        return `Next to finalize: batch #${b.id} (height ${b.height}): ${finalizable(b, now) ? 'finalizable now, by anyone (its row\'s Finalize batch)' : b.status === 'challenged' ? 'challenged, final only once proven' : `its challenge window ends in ${duration(left)}`}.`;
      })()),
      s.account
        ? h('p', {},
            `Rollup credits of ${short(s.account)} (challenge bonds won back, prover rewards): `,
            h('b', { id: 'rollup-credits' }, eth(s.credits, 6)), ' ',
            h('button', { id: 'claim-credits', disabled: s.credits === 0n, onclick: () => rollupCall('claim rollup credits', 'claim') }, 'Claim'))
        : null,
    );
    fill(timelineEl, timeline(s.batches, now));
    fill(
      batchesEl,
      s.batches.length === 0
        ? h('p', { class: 'muted' }, 'No batch posted yet.')
        : h(
            'table',
            {},
            h('tr', {}, ['batch', 'height', 'operator', 'posted', 'messages', 'txs', 'withdrawals', 'status', 'state root, replayed here', ''].map((t) => h('th', {}, t))),
            s.batches.map((b) =>
              h(
                'tr',
                { class: 'batch', 'data-batch': b.id.toString(), 'data-status': b.status },
                h('td', {}, `#${b.id}`),
                h('td', {}, b.height.toString()),
                h('td', {}, h('code', { title: b.operator }, short(b.operator))),
                h('td', {}, `${time(b.submittedAt)} (block ${b.block})`),
                h('td', {}, `${b.msgEnd - b.msgStart}`),
                h('td', {}, String(b.txCount)),
                h('td', {}, String(b.withdrawalCount)),
                h('td', { class: 'status' }, batchStatus(b, now), b.dataError ? h('div', { class: 'warn' }, b.dataError) : null),
                verdictCell(app.replay.verdict(b.id), b),
                actionsCell(s, b, now),
              ),
            ),
          ),
    );
    renderUpkeep(s);
    const byEpoch = new Map<string, Takeover[]>();
    for (const t of s.takeovers) byEpoch.set(String(t.epoch), [...(byEpoch.get(String(t.epoch)) ?? []), t]);
    const current = app.net?.epoch;
    fill(
      epochsEl,
      h(
        'table',
        {},
        h('tr', {}, ['epoch', 'first block', 'leader at its first block', 'takeovers (liveness reports)'].map((t) => h('th', {}, t))),
        s.epochs.map((e) =>
          h(
            'tr',
            { class: 'epoch', 'data-epoch': e.epoch.toString() },
            h('td', {}, e.epoch.toString(), e.epoch === current ? ' (now)' : current !== undefined && e.epoch > current ? ' (next)' : ''),
            h('td', {}, e.startBlock.toString()),
            h('td', {}, e.leader ? h('code', { title: e.leader }, short(e.leader)) : h('span', { class: 'muted' }, 'none')),
            h('td', { class: 'takeovers' }, (byEpoch.get(String(e.epoch)) ?? []).map((t) =>
              h('div', {}, h('code', {}, short(t.operator)), ' reported by ', h('code', {}, short(t.reporter)), '; ', h('code', {}, short(t.newLeader)), ` leads from block ${t.fromBlock}`))),
          ),
        ),
      ),
    );
    fill(
      slashesEl,
      s.slashes.length === 0
        ? h('p', { class: 'muted' }, 'No slash so far.')
        : h(
            'table',
            {},
            h('tr', {}, ['block', 'operator', 'reason', 'amount', 'reporter', 'reporter reward'].map((t) => h('th', {}, t))),
            s.slashes.map((x) =>
              h(
                'tr',
                { class: 'slash', 'data-operator': x.operator, 'data-kind': x.kind },
                h('td', {}, x.block.toString(), x.time !== null ? h('span', { class: 'muted' }, ` (${time(x.time)})`) : null),
                h('td', {}, h('code', { title: x.operator }, short(x.operator))),
                h('td', { class: 'kind' }, x.kind),
                h('td', { class: 'amount' }, jns(x.amount)),
                h('td', {}, h('code', { title: x.reporter }, short(x.reporter))),
                h('td', {}, jns(x.reporterReward)),
              ),
            ),
          ),
    );
  }

  /** The sequencer set's calls open to anyone: liveness report, snapshot, ranking update. */
  function renderUpkeep(s: ExplorerState): void {
    const n = app.net;
    if (!n) return;
    const deadline = n.livenessDeadline;
    const late = deadline !== null && n.blockNumber >= deadline;
    const eligible = n.operators.filter((o) => o.eligible);
    const picked = rankSel.value;
    fill(rankSel, eligible.map((o) => h('option', { value: o.address }, `${short(o.address)}${o.rank === null ? ' (eligible, not ranked)' : ` (rank ${o.rank + 1})`}`)));
    if (eligible.some((o) => o.address === picked)) rankSel.value = picked;
    else {
      const unranked = eligible.find((o) => o.rank === null);
      if (unranked) rankSel.value = unranked.address;
    }
    fill(
      upkeepEl,
      h('p', { id: 'explorer-liveness' },
        deadline === null
          ? 'No leader: no set covers this epoch. '
          : late
            ? `The leader ${short(n.leaderNow ?? '')} missed its liveness deadline (block ${deadline}): anyone may report it, which slashes it (unless already jailed) and hands the epoch to the next member. `
            : `The leader ${short(n.leaderNow ?? '')} must post or be reported from block ${deadline} (${deadline - n.blockNumber} blocks left). `,
        h('button', { id: 'report-liveness', disabled: !s.account || !late, onclick: () => setCall('report liveness', 'reportLiveness') }, 'Report liveness')),
      h('p', { id: 'snapshot-state' },
        s.snapshotExists
          ? `The set for epoch ${s.snapshotEpoch} is snapshotted. `
          : n.blockNumber > s.snapshotLastBlock
            ? `The set for epoch ${s.snapshotEpoch} is not snapshotted, and this epoch's snapshot window closed at block ${s.snapshotLastBlock}. `
            : `The set for epoch ${s.snapshotEpoch} is not snapshotted yet: anyone may snapshot the ranking until block ${s.snapshotLastBlock}. `,
        h('button', { id: 'snapshot', disabled: !s.account || s.snapshotExists || n.blockNumber > s.snapshotLastBlock, onclick: () => setCall('snapshot the ranking', 'snapshot') }, 'Snapshot')),
      h('p', {},
        'Re-rank an eligible operator (its stake as of now): ', rankSel, ' ',
        h('button', {
          id: 'update-ranking',
          disabled: !s.account || eligible.length === 0,
          onclick: () => {
            const op = rankSel.value as Address;
            if (op) void app.txs.send(`update the ranking of ${short(op)}`, { address: app.cfg.contracts.staking, abi: stakingAbi, functionName: 'updateRanking', args: [op] });
          },
        }, 'Update ranking')),
    );
  }

  return {
    el,
    update(app) {
      const n = app.net;
      const account = app.wallet.account;
      if (n) loads.want(`${n.blockNumber}:${account}`, () => load(n, account));
      render();
    },
    tick() {
      if (state?.batches.some((b) => b.status === 'pending' || b.status === 'challenged')) render();
    },
  };
}

