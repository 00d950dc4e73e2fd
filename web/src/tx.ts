// Owns writing: every transaction is simulated first (a revert is shown by its custom error before
// anything is signed), then signed by the wallet and followed to its receipt. Each one gets a line
// in the transaction log: checking → signing → sent (hash) → mined / reverted (with the reason).
import type { Abi, Address, Hash, PublicClient, TransactionReceipt } from 'viem';
import { withErrors } from './abi';
import { describeError } from './errors';
import { h } from './ui';
import type { Wallet } from './wallet';

export type TxState = 'checking' | 'signing' | 'sent' | 'mined' | 'reverted' | 'failed';

export interface Call {
  address: Address;
  abi: Abi;
  functionName: string;
  args?: readonly unknown[];
  /** Wei sent with the call (payable functions). */
  value?: bigint;
}

/** One line of the log; tests read its data-state attribute. */
export class TxEntry {
  readonly el: HTMLElement;
  private stateEl: HTMLElement;
  private detailEl: HTMLElement;
  constructor(label: string) {
    this.stateEl = h('span', { class: 'state' });
    this.detailEl = h('span', { class: 'detail' });
    this.el = h('li', { class: 'tx' }, h('b', {}, label), ' ', this.stateEl, ' ', this.detailEl);
  }
  set(state: TxState, detail = ''): void {
    this.el.dataset.state = state;
    this.stateEl.textContent = state;
    this.detailEl.textContent = detail;
  }
}

export class Txs {
  readonly el = h('ol', { id: 'txlog', reversed: true });
  constructor(
    readonly pub: PublicClient,
    readonly wallet: Wallet,
    readonly onMined: () => void,
  ) {}

  entry(label: string): TxEntry {
    const e = new TxEntry(label);
    this.el.prepend(e.el);
    return e;
  }

  /** Simulate, sign, send and wait; returns the receipt when it was mined successfully. */
  async send(label: string, call: Call, entry = this.entry(label)): Promise<TransactionReceipt | null> {
    const account = this.wallet.account;
    const client = this.wallet.client;
    if (!account || !client) {
      entry.set('failed', 'connect a wallet first');
      return null;
    }
    let hash: Hash;
    const abi = withErrors(call.abi);
    try {
      entry.set('checking', 'simulating the call');
      if (!this.wallet.onRightChain) await this.wallet.switchChain();
      const { request } = await this.pub.simulateContract({ account, address: call.address, abi, functionName: call.functionName, args: call.args ?? [], value: call.value });
      entry.set('signing', 'confirm in your wallet');
      hash = await client.writeContract(request as any);
    } catch (e) {
      entry.set('failed', describeError(e));
      return null;
    }
    entry.set('sent', hash);
    try {
      const receipt = await this.pub.waitForTransactionReceipt({ hash, pollingInterval: 500 });
      if (receipt.status === 'success') {
        entry.set('mined', `block ${receipt.blockNumber} · ${hash}`);
        this.onMined();
        return receipt;
      }
      // Replay the call on the state it ran against to get the reason.
      let reason = 'reverted';
      try {
        await this.pub.simulateContract({ account, address: call.address, abi, functionName: call.functionName, args: call.args ?? [], value: call.value, blockNumber: receipt.blockNumber - 1n });
      } catch (e) {
        reason = describeError(e);
      }
      entry.set('reverted', `block ${receipt.blockNumber} · ${hash} · ${reason}`);
      this.onMined();
      return null;
    } catch (e) {
      entry.set('failed', describeError(e));
      return null;
    }
  }
}
