// Owns reading and decoding the sequencer set's penalty events from L1, for every view that shows
// them (the Explorer network-wide, the Operators tab per operator): `Staking.Slashed` with its
// reason (`IStaking.SlashKind`) and `SequencerSet.LivenessReported` (a liveness takeover), each with
// the block and the block's time.
import type { Address, Hash, PublicClient } from 'viem';
import { sequencerSetAbi, stakingAbi } from './abi';
import type { Config } from './config';

/** `IStaking.SlashKind`, in the enum's order. */
export const SLASH_KINDS = ['Liveness', 'InvalidRoot', 'Equivocation'] as const;

export function slashKind(kind: number | bigint): string {
  return SLASH_KINDS[Number(kind)] ?? `kind ${kind}`;
}

export interface Slash {
  block: bigint;
  /** Timestamp of the block that holds the event (null if it could not be read). */
  time: bigint | null;
  operator: Address;
  kind: string;
  reporter: Address;
  amount: bigint;
  reporterReward: bigint;
}

export interface Takeover {
  block: bigint;
  time: bigint | null;
  epoch: bigint;
  /** The leader reported (and slashed unless already jailed). */
  operator: Address;
  reporter: Address;
  newLeader: Address;
  fromBlock: bigint;
}

export interface PenaltyEvents {
  slashes: Slash[];
  takeovers: Takeover[];
}

// Block timestamps by block hash: immutable, so kept for the page's life (a reorged block has another hash).
const blockTimes = new Map<Hash, Promise<bigint | null>>();

function blockTime(pub: PublicClient, hash: Hash | null): Promise<bigint | null> {
  if (!hash) return Promise.resolve(null);
  let t = blockTimes.get(hash);
  if (!t) {
    t = pub.getBlock({ blockHash: hash }).then(
      (b) => b.timestamp,
      () => {
        blockTimes.delete(hash);
        return null;
      },
    );
    blockTimes.set(hash, t);
  }
  return t;
}

/** Every `Slashed` and `LivenessReported` event from the config's `fromBlock` to `toBlock`, oldest first. */
export async function readPenalties(pub: PublicClient, cfg: Config, toBlock: bigint): Promise<PenaltyEvents> {
  const range = { fromBlock: cfg.fromBlock, toBlock };
  const [slashLogs, takeoverLogs] = await Promise.all([
    pub.getContractEvents({ address: cfg.contracts.staking, abi: stakingAbi, eventName: 'Slashed', ...range }),
    pub.getContractEvents({ address: cfg.contracts.sequencerSet, abi: sequencerSetAbi, eventName: 'LivenessReported', ...range }),
  ]);
  const slashes = await Promise.all(
    slashLogs.map(async (l: any): Promise<Slash> => ({
      block: l.blockNumber,
      time: await blockTime(pub, l.blockHash),
      operator: l.args.operator,
      kind: slashKind(l.args.kind),
      reporter: l.args.reporter,
      amount: l.args.amount,
      reporterReward: l.args.reporterReward,
    })),
  );
  const takeovers = await Promise.all(
    takeoverLogs.map(async (l: any): Promise<Takeover> => ({
      block: l.blockNumber,
      time: await blockTime(pub, l.blockHash),
      epoch: BigInt(l.args.epoch),
      operator: l.args.operator,
      reporter: l.args.reporter,
      newLeader: l.args.newLeader,
      fromBlock: BigInt(l.args.fromBlock),
    })),
  );
  return { slashes, takeovers };
}
