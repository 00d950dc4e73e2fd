// Owns the runtime configuration: config.json, served beside the app (L1 RPC, chain id, contract
// addresses, keeper L2 RPC URLs, L2 chain id), so one build serves the devnet and the tests.
import { defineChain, getAddress, type Address, type Chain } from 'viem';

export interface Contracts {
  token: Address;
  staking: Address;
  sequencerSet: Address;
  rollup: Address;
  bridge: Address;
  equivocationSlasher: Address;
}

export interface Config {
  chainId: number;
  chainName: string;
  rpcUrl: string;
  contracts: Contracts;
  /** The keepers' own L2 JSON-RPC URLs: the page calls them directly (the keeper allows any origin). */
  l2Rpc: string[];
  /** First L1 block to scan for events (the deployment block; 0 on a devnet). */
  fromBlock: bigint;
  /** The L2 chain id (signatures and the wallet-derived L2 key depend on it; default 424242). */
  l2ChainId: bigint;
}

const CONTRACTS: (keyof Contracts)[] = ['token', 'staking', 'sequencerSet', 'rollup', 'bridge', 'equivocationSlasher'];

export function parseConfig(raw: any): Config {
  if (typeof raw?.rpcUrl !== 'string') throw new Error('config.json: rpcUrl missing');
  if (!Number.isInteger(raw?.chainId)) throw new Error('config.json: chainId missing');
  const contracts = {} as Contracts;
  for (const k of CONTRACTS) {
    const a = raw.contracts?.[k];
    if (typeof a !== 'string') throw new Error(`config.json: contracts.${k} missing`);
    contracts[k] = getAddress(a);
  }
  return {
    chainId: raw.chainId,
    chainName: raw.chainName ?? `Janus L1 (${raw.chainId})`,
    rpcUrl: raw.rpcUrl,
    contracts,
    l2Rpc: Array.isArray(raw.l2Rpc) ? raw.l2Rpc : [],
    fromBlock: BigInt(raw.fromBlock ?? 0),
    l2ChainId: BigInt(raw.l2ChainId ?? 424242),
  };
}

export async function loadConfig(): Promise<Config> {
  const res = await fetch('./config.json', { cache: 'no-store' });
  if (!res.ok) throw new Error(`config.json: HTTP ${res.status}`);
  return parseConfig(await res.json());
}

export function chainOf(c: Config): Chain {
  return defineChain({
    id: c.chainId,
    name: c.chainName,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [c.rpcUrl] } },
  });
}
