// Owns the L2 key derived from the L1 wallet (docs/l2-spec.md §14): the wallet signs (personal_sign)
// the text janus-l2 defines for the L2 chain id and the address, twice; the signature must be the
// connected address's (ECDSA recovery) and both must give the same key (a wallet whose signatures
// are not deterministic could never derive that key again: funds sent to it would be lost). The
// key itself comes from janus-l2 (wasm). It stays in memory; the app compares it with the keys the
// address bound on L1 before using it.
import { recoverMessageAddress, type Address, type Hex } from 'viem';
import type { App } from './app';
import { publicKey, secretKeyFromWalletSignature, walletKeyMessage } from './l2';

export interface L2Key {
  owner: Address;
  chainId: bigint;
  sk: Hex;
  pk: Hex;
}

export async function deriveL2Key(app: App, onStep: (s: string) => void = () => {}): Promise<L2Key> {
  const account = app.wallet.account;
  const client = app.wallet.client;
  if (!account || !client) throw new Error('connect a wallet first');
  const chainId = app.cfg.l2ChainId;
  const message = walletKeyMessage(chainId, account);
  const keys: Hex[] = [];
  for (const step of ['sign the L2 key message in your wallet (1 of 2)', 'sign it once more (2 of 2): the app checks that your wallet signs deterministically']) {
    onStep(step);
    const signature = await client.signMessage({ account, message });
    const signer = await recoverMessageAddress({ message, signature });
    if (signer.toLowerCase() !== account.toLowerCase()) {
      throw new Error(`the signature is not ${account}'s (recovered ${signer}): a contract wallet cannot derive an L2 key`);
    }
    keys.push(secretKeyFromWalletSignature(signature));
  }
  if (keys[0] !== keys[1]) {
    throw new Error('your wallet signed the same text differently twice (non-deterministic signatures): the L2 key could not be derived again later, so none is used; use a wallet with deterministic (RFC 6979) signatures');
  }
  return { owner: account, chainId, sk: keys[0], pk: publicKey(keys[0]) };
}
