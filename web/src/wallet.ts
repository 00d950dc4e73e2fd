// Owns the injected EIP-1193 wallet (window.ethereum): connecting, switching to (or adding) the
// configured chain, following account/chain changes, and the viem WalletClient used to write.
import { createWalletClient, custom, getAddress, numberToHex, type Address, type EIP1193Provider, type WalletClient } from 'viem';
import { chainOf, type Config } from './config';

declare global {
  interface Window {
    ethereum?: EIP1193Provider;
  }
}

export class Wallet {
  account: Address | null = null;
  chainId: number | null = null;
  client: WalletClient | null = null;
  private listeners: (() => void)[] = [];

  constructor(readonly cfg: Config) {}

  get provider(): EIP1193Provider | undefined {
    return window.ethereum;
  }

  get available(): boolean {
    return !!this.provider;
  }

  get onRightChain(): boolean {
    return this.chainId === this.cfg.chainId;
  }

  onChange(f: () => void): void {
    this.listeners.push(f);
  }

  private changed(): void {
    this.client = this.account
      ? createWalletClient({ account: this.account, chain: chainOf(this.cfg), transport: custom(this.provider!) })
      : null;
    for (const f of this.listeners) f();
  }

  /** Ask for accounts, then for the configured chain. */
  async connect(): Promise<void> {
    const p = this.provider;
    if (!p) throw new Error('no injected wallet (window.ethereum): the app is read-only');
    const accounts = (await p.request({ method: 'eth_requestAccounts' })) as string[];
    this.account = accounts[0] ? getAddress(accounts[0]) : null;
    this.chainId = Number(await p.request({ method: 'eth_chainId' }));
    if (!this.listening) this.listen(p);
    try {
      if (!this.onRightChain) await this.switchChain();
    } finally {
      this.changed(); // connected even if the switch was refused: the header offers it again
    }
  }

  private listening = false;

  private listen(p: EIP1193Provider): void {
    this.listening = true;
    p.on?.('accountsChanged', (a: string[]) => {
      this.account = a[0] ? getAddress(a[0]) : null;
      this.changed();
    });
    p.on?.('chainChanged', (id: string) => {
      this.chainId = Number(id);
      this.changed();
    });
  }

  /** wallet_switchEthereumChain; on 4902 (unknown chain) wallet_addEthereumChain, then switch again. */
  async switchChain(): Promise<void> {
    const p = this.provider!;
    const chainId = numberToHex(this.cfg.chainId);
    try {
      await p.request({ method: 'wallet_switchEthereumChain', params: [{ chainId }] });
    } catch (e: any) {
      const unknown = e?.code === 4902 || e?.data?.originalError?.code === 4902;
      if (!unknown) throw e;
      await p.request({
        method: 'wallet_addEthereumChain',
        params: [
          {
            chainId,
            chainName: this.cfg.chainName,
            rpcUrls: [this.cfg.rpcUrl],
            nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
          },
        ],
      });
      await p.request({ method: 'wallet_switchEthereumChain', params: [{ chainId }] });
    }
    this.chainId = Number(await p.request({ method: 'eth_chainId' }));
  }
}
