// Owns reading L1: the public client, the network-wide snapshot (parameters, epoch, sequencer set,
// leaders, every registered operator) and the connected account's snapshot (balances, delegations,
// unbonding entries). Views only render what these functions return.
import { createPublicClient, http, zeroAddress, type Address, type PublicClient } from 'viem';
import { sequencerSetAbi, stakingAbi, tokenAbi } from './abi';
import { chainOf, type Config } from './config';
import { readPenalties, type Slash, type Takeover } from './events';

export interface Params {
  minSelfBond: bigint;
  unbondingDelay: bigint;
  epochLength: bigint;
  jailDuration: bigint;
  maxCommissionStepBps: number;
  slashLivenessBps: number;
  slashInvalidRootBps: number;
  slashEquivocationBps: number;
  reporterRewardBps: number;
  activeSetSize: number;
  treasury: Address;
}

export interface OperatorInfo {
  address: Address;
  signer: Address;
  commissionBps: number;
  commissionEpoch: bigint;
  jailedUntil: bigint;
  registered: boolean;
  jailed: boolean;
  metadata: string;
  stake: bigint;
  poolShares: bigint;
  selfBond: bigint;
  unbondingStake: bigint;
  commissionAccrued: bigint;
  eligible: boolean;
  mustRotateSigner: boolean;
  exitBlock: bigint;
  rank: number | null; // position in the staking ranking (0 = most stake), null if not ranked
  inSet: boolean; // member of the set in force for the current epoch
}

export interface Network {
  blockNumber: bigint;
  blockTime: bigint;
  epoch: bigint;
  params: Params;
  livenessTimeout: bigint;
  setNow: { epoch: bigint; operators: readonly Address[]; stakes: readonly bigint[]; totalStake: bigint } | null;
  leaderNow: Address | null;
  leaderNext: Address | null;
  /** Epoch of the snapshot the next epoch's leader is drawn from (< epoch + 1: provisional). */
  nextSetEpoch: bigint | null;
  nextEpochStart: bigint;
  livenessDeadline: bigint | null;
  operators: OperatorInfo[];
  /** Every slash and liveness takeover so far (`Slashed`, `LivenessReported`; events.ts), oldest first. */
  slashes: Slash[];
  takeovers: Takeover[];
}

export interface Unbonding {
  id: bigint;
  operator: Address;
  amount: bigint; // current value in the unbonding pool (slashes applied)
  releaseTime: bigint;
}

export interface Account {
  address: Address;
  eth: bigint;
  jns: bigint;
  delegations: { operator: Address; shares: bigint; value: bigint }[];
  unbondings: Unbonding[];
}

export function makeClient(cfg: Config): PublicClient {
  return createPublicClient({ chain: chainOf(cfg), transport: http(cfg.rpcUrl, { batch: true }), pollingInterval: 1000 });
}

export class Reader {
  constructor(
    readonly pub: PublicClient,
    readonly cfg: Config,
  ) {}

  private staking<T>(functionName: string, args: readonly unknown[] = [], blockNumber?: bigint): Promise<T> {
    return this.pub.readContract({ address: this.cfg.contracts.staking, abi: stakingAbi, functionName, args, blockNumber }) as Promise<T>;
  }

  private set<T>(functionName: string, args: readonly unknown[] = [], blockNumber?: bigint): Promise<T> {
    return this.pub.readContract({ address: this.cfg.contracts.sequencerSet, abi: sequencerSetAbi, functionName, args, blockNumber }) as Promise<T>;
  }

  /** Every address that ever registered an operator (OperatorRegistered events). */
  async operatorAddresses(toBlock: bigint): Promise<Address[]> {
    const logs = await this.pub.getContractEvents({
      address: this.cfg.contracts.staking,
      abi: stakingAbi,
      eventName: 'OperatorRegistered',
      fromBlock: this.cfg.fromBlock,
      toBlock,
    });
    const seen = new Set<Address>();
    for (const l of logs) seen.add((l as any).args.operator as Address);
    return [...seen];
  }

  async network(): Promise<Network> {
    const block = await this.pub.getBlock();
    const bn = block.number;
    const [params, livenessTimeout, epoch, ranking, addrs, penalties] = await Promise.all([
      this.staking<Params>('params', [], bn),
      this.set<bigint>('livenessTimeout', [], bn),
      this.set<bigint>('currentEpoch', [], bn),
      this.staking<readonly [readonly Address[], readonly bigint[]]>('ranking', [], bn),
      this.operatorAddresses(bn),
      readPenalties(this.pub, this.cfg, bn),
    ]);
    const nextEpochStart = (epoch + 1n) * params.epochLength;
    const [setNow, setNext, leaderNow, leaderNext, lastActivity] = await Promise.all([
      this.set<any>('setFor', [epoch], bn).catch(() => null),
      this.set<any>('setFor', [epoch + 1n], bn).catch(() => null),
      this.set<Address>('currentLeader', [], bn),
      this.set<Address>('leaderAt', [nextEpochStart], bn),
      this.set<bigint>('lastActivityBlock', [], bn),
    ]);
    const operators = await Promise.all(
      addrs.map(async (op): Promise<OperatorInfo> => {
        const [o, pool, ub, selfBond, accrued, eligible, mustRotate, exitBlock] = await Promise.all([
          this.staking<any>('getOperator', [op], bn),
          this.staking<{ stake: bigint; shares: bigint }>('pool', [op], bn),
          this.staking<{ stake: bigint; shares: bigint }>('unbondingPool', [op], bn),
          this.staking<bigint>('valueOf', [op, op], bn),
          this.staking<bigint>('commissionOf', [op], bn),
          this.staking<boolean>('isEligible', [op], bn),
          this.staking<boolean>('mustRotateSigner', [op], bn),
          this.staking<bigint>('exitBlock', [op], bn),
        ]);
        const rank = ranking[0].indexOf(op);
        return {
          address: op,
          signer: o.signer,
          commissionBps: Number(o.commissionBps),
          commissionEpoch: BigInt(o.commissionEpoch),
          jailedUntil: BigInt(o.jailedUntil),
          registered: o.registered,
          jailed: o.jailed,
          metadata: o.metadata,
          stake: pool.stake,
          poolShares: pool.shares,
          selfBond,
          unbondingStake: ub.stake,
          commissionAccrued: accrued,
          eligible,
          mustRotateSigner: mustRotate,
          exitBlock,
          rank: rank < 0 ? null : rank,
          inSet: !!setNow && (setNow.operators as Address[]).includes(op),
        };
      }),
    );
    operators.sort((a, b) => (b.stake > a.stake ? 1 : b.stake < a.stake ? -1 : 0));
    return {
      blockNumber: bn,
      blockTime: block.timestamp,
      epoch,
      params,
      livenessTimeout,
      setNow: setNow && { epoch: setNow.epoch, operators: setNow.operators, stakes: setNow.stakes, totalStake: setNow.totalStake },
      leaderNow: leaderNow === zeroAddress ? null : leaderNow,
      leaderNext: leaderNext === zeroAddress ? null : leaderNext,
      nextSetEpoch: setNext ? BigInt(setNext.epoch) : null,
      nextEpochStart,
      livenessDeadline: leaderNow === zeroAddress ? null : lastActivity + livenessTimeout,
      operators,
      slashes: penalties.slashes,
      takeovers: penalties.takeovers,
    };
  }

  async account(address: Address, net: Network): Promise<Account> {
    const bn = net.blockNumber;
    const [ethBal, jnsBal, logs] = await Promise.all([
      this.pub.getBalance({ address, blockNumber: bn }),
      this.pub.readContract({ address: this.cfg.contracts.token, abi: tokenAbi, functionName: 'balanceOf', args: [address], blockNumber: bn }) as Promise<bigint>,
      this.pub.getContractEvents({
        address: this.cfg.contracts.staking,
        abi: stakingAbi,
        eventName: 'Undelegated',
        args: { delegator: address },
        fromBlock: this.cfg.fromBlock,
        toBlock: bn,
      }),
    ]);
    const delegations = (
      await Promise.all(
        net.operators.map(async (o) => {
          const shares = await this.staking<bigint>('sharesOf', [o.address, address], bn);
          const value = shares === 0n ? 0n : await this.staking<bigint>('valueOf', [o.address, address], bn);
          return { operator: o.address, shares, value };
        }),
      )
    ).filter((d) => d.shares > 0n);
    const unbondings = (
      await Promise.all(
        logs.map(async (l: any): Promise<Unbonding | null> => {
          const id = l.args.unbondId as bigint;
          const ub = await this.staking<{ delegator: Address; operator: Address; shares: bigint; releaseTime: bigint }>('unbond', [id], bn);
          if (ub.delegator === zeroAddress) return null; // withdrawn
          const pool = await this.staking<{ stake: bigint; shares: bigint }>('unbondingPool', [ub.operator], bn);
          // The contract's _toStake: shares * (stake + 1) / (shares + 1e6), at most the pool's stake.
          let value = (ub.shares * (pool.stake + 1n)) / (pool.shares + 10n ** 6n);
          if (value > pool.stake) value = pool.stake;
          return { id, operator: ub.operator, amount: value, releaseTime: BigInt(ub.releaseTime) };
        }),
      )
    ).filter((u): u is Unbonding => u !== null);
    return { address, eth: ethBal, jns: jnsBal, delegations, unbondings };
  }
}

/** Shares that `amount` of stake is worth in `op`'s active pool, the contract's rounding (down). */
export function sharesFor(o: OperatorInfo, amount: bigint): bigint {
  return (amount * (o.poolShares + 10n ** 6n)) / (o.stake + 1n);
}
