// Owns reading the bridge and the rollup from L1: listed assets, the L2 accounts an address opened,
// every batch posted (BatchSubmitted events) with its current status and, read from the posting
// transaction's calldata, its batch data decoded by janus-l2 (wasm) — so the withdrawals of a batch
// and their Merkle proofs come from L1 alone, no keeper needed.
import { decodeFunctionData, zeroAddress, type Address, type Hash, type Hex, type PublicClient } from 'viem';
import { bridgeAbi, rollupAbi, tokenAbi } from './abi';
import type { Config } from './config';
import { decodeBatch, type DecodedBatch } from './l2';

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

  /** Every batch posted, newest first, with status and decoded data. */
  async batches(bn: bigint, params: RollupParams): Promise<BatchInfo[]> {
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
