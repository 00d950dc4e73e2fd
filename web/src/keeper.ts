// Owns talking to a keeper's L2 JSON-RPC (docs/keeper-rpc.md): picking the first keeper of the
// config that answers (and serves the configured L2 chain), the calls the wallet tab makes, and
// turning the keeper's error objects into words with their stable code (never raw JSON).

/** The keeper's stable error codes in words (docs/keeper-rpc.md, "Error codes"). */
export const KEEPER_ERRORS: Record<number, string> = {
  [-32700]: 'parse error',
  [-32600]: 'invalid request',
  [-32601]: 'method not found',
  [-32602]: 'invalid params',
  [-32603]: 'internal error',
  [-32007]: 'request too large',
  [-39001]: 'malformed transaction record',
  [-39002]: 'oversize transaction',
  [-39003]: 'no-op record',
  [-39004]: 'wrong chain',
  [-39005]: 'bad signature',
  [-39006]: 'invalid transaction field',
  [-39007]: 'unknown sender',
  [-39008]: 'nonce too low',
  [-39009]: 'nonce gap',
  [-39010]: 'nonce in use by another pooled transaction',
  [-39011]: 'duplicate transaction',
  [-39012]: 'too many pooled transactions for this account',
  [-39013]: 'mempool full',
  [-39040]: 'not the leader and forwarding failed',
  [-39041]: 'forwarded to a node that does not lead',
};

/** A JSON-RPC error answered by a keeper. */
export class KeeperError extends Error {
  constructor(
    readonly code: number,
    readonly detail: string,
  ) {
    const words = KEEPER_ERRORS[code] ?? 'keeper error';
    // The keeper's messages often start with the same words ("nonce too low: account 4 is at …").
    super(detail.toLowerCase().startsWith(words) ? `${code} ${detail}` : `${code} ${words}: ${detail}`);
  }
}

export interface KeeperAccount {
  index: number;
  key: `0x${string}`;
  nonce: bigint;
  /** The four asset balances in L2 units. */
  balances: bigint[];
}

export type Receipt =
  | { status: 'pending' }
  | { status: 'included'; block: number }
  | { status: 'batched'; block: number; batchId: number }
  | { status: 'dropped'; reason: string }
  | { status: 'forwarded'; leader: string };

/** An L2 block header (docs/l2-spec.md §13.3), as janus_getBlockByNumber gives it (u64 as JSON
 *  numbers: slot numbers, queue indices and unix ms stay far below 2^53). */
export interface KeeperBlockHeader {
  number: number;
  parentHash: `0x${string}`;
  stateRoot: `0x${string}`;
  txRoot: `0x${string}`;
  msgEnd: number;
  msgChain: `0x${string}`;
  feeAccount: number;
  timestampMs: number;
  txCount: number;
}

export interface KeeperBlock {
  hash: `0x${string}`;
  header: KeeperBlockHeader;
  transactions: `0x${string}`[];
  messages: number;
  /** The 65-byte EIP-712 soft confirmation (§13.4). */
  signature: `0x${string}`;
  /** The signer the keeper says signed it. */
  signer: `0x${string}`;
}

export interface LeaderInfo {
  operator: `0x${string}`;
  rpcUrl: string;
  isSelf: boolean;
}

let nextId = 1;

/** One keeper's L2 JSON-RPC over http, called directly from the page: a cross-origin POST with
 *  `content-type: application/json`, which the keeper allows for any origin (docs/keeper-rpc.md). */
export class KeeperRpc {
  constructor(readonly url: string) {}

  async call<T>(method: string, params: unknown[] = [], timeoutMs = 5000): Promise<T> {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), timeoutMs);
    let res: Response;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }),
        signal: ctl.signal,
      });
    } catch (e) {
      // The browser does not say why (refused, unknown host, or no CORS headers): it is all one TypeError.
      throw new Error(ctl.signal.aborted ? `no answer from ${this.url} within ${timeoutMs / 1000} s` : `cannot reach ${this.url}: ${e instanceof Error ? e.message : String(e)} (nothing listening, or a server that refuses cross-origin calls)`);
    } finally {
      clearTimeout(timer);
    }
    const text = await res.text();
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`${this.url} answered HTTP ${res.status} without JSON-RPC${text ? `: ${text.slice(0, 200)}` : ''}`);
    }
    if (body?.error) throw new KeeperError(Number(body.error.code), String(body.error.message ?? ''));
    return body?.result as T;
  }

  chainId(): Promise<number> {
    return this.call<number>('janus_chainId', [], 2000);
  }

  async account(index: number): Promise<KeeperAccount | null> {
    const a = await this.call<any>('janus_getAccount', [index]);
    if (!a) return null;
    return { index: a.index, key: a.key, nonce: BigInt(a.nonce), balances: (a.balances as string[]).map((x) => BigInt(x)) };
  }

  /** Submit a signed record; resolves to its hash (keccak256 of the record): pooled, not included. */
  send(record: `0x${string}`, chainId: bigint): Promise<`0x${string}`> {
    return this.call('janus_sendTransaction', [record, Number(chainId)]);
  }

  receipt(hash: `0x${string}`): Promise<Receipt | null> {
    return this.call('janus_getTransactionReceipt', [hash]);
  }

  block(n: number): Promise<KeeperBlock | null> {
    return this.call('janus_getBlockByNumber', [n]);
  }

  leader(): Promise<LeaderInfo> {
    return this.call('janus_leader');
  }
}

/** The first keeper of `urls` that answers `janus_chainId` with `chainId`; or why none does. */
export async function firstKeeper(urls: string[], chainId: bigint): Promise<{ rpc: KeeperRpc } | { error: string }> {
  if (urls.length === 0) return { error: 'no keeper L2 RPC URL in the configuration (config.json l2Rpc)' };
  const why: string[] = [];
  for (const url of urls) {
    const rpc = new KeeperRpc(url);
    try {
      const id = await rpc.chainId();
      if (BigInt(id) !== chainId) {
        why.push(`${url} serves L2 chain ${id}, not ${chainId}`);
        continue;
      }
      return { rpc };
    } catch (e) {
      why.push(e instanceof Error ? e.message : String(e));
    }
  }
  return { error: `no keeper answers: ${why.join('; ')}` };
}

/** A keeper failure in words: the code and its meaning for keeper errors, the message otherwise. */
export function describeKeeperError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
