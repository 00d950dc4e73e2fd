// Owns the app's shared state (config, clients, wallet, the latest L1 snapshots) and the refresh loop:
// every new L1 block (polled each second) and every mined transaction reloads the snapshots and
// re-renders the views.
import type { PublicClient } from 'viem';
import { Reader, makeClient, type Account, type Network } from './chain';
import type { Config } from './config';
import { describeError } from './errors';
import type { L2Key } from './l2key';
import { Replayer, RollupReader } from './rollup';
import { SoftConfVerifier } from './softconf';
import { Txs } from './tx';
import { Wallet } from './wallet';

export interface View {
  el: HTMLElement;
  update(app: App): void;
  /** Called every second (countdowns). */
  tick?(app: App): void;
}

export class App {
  readonly pub: PublicClient;
  readonly reader: Reader;
  readonly wallet: Wallet;
  readonly txs: Txs;
  readonly rollup: RollupReader;
  /** The L2 state replayed from L1 batch data (janus-l2 wasm), shared by the views. */
  readonly replay: Replayer;
  /** Checks keepers' soft confirmations against L1 (the slasher's domain, signers, leaders). */
  readonly softconf: SoftConfVerifier;
  /** The L2 key derived from the wallet (docs/l2-spec.md §14), in memory only; cleared when the account changes. */
  l2key: L2Key | null = null;
  net: Network | null = null;
  acct: Account | null = null;
  error: string | null = null;
  private views: View[] = [];
  private seenBlock = -1n;
  private seenAt = 0;
  private loading = false;
  private again = false;

  constructor(readonly cfg: Config) {
    this.pub = makeClient(cfg);
    this.reader = new Reader(this.pub, cfg);
    this.wallet = new Wallet(cfg);
    this.txs = new Txs(this.pub, this.wallet, () => void this.refresh());
    this.rollup = new RollupReader(this.pub, cfg);
    this.replay = new Replayer(this.pub, cfg);
    this.softconf = new SoftConfVerifier(this.pub, cfg);
    this.wallet.onChange(() => {
      if (this.l2key && this.l2key.owner !== this.wallet.account) this.l2key = null;
      void this.refresh();
    });
  }

  add(v: View): View {
    this.views.push(v);
    return v;
  }

  /** L1 time now, estimated from the latest block's timestamp and the time since it was seen. */
  chainNow(): number {
    if (!this.net) return Math.floor(Date.now() / 1000);
    return Number(this.net.blockTime) + Math.floor((Date.now() - this.seenAt) / 1000);
  }

  render(): void {
    for (const v of this.views) v.update(this);
  }

  async refresh(): Promise<void> {
    if (this.loading) {
      this.again = true;
      return;
    }
    this.loading = true;
    try {
      const net = await this.reader.network();
      const acct = this.wallet.account ? await this.reader.account(this.wallet.account, net) : null;
      if (net.blockNumber !== this.seenBlock) {
        this.seenBlock = net.blockNumber;
        this.seenAt = Date.now();
      }
      this.net = net;
      this.acct = acct;
      this.error = null;
    } catch (e) {
      this.error = `cannot read L1 at ${this.cfg.rpcUrl}: ${describeError(e)}`;
    } finally {
      this.loading = false;
    }
    this.render();
    if (this.again) {
      this.again = false;
      void this.refresh();
    }
  }

  /** Reload whenever a new block appears; tick the countdowns every second. */
  start(): void {
    void this.refresh();
    setInterval(async () => {
      try {
        const bn = await this.pub.getBlockNumber({ cacheTime: 0 });
        if (bn !== this.seenBlock) void this.refresh();
      } catch {
        /* shown by the next refresh */
      }
    }, 1000);
    setInterval(() => this.tick(), 1000);
  }

  private tick(): void {
    for (const v of this.views) v.tick?.(this);
  }
}
