// Owns the L2 formats in the browser: every encoding, hash, signature and Merkle proof comes from
// janus-l2 compiled to WebAssembly (web/wasm, built by scripts/build-wasm.sh). Nothing here
// re-implements a format: this module only loads the module and turns its JSON answers into
// typed values (u64 as bigint, bytes as 0x-hex).
import init, * as wasm from '../wasm/pkg/janus_l2_wasm.js';
import { bytesToHex, hexToBytes, type Address, type Hex } from 'viem';
import type { KeeperBlockHeader } from './keeper';

let ready: Promise<unknown> | null = null;

/** Load the wasm module once (every function below needs it). */
export function loadL2(): Promise<unknown> {
  ready ??= init();
  return ready;
}

export interface DecodedTx {
  type: 'noop' | 'transfer' | 'withdraw';
  from?: number;
  to?: number;
  l1Recipient?: Address;
  asset?: number;
  amount?: bigint;
  fee?: bigint;
  nonce?: bigint;
  signature?: Hex;
}

export interface L1MessageRecord {
  nonce: bigint;
  kind: 'newAccount' | 'existingAccount';
  l1Sender: Address;
  account: number;
  l2Key: Hex;
  asset: number;
  amount: bigint;
}

export interface BatchWithdrawal {
  /** Leaf index in the batch's withdrawal tree (what finalizeWithdrawal takes). */
  index: number;
  txIndex: number;
  from: number;
  recipient: Address;
  asset: number;
  amount: bigint;
  fee: bigint;
  nonce: bigint;
  leaf: Hex;
}

export interface DecodedBatch {
  feeAccount: number;
  messages: L1MessageRecord[];
  txs: DecodedTx[];
  withdrawals: BatchWithdrawal[];
  withdrawalRoot: Hex;
  withdrawalCount: number;
  dataHash: Hex;
}

export interface WithdrawalProof {
  index: number;
  count: number;
  leaf: Hex;
  root: Hex;
  proof: Hex[];
}

const U64_FIELDS = new Set(['amount', 'fee', 'nonce']);

/** Parse a JSON answer of the module: u64 fields (decimal strings) become bigints. */
function parse<T>(json: string): T {
  return JSON.parse(json, (k, v) => (U64_FIELDS.has(k) && typeof v === 'string' ? BigInt(v) : v)) as T;
}

const b = (h: Hex): Uint8Array => hexToBytes(h);

/** The text the wallet signs (personal_sign) to derive its L2 key (docs/l2-spec.md §14). */
export function walletKeyMessage(l2ChainId: bigint, address: Address): string {
  return wasm.walletKeyMessage(l2ChainId, b(address));
}

/** The L2 secret key (40 bytes) of a wallet's signature of walletKeyMessage. */
export function secretKeyFromWalletSignature(signature: Hex): Hex {
  return bytesToHex(wasm.secretKeyFromWalletSignature(b(signature)));
}

/** The public key (the `l2Key` a deposit binds) of a secret key. */
export function publicKey(sk: Hex): Hex {
  return bytesToHex(wasm.publicKey(b(sk)));
}

/** Throws (with the reason) unless `pk` is a valid non-neutral L2 public key. */
export function checkPublicKey(pk: Hex): void {
  wasm.checkPublicKey(b(pk));
}

export function signTransfer(sk: Hex, chainId: bigint, t: { from: number; to: number; asset: number; amount: bigint; fee: bigint; nonce: bigint }): Hex {
  return bytesToHex(wasm.signTransfer(b(sk), chainId, t.from, t.to, t.asset, t.amount, t.fee, t.nonce));
}

export function signWithdraw(sk: Hex, chainId: bigint, w: { from: number; l1Recipient: Address; asset: number; amount: bigint; fee: bigint; nonce: bigint }): Hex {
  return bytesToHex(wasm.signWithdraw(b(sk), chainId, w.from, b(w.l1Recipient), w.asset, w.amount, w.fee, w.nonce));
}

export function decodeTx(record: Hex): DecodedTx {
  return parse(wasm.decodeTx(b(record)));
}

export function decodeMessage(record: Hex): L1MessageRecord {
  return parse(wasm.decodeMessage(b(record)));
}

export function decodeBatch(data: Hex): DecodedBatch {
  return parse(wasm.decodeBatch(b(data)));
}

export function encodeBatch(feeAccount: number, messages: Hex[], txs: Hex[]): Hex {
  const cat = (xs: Hex[]) => b(`0x${xs.map((x) => x.slice(2)).join('')}` as Hex);
  return bytesToHex(wasm.encodeBatch(feeAccount, cat(messages), cat(txs)));
}

/** The Merkle proof of withdrawal `index`, computed from the batch data alone. */
export function withdrawalProof(data: Hex, index: number): WithdrawalProof {
  return parse(wasm.withdrawalProof(b(data), index));
}

export function emptyStateRoot(): Hex {
  return wasm.emptyStateRoot() as Hex;
}

/** An L2 block header's hash (docs/l2-spec.md §13.3): janus-l2's 160-byte encoding, hashed. */
export function blockHeaderHash(h: KeeperBlockHeader): Hex {
  return bytesToHex(
    wasm.blockHeaderHash(BigInt(h.number), b(h.parentHash), b(h.stateRoot), b(h.txRoot), BigInt(h.msgEnd), b(h.msgChain), h.feeAccount, BigInt(h.timestampMs), h.txCount),
  );
}

/** Exposed for the browser tests and the console: the same functions, on `window.janusL2`. */
export const api = {
  walletKeyMessage,
  secretKeyFromWalletSignature,
  publicKey,
  checkPublicKey,
  signTransfer,
  signWithdraw,
  decodeTx,
  decodeMessage,
  decodeBatch,
  encodeBatch,
  withdrawalProof,
  emptyStateRoot,
  blockHeaderHash,
};

export interface BatchOutput {
  prevRoot: Hex;
  newRoot: Hex;
  chainAfter: Hex;
  msgEnd: string;
  withdrawalRoot: Hex;
  withdrawalCount: number;
  dataHash: Hex;
}

export interface L2Account {
  index: number;
  key: Hex;
  nonce: bigint;
  balances: bigint[];
}

/** An L2 state replayed from batch data by janus-l2 (`apply_batch_data`), starting from genesis. */
export class L2StateReplay {
  private s = new wasm.L2State();

  /** Apply one batch; throws janus-l2's error (the state is then unchanged). */
  apply(data: Hex, chainId: bigint, msgStart: bigint, chainBefore: Hex): BatchOutput {
    return JSON.parse(this.s.applyBatch(b(data), chainId, msgStart, b(chainBefore))) as BatchOutput;
  }

  root(): Hex {
    return this.s.root() as Hex;
  }

  account(index: number): L2Account | null {
    const j = this.s.account(index);
    if (j === undefined) return null;
    const a = JSON.parse(j);
    return { index: a.index, key: a.key, nonce: BigInt(a.nonce), balances: (a.balances as string[]).map(BigInt) };
  }

  free(): void {
    this.s.free();
  }
}
