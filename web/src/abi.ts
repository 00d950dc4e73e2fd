// Owns the contract ABIs. One source of truth: the JSON exported by `make abi` (keeper/abi/*.json for
// the suite, web/abi/JanusToken.json for the token); nothing is hand-written here.
import type { Abi } from 'viem';
import { formatAbiItem } from 'viem/utils';
import staking from '../../keeper/abi/Staking.json';
import sequencerSet from '../../keeper/abi/SequencerSet.json';
import rollup from '../../keeper/abi/Rollup.json';
import bridge from '../../keeper/abi/Bridge.json';
import slasher from '../../keeper/abi/EquivocationSlasher.json';
import token from '../abi/JanusToken.json';

export type AbiError = Extract<Abi[number], { type: 'error' }>;

export const stakingAbi = staking as Abi;
export const sequencerSetAbi = sequencerSet as Abi;
export const rollupAbi = rollup as Abi;
export const bridgeAbi = bridge as Abi;
export const slasherAbi = slasher as Abi;
export const tokenAbi = token as Abi;

/** Every custom error of every contract (OpenZeppelin's included), once each. */
export const errorsAbi: AbiError[] = (() => {
  const seen = new Map<string, AbiError>();
  for (const abi of [stakingAbi, sequencerSetAbi, rollupAbi, bridgeAbi, slasherAbi, tokenAbi]) {
    for (const item of abi) {
      if (item.type === 'error') seen.set(formatAbiItem(item), item);
    }
  }
  return [...seen.values()];
})();

/** `abi` plus the errors of the other contracts (a call may revert inside another one, e.g. the token). */
export function withErrors(abi: Abi): Abi {
  const own = new Set(abi.filter((i) => i.type === 'error').map((i) => formatAbiItem(i as AbiError)));
  return [...abi, ...errorsAbi.filter((e) => !own.has(formatAbiItem(e)))];
}
