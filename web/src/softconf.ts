// Owns checking a keeper's soft confirmation (docs/l2-spec.md §13.3-§13.4) in the page: the L2 block
// header's hash (keccak256 of its 160-byte encoding), the EIP-712 digest `EquivocationSlasher`
// recovers (`SoftConfirmation(uint64 l2BlockNumber, bytes32 l2BlockHash, bytes32 parentHash,
// uint256 chainId)` under the slasher's own domain, read from its `eip712Domain()`), the signer
// recovered from the block's signature, and on L1 that this signer is the registered signer of an
// operator that leads. A signature that passes is slashable evidence (two at one number: equivocation).
// The header's encoding and hash are janus-l2's (`blockHeaderHash`, wasm), the keeper's own.
import { hashTypedData, recoverAddress, zeroAddress, type Address, type Hex, type PublicClient } from 'viem';
import { sequencerSetAbi, slasherAbi, stakingAbi } from './abi';
import type { Config } from './config';
import type { KeeperBlock, KeeperBlockHeader } from './keeper';
import { blockHeaderHash } from './l2';

export interface SoftConfDomain {
  name: string;
  version: string;
  chainId: number;
  verifyingContract: Address;
}

export const SOFT_CONFIRMATION_TYPES = {
  SoftConfirmation: [
    { name: 'l2BlockNumber', type: 'uint64' },
    { name: 'l2BlockHash', type: 'bytes32' },
    { name: 'parentHash', type: 'bytes32' },
    { name: 'chainId', type: 'uint256' },
  ],
} as const;

/** The block hash of `h` (§13.3), computed by janus-l2. */
export function headerHash(h: KeeperBlockHeader): Hex {
  return blockHeaderHash(h);
}

/** The EIP-712 digest of the soft confirmation of `h` (what `EquivocationSlasher.hashSoftConfirmation` returns). */
export function softConfirmationDigest(h: KeeperBlockHeader, domain: SoftConfDomain, l2ChainId: bigint): Hex {
  return hashTypedData({
    domain,
    types: SOFT_CONFIRMATION_TYPES,
    primaryType: 'SoftConfirmation',
    message: { l2BlockNumber: BigInt(h.number), l2BlockHash: headerHash(h), parentHash: h.parentHash, chainId: l2ChainId },
  });
}

export type BlockCheck = { ok: true; signer: Address; digest: Hex } | { ok: false; reason: string };

/** What the block alone proves: its hash is its header's, and its signature recovers to the signer
 *  the keeper names (no L1 involved). Never throws. */
export async function checkBlockSignature(block: KeeperBlock, domain: SoftConfDomain, l2ChainId: bigint): Promise<BlockCheck> {
  try {
    const h = block.header;
    if (block.transactions.length !== h.txCount) return { ok: false, reason: `the block lists ${block.transactions.length} transactions, its header says ${h.txCount}` };
    const hash = headerHash(h);
    if (hash.toLowerCase() !== block.hash.toLowerCase()) return { ok: false, reason: `the block's hash ${block.hash} is not its header's (${hash})` };
    if (!/^0x[0-9a-fA-F]{130}$/.test(block.signature ?? '')) return { ok: false, reason: `no 65-byte signature (${block.signature})` };
    const digest = softConfirmationDigest(h, domain, l2ChainId);
    const signer = await recoverAddress({ hash: digest, signature: block.signature });
    if (signer.toLowerCase() !== String(block.signer).toLowerCase()) return { ok: false, reason: `the signature recovers to ${signer}, not to the signer the keeper names (${block.signer})` };
    return { ok: true, signer, digest };
  } catch (e) {
    return { ok: false, reason: `bad signature: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  }
}

export type SoftConfResult = { ok: true; signer: Address; operator: Address } | { ok: false; reason: string };

/** Reads what L1 says about soft confirmations: the slasher's domain (once) and who signs for whom. */
export class SoftConfVerifier {
  private domain: Promise<SoftConfDomain> | null = null;
  constructor(
    readonly pub: PublicClient,
    readonly cfg: Config,
  ) {}

  /** The slasher's EIP-712 domain, from its `eip712Domain()` (the keeper signs under the same). */
  slasherDomain(): Promise<SoftConfDomain> {
    this.domain ??= (
      this.pub.readContract({ address: this.cfg.contracts.equivocationSlasher, abi: slasherAbi, functionName: 'eip712Domain' }) as Promise<readonly [string, string, string, bigint, Address]>
    ).then((d) => ({ name: d[1], version: d[2], chainId: Number(d[3]), verifyingContract: d[4] }));
    this.domain.catch(() => (this.domain = null));
    return this.domain;
  }

  /** The block's signature and, on L1, that its signer is the current signer (`signerOf`) of the
   *  operator `operatorOfSigner` names, and that operator leads at one of `l1Blocks` (e.g. the L1
   *  head when the transaction was sent and now). */
  async verify(block: KeeperBlock, l1Blocks: bigint[]): Promise<SoftConfResult> {
    const c = await checkBlockSignature(block, await this.slasherDomain(), this.cfg.l2ChainId);
    if (!c.ok) return c;
    const { staking, sequencerSet } = this.cfg.contracts;
    const [op] = (await this.pub.readContract({ address: staking, abi: stakingAbi, functionName: 'operatorOfSigner', args: [c.signer] })) as readonly [Address, bigint];
    if (op === zeroAddress) return { ok: false, reason: `the signer ${c.signer} is no operator's signer on L1` };
    const current = (await this.pub.readContract({ address: staking, abi: stakingAbi, functionName: 'signerOf', args: [op] })) as Address;
    if (current.toLowerCase() !== c.signer.toLowerCase()) return { ok: false, reason: `the signer ${c.signer} is a retired key of operator ${op} (its signer is ${current})` };
    const blocks = [...new Set(l1Blocks)];
    const leaders = await Promise.all(blocks.map((b) => this.pub.readContract({ address: sequencerSet, abi: sequencerSetAbi, functionName: 'leaderAt', args: [b] }) as Promise<Address>));
    if (!leaders.some((l) => l.toLowerCase() === op.toLowerCase())) {
      return { ok: false, reason: `signed by ${c.signer} of operator ${op}, which does not lead at L1 block${blocks.length > 1 ? 's' : ''} ${blocks.join(', ')} (${[...new Set(leaders)].join(', ')} ${new Set(leaders).size > 1 ? 'do' : 'does'})` };
    }
    return { ok: true, signer: c.signer, operator: op };
  }
}
