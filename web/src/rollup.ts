// Owns reading the bridge and the rollup from L1: listed assets, the L2 accounts an address opened,
// every batch posted (BatchSubmitted events) with its current status and, read from the posting
// transaction's calldata, its batch data decoded by janus-l2 (wasm) — so the withdrawals of a batch
// and their Merkle proofs come from L1 alone, no keeper needed.
import { decodeFunctionData, zeroAddress, type Address, type Hash, type Hex, type PublicClient } from 'viem';
import { bridgeAbi, rollupAbi, tokenAbi } from './abi';
import type { Config } from './config';
import { decodeBatch, L2StateReplay, type DecodedBatch, type L2Account } from './l2';

export const BATCH_STATUS = ['none', 'pending', 'challenged', 'proven', 'finalized', 'reverted'] as const;
export type BatchStatusName = (typeof BATCH_STATUS)[number];

export interface AssetInfo {
  id: number;
  token: Address; // zero for ETH
  symbol: string;
  decimals: number;
  scale: bigint; // token wei per L2 unit
  outstanding: bigint;
}

export interface BoundAccount {
  account: number;
  l2Key: Hex;
  block: bigint;
  txHash: Hash;
}

export interface BatchInfo {
  id: bigint;
  parentId: bigint;
  operator: Address;
  height: bigint;
  submittedAt: bigint;
  status: BatchStatusName;
  /** End of the challenge window (submittedAt + challengeWindow). */
  challengeEnd: bigint;
  /** While challenged: the effective proof deadline. */
  proveDeadline: bigint | null;
  /** Finalized: by a proof (true) or by the window (false). */
  finalizedByProof: boolean | null;
  proven: boolean;
  dataHash: Hex;
  /** The state root the batch claims (BatchSubmitted's newStateRoot). */
  newStateRoot: Hex;
  withdrawalRoot: Hex;
  withdrawalCount: number;
  msgStart: bigint;
  msgEnd: bigint;
  txCount: number;
  block: bigint;
  txHash: Hash;
  /** The batch data from the posting transaction's calldata, decoded; or why not. */
  data: Hex | null;
  decoded: DecodedBatch | null;
  dataError: string | null;
}

export interface RollupParams {
  challengeWindow: bigint;
  proveWindow: bigint;
  escapeDelay: bigint;
  maxBatchRecords: number;
  challengeBond: bigint;
  proverBounty: bigint;
}

type Cached = { data: Hex; decoded: DecodedBatch } | { error: string };

export class RollupReader {
  /** Batch data never changes once posted: decoded once per (id, transaction). */
  private cache = new Map<string, Cached>();

  constructor(
    readonly pub: PublicClient,
    readonly cfg: Config,
  ) {}

  private read<T>(address: Address, abi: any, functionName: string, args: readonly unknown[], blockNumber: bigint): Promise<T> {
    return this.pub.readContract({ address, abi, functionName, args, blockNumber }) as Promise<T>;
  }

  async assets(bn: bigint): Promise<AssetInfo[]> {
    const bridge = this.cfg.contracts.bridge;
    const count = await this.read<number>(bridge, bridgeAbi, 'assetCount', [], bn);
    return Promise.all(
      Array.from({ length: Number(count) }, async (_, id): Promise<AssetInfo> => {
        const a = await this.read<{ token: Address; scale: bigint; outstanding: bigint }>(bridge, bridgeAbi, 'getAsset', [id], bn);
        if (id === 0 || a.token === zeroAddress) return { id, token: zeroAddress, symbol: 'ETH', decimals: 18, scale: BigInt(a.scale), outstanding: BigInt(a.outstanding) };
        const [symbol, decimals] = await Promise.all([
          this.read<string>(a.token, tokenAbi, 'symbol', [], bn).catch(() => `asset ${id}`),
          this.read<number>(a.token, tokenAbi, 'decimals', [], bn).catch(() => 18),
        ]);
        return { id, token: a.token, symbol, decimals: Number(decimals), scale: BigInt(a.scale), outstanding: BigInt(a.outstanding) };
      }),
    );
  }

  /** The L2 accounts `owner` opened (AccountRegistered events), oldest first. */
  async boundAccounts(owner: Address, bn: bigint): Promise<BoundAccount[]> {
    const logs = await this.pub.getContractEvents({
      address: this.cfg.contracts.bridge,
      abi: bridgeAbi,
      eventName: 'AccountRegistered',
      args: { l1Sender: owner },
      fromBlock: this.cfg.fromBlock,
      toBlock: bn,
    });
    return logs.map((l: any) => ({ account: Number(l.args.account), l2Key: l.args.l2Key as Hex, block: l.blockNumber, txHash: l.transactionHash }));
  }

  async params(bn: bigint): Promise<RollupParams> {
    const p = await this.read<any>(this.cfg.contracts.rollup, rollupAbi, 'params', [], bn);
    return {
      challengeWindow: BigInt(p.challengeWindow),
      proveWindow: BigInt(p.proveWindow),
      escapeDelay: BigInt(p.escapeDelay),
      maxBatchRecords: Number(p.maxBatchRecords),
      challengeBond: BigInt(p.challengeBond),
      proverBounty: BigInt(p.proverBounty),
    };
  }

  /** The batch data posted by transaction `txHash` for batch `id`, checked against its dataHash. */
  private async batchData(id: bigint, txHash: Hash, dataHash: Hex): Promise<Cached> {
    const key = `${id}:${txHash}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    let out: Cached;
    try {
      const tx = await this.pub.getTransaction({ hash: txHash });
      const call = decodeFunctionData({ abi: rollupAbi, data: tx.input });
      if (call.functionName !== 'submitBatch' && call.functionName !== 'submitBatchWithProof') {
        throw new Error(`posted by ${call.functionName}, not submitBatch`);
      }
      const data = (call.args as readonly unknown[])[3] as Hex;
      const decoded = decodeBatch(data);
      if (decoded.dataHash.toLowerCase() !== dataHash.toLowerCase()) throw new Error('the calldata is not this batch (keccak256 differs)');
      out = { data, decoded };
    } catch (e) {
      // e.g. posted through another contract (a multisig): the data is then not the transaction's
      // own calldata, and would need a trace to recover.
      out = { error: `batch data not readable from its transaction: ${e instanceof Error ? e.message : String(e)}` };
    }
    this.cache.set(key, out);
    return out;
  }

  private memo: { bn: bigint; p: Promise<BatchInfo[]> } | null = null;

  /** Every batch posted, newest first, with status and decoded data (read once per block). */
  batches(bn: bigint, params: RollupParams): Promise<BatchInfo[]> {
    if (this.memo?.bn === bn) return this.memo.p;
    const p = this.readBatches(bn, params);
    this.memo = { bn, p };
    p.catch(() => {
      if (this.memo?.p === p) this.memo = null;
    });
    return p;
  }

  private async readBatches(bn: bigint, params: RollupParams): Promise<BatchInfo[]> {
    const rollup = this.cfg.contracts.rollup;
    const range = { address: rollup, abi: rollupAbi, fromBlock: this.cfg.fromBlock, toBlock: bn } as const;
    const [submitted, finalized, proven] = await Promise.all([
      this.pub.getContractEvents({ ...range, eventName: 'BatchSubmitted' }),
      this.pub.getContractEvents({ ...range, eventName: 'BatchFinalized' }),
      this.pub.getContractEvents({ ...range, eventName: 'BatchProven' }),
    ]);
    const byProof = new Map<string, boolean>(finalized.map((l: any) => [String(l.args.batchId), l.args.proven as boolean]));
    const provenIds = new Set(proven.map((l: any) => String(l.args.batchId)));
    const out = await Promise.all(
      submitted.map(async (l: any): Promise<BatchInfo> => {
        const a = l.args;
        const id = a.batchId as bigint;
        const [b, data] = await Promise.all([
          this.read<any>(rollup, rollupAbi, 'getBatch', [id], bn),
          this.batchData(id, l.transactionHash, a.dataHash),
        ]);
        const status = BATCH_STATUS[Number(b.status)] ?? 'none';
        const proveDeadline = status === 'challenged' ? BigInt(await this.read<number>(rollup, rollupAbi, 'challengeDeadline', [id], bn)) : null;
        return {
          id,
          parentId: a.parentId,
          operator: a.operator,
          height: a.height,
          submittedAt: BigInt(b.submittedAt),
          status,
          challengeEnd: BigInt(b.submittedAt) + params.challengeWindow,
          proveDeadline,
          finalizedByProof: byProof.has(String(id)) ? byProof.get(String(id))! : null,
          proven: provenIds.has(String(id)),
          dataHash: a.dataHash,
          newStateRoot: a.newStateRoot,
          withdrawalRoot: a.withdrawalRoot,
          withdrawalCount: Number(b.withdrawalCount),
          msgStart: a.msgStart,
          msgEnd: a.msgEnd,
          txCount: Number(b.txCount),
          block: l.blockNumber,
          txHash: l.transactionHash,
          data: 'data' in data ? data.data : null,
          decoded: 'decoded' in data ? data.decoded : null,
          dataError: 'error' in data ? data.error : null,
        };
      }),
    );
    return out.sort((x, y) => (y.id > x.id ? 1 : y.id < x.id ? -1 : 0));
  }

  async isWithdrawn(batchId: bigint, index: number, bn: bigint): Promise<boolean> {
    return this.read<boolean>(this.cfg.contracts.bridge, bridgeAbi, 'isWithdrawn', [batchId, index], bn);
  }
}

export type Verdict = { ok: true } | { ok: false; reason: string };

/** The L2 state replayed by janus-l2 (wasm) from every canonical batch's data, from genesis: each
 *  batch's claimed state root is checked against what its data gives (a wrong one is what a
 *  challenger proves wrong), and the accounts' balances after the last checked batch are known
 *  without a keeper. Replays incrementally; starts over when a replayed batch leaves the chain. */
export class Replayer {
  private state = new L2StateReplay();
  private applied: bigint[] = [];
  private verdicts = new Map<string, Verdict>();
  private stopped: { id: bigint; reason: string } | null = null;
  private busy: Promise<unknown> = Promise.resolve();
  /** The last batch replayed (null: genesis). */
  lastId: bigint | null = null;

  constructor(
    readonly pub: PublicClient,
    readonly cfg: Config,
  ) {}

  /** Bring the replay up to `batches` (all batches, any order); serialized. */
  sync(batches: BatchInfo[]): Promise<void> {
    const run = this.busy.then(() => this.doSync(batches));
    this.busy = run.catch(() => {});
    return run;
  }

  private reset(): void {
    this.state.free();
    this.state = new L2StateReplay();
    this.applied = [];
    this.verdicts.clear();
    this.stopped = null;
    this.lastId = null;
  }

  private async doSync(batches: BatchInfo[]): Promise<void> {
    const canonical = batches.filter((b) => b.status !== 'reverted' && b.status !== 'none').sort((a, b) => Number(a.height - b.height));
    const prefixOk = this.applied.every((id, i) => canonical[i]?.id === id);
    const stoppedGone = this.stopped && !canonical.some((b) => b.id === this.stopped!.id);
    if (!prefixOk || stoppedGone) this.reset();
    if (this.stopped) return;
    for (const b of canonical.slice(this.applied.length)) {
      if (!b.data) {
        this.stopped = { id: b.id, reason: b.dataError ?? 'no data' };
        this.verdicts.set(String(b.id), { ok: false, reason: `not checked: ${this.stopped.reason}` });
        return;
      }
      const chainBefore = (await this.pub.readContract({ address: this.cfg.contracts.bridge, abi: bridgeAbi, functionName: 'messageChain', args: [b.msgStart] })) as Hex;
      let reason: string | null = null;
      try {
        const out = this.state.apply(b.data, this.cfg.l2ChainId, b.msgStart, chainBefore);
        if (out.newRoot.toLowerCase() !== b.newStateRoot.toLowerCase()) reason = `wrong state root: its data gives ${out.newRoot}, it claims ${b.newStateRoot}`;
      } catch (e) {
        reason = `invalid data: ${e instanceof Error ? e.message : String(e)}`;
      }
      if (reason) {
        this.stopped = { id: b.id, reason };
        this.verdicts.set(String(b.id), { ok: false, reason });
        return;
      }
      this.verdicts.set(String(b.id), { ok: true });
      this.applied.push(b.id);
      this.lastId = b.id;
    }
  }

  verdict(id: bigint): Verdict | null {
    const v = this.verdicts.get(String(id));
    if (v) return v;
    return this.stopped ? { ok: false, reason: `not checked: batch #${this.stopped.id} before it does not replay` } : null;
  }

  /** An account after the last replayed batch (null: not created by any replayed batch). */
  account(index: number): L2Account | null {
    return this.state.account(index);
  }
}
