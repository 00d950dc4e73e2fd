// Owns turning failures into words: a revert shows the contract's custom error by name with its
// decoded arguments (any contract's errors, OpenZeppelin's included), never a raw selector.
import {
  BaseError,
  ContractFunctionRevertedError,
  UserRejectedRequestError,
  decodeErrorResult,
  type Abi,
  type Hex,
} from 'viem';
import { formatAbiItem } from 'viem/utils';
import { bridgeAbi, errorsAbi, rollupAbi } from './abi';
import { amount } from './format';

type AbiError = Extract<Abi[number], { type: 'error' }>;

const AMOUNT_NAME = /amount|balance|needed|minimum|allowance|bond|stake|value/i;

/** Errors of the bridge and the rollup: their amounts are ETH wei, token wei or L2 units, never JNS. */
const NOT_JNS = new Set([...bridgeAbi, ...rollupAbi].filter((i) => i.type === 'error').map((i) => formatAbiItem(i as AbiError)));

function arg(name: string, type: string, v: unknown, jnsAmounts = true): string {
  if (typeof v === 'bigint') {
    const tokenish = jnsAmounts && type === 'uint256' && AMOUNT_NAME.test(name) && v >= 10n ** 12n;
    return tokenish ? `${v} (${amount(v, 6)} JNS)` : v.toString();
  }
  if (Array.isArray(v)) return `[${v.map((x) => arg(name, type, x, jnsAmounts)).join(', ')}]`;
  return String(v);
}

/** `Name(arg: value, …)` of a decoded error. */
export function formatError(item: AbiError, args: readonly unknown[] | undefined): string {
  const jnsAmounts = !NOT_JNS.has(formatAbiItem(item));
  const parts = item.inputs.map((inp, i) => `${inp.name || `arg${i}`}: ${arg(inp.name ?? '', inp.type, args?.[i], jnsAmounts)}`);
  return `${item.name}(${parts.join(', ')})`;
}

/** Decode raw revert data against every known error; `undefined` if it is not one of ours. */
export function decodeRevert(data: Hex): string | undefined {
  if (!data || data.length < 10) return undefined;
  try {
    const d = decodeErrorResult({ abi: errorsAbi, data });
    const item = d.abiItem as AbiError;
    return formatError(item, d.args as readonly unknown[]);
  } catch {
    return undefined;
  }
}

function findRevertData(e: unknown): Hex | undefined {
  let found: Hex | undefined;
  const visit = (x: any, depth: number) => {
    if (!x || depth > 8 || found) return;
    const d = x.data;
    if (typeof d === 'string' && /^0x[0-9a-f]{8}/i.test(d)) found = d as Hex;
    else if (d && typeof d === 'object' && typeof d.data === 'string') found = d.data as Hex;
    if (!found) visit(x.cause, depth + 1);
  };
  visit(e, 0);
  return found;
}

/** A one-line description of any failure of a call, a signature or a transaction. */
export function describeError(e: unknown): string {
  if (e instanceof BaseError) {
    if (e.walk((x) => x instanceof UserRejectedRequestError)) return 'rejected in the wallet';
    const rev = e.walk((x) => x instanceof ContractFunctionRevertedError) as ContractFunctionRevertedError | null;
    if (rev) {
      if (rev.data?.abiItem && rev.data.abiItem.type === 'error' && rev.data.errorName !== 'Error' && rev.data.errorName !== 'Panic') {
        return `reverted: ${formatError(rev.data.abiItem as AbiError, rev.data.args as readonly unknown[])}`;
      }
      if (rev.reason) return `reverted: ${rev.reason}`;
      const raw = rev.raw ?? findRevertData(e);
      if (raw) return `reverted: ${decodeRevert(raw) ?? `an error no Janus ABI knows (${raw.slice(0, 10)})`}`;
      return 'reverted without a reason';
    }
    const raw = findRevertData(e);
    if (raw) {
      const named = decodeRevert(raw);
      if (named) return `reverted: ${named}`;
    }
    return e.shortMessage || e.message;
  }
  if (e && typeof e === 'object' && 'code' in e && (e as any).code === 4001) return 'rejected in the wallet';
  return e instanceof Error ? e.message : String(e);
}
