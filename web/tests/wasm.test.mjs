// janus-l2 in the page (WebAssembly) against the vectors janus-l2 itself writes and checks
// (l2/tests/vectors/wallet_keys.json): the L2 key the Bridge tab derives from the wallet's
// signature, the text the wallet is asked to sign, and signed transfer / withdrawal records.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { hexToString } from 'viem';
import { SHOTS, devAccount, openApp, startEnv, walletKeyVectors } from './harness.mjs';

let env;
before(async () => (env = await startEnv()));
after(async () => env?.close());

const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

/** The high-s twin of a 65-byte signature (n - s, v flipped): the same ECDSA signature, other form. */
function highS(sig) {
  const s = BigInt(`0x${sig.slice(66, 130)}`);
  const v = parseInt(sig.slice(130, 132), 16);
  return `${sig.slice(0, 66)}${(SECP256K1_N - s).toString(16).padStart(64, '0')}${(v === 27 ? 28 : 27).toString(16)}`;
}

test('the page derives the vectors\' L2 key from the wallet and signs the vectors\' records', async () => {
  const { cases } = walletKeyVectors();
  const c = cases.find((x) => x.l2ChainId === 424242); // the app's default L2 chain id
  const account = devAccount(c.anvilAccountIndex);
  assert.equal(account.address.toLowerCase(), c.l1Address);
  // The second signature is returned in its high-s form: the key must not depend on it.
  let signs = 0;
  const { page, log, errors, close } = await openApp(env, account, 'bridge', {
    personal_sign: async (params, dflt) => {
      const sig = await dflt(params);
      return ++signs === 2 ? highS(sig) : sig;
    },
  });
  await page.click('#connect');
  await page.locator('#account').waitFor();
  await page.click('#derive-key');
  await page.locator('#l2key-pk').waitFor({ timeout: 15000 });
  assert.equal(await page.locator('#l2key-pk').innerText(), c.publicKey);

  // Exactly two personal_sign requests, for exactly the vectors' text, answered with the vectors' signature.
  const asks = log.filter((r) => r.method === 'personal_sign');
  assert.equal(asks.length, 2);
  for (const a of asks) {
    assert.equal(hexToString(a.params[0]), c.message);
    assert.equal(a.params[1].toLowerCase(), c.l1Address);
  }
  assert.equal(await account.signMessage({ message: c.message }), c.signature);

  // The wasm module of the page, for both cases (chain id 424242 and 7).
  for (const v of cases) {
    const got = await page.evaluate((v) => {
      const l2 = window.janusL2;
      const sk = l2.secretKeyFromWalletSignature(v.signature);
      const t = v.transfer;
      const w = v.withdraw;
      return {
        message: l2.walletKeyMessage(BigInt(v.l2ChainId), v.l1Address),
        sk,
        pk: l2.publicKey(sk),
        transfer: l2.signTransfer(sk, BigInt(v.l2ChainId), { from: t.from, to: t.to, asset: t.asset, amount: BigInt(t.amount), fee: BigInt(t.fee), nonce: BigInt(t.nonce) }),
        withdraw: l2.signWithdraw(sk, BigInt(v.l2ChainId), { from: w.from, l1Recipient: w.l1Recipient, asset: w.asset, amount: BigInt(w.amount), fee: BigInt(w.fee), nonce: BigInt(w.nonce) }),
        decoded: l2.decodeTx(v.withdraw.record),
      };
    }, v);
    assert.equal(got.message, v.message);
    assert.equal(got.sk, v.secretKey);
    assert.equal(got.pk, v.publicKey);
    assert.equal(got.transfer, v.transfer.record);
    assert.equal(got.withdraw, v.withdraw.record);
    assert.equal(got.decoded.type, 'withdraw');
    assert.equal(got.decoded.l1Recipient, v.l1Address);
    assert.equal(got.decoded.amount, BigInt(v.withdraw.amount)); // u64: a decimal string in the JSON, a bigint after l2.ts
  }
  // Errors of the crate reach the page as messages.
  const neutral = await page.evaluate(() => {
    try {
      window.janusL2.checkPublicKey(`0x${'00'.repeat(40)}`);
      return 'accepted';
    } catch (e) {
      return e.message;
    }
  });
  assert.equal(neutral, 'public key is the neutral element');
  await page.screenshot({ path: join(SHOTS, 'bridge-key.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await close();
});

test('a signature that is not the connected address\'s derives no key', async () => {
  const account = devAccount(12);
  const other = devAccount(13);
  const { page, errors, close } = await openApp(env, account, 'bridge', {
    personal_sign: async (params) => other.signMessage({ message: { raw: params[0] } }),
  });
  await page.click('#connect');
  await page.locator('#account').waitFor();
  await page.click('#derive-key');
  const msg = page.locator('#l2key-msg.error');
  await msg.waitFor({ timeout: 15000 });
  assert.match(await msg.innerText(), new RegExp(`not ${account.address}'s \\(recovered ${other.address}\\)`));
  assert.equal(await page.locator('#l2key-pk').count(), 0);
  assert.deepEqual(errors, []);
  await close();
});
