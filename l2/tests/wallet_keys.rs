//! Test vectors of the wallet key derivation (docs/l2-spec.md §14) in `tests/vectors/wallet_keys.json`,
//! which the web app's browser test checks against janus-l2 compiled to WebAssembly
//! (web/tests/wasm.test.mjs). This test recomputes every derived value and fails when the committed
//! file differs, so the file cannot go stale; `JANUS_WRITE_VECTORS=1` rewrites it instead.
//!
//! The signatures are the inputs: EIP-191 `personal_sign` signatures of `wallet_key_message` by
//! accounts 10 and 11 of anvil's default mnemonic (`test test … junk`), made outside this crate
//! (which has no secp256k1), e.g.
//! `cast wallet sign --mnemonic "test test test test test test test test test test test junk"
//! --mnemonic-index 10 "$(message)"`. ECDSA signing is deterministic (RFC 6979), so anyone can
//! re-make them; if the message text ever changes, the check below says so and they must be re-made.

use janus_l2::keys::{wallet_key_message, wallet_key_seed, SecretKey};
use janus_l2::tx::{sign_tx, verify_tx, Transfer, Tx, Withdraw};

struct Case {
    anvil_index: u32,
    address: &'static str,
    chain_id: u64,
    signature: &'static str,
}

const CASES: [Case; 2] = [
    Case {
        anvil_index: 10,
        address: "bcd4042de499d14e55001ccbb24a551f3b954096",
        chain_id: 424_242,
        signature: "544f57d606e633340e816d0860b124b8410a7c115991f7e649df7d47167acf544b6b2d4c94eb9eb2e8e4a373eb92fb443a8fc7f6e5f00c0fa49be4d77232dc611b",
    },
    Case {
        anvil_index: 11,
        address: "71be63f3384f5fb98995898a86b02fb2426c5788",
        chain_id: 7,
        signature: "bf895e3bb14034fcc78f7763c8bc1c2f03aa826440908db3e77e1f6b4142fdf23d625a0006296f356e83d2230c0a703a7bdadbcc66dcdaedf8e152cb4380be281b",
    },
];

/// Text of the message as the wallet showed it when the signatures were made.
const SIGNED_TEXT: &str = "Janus L2 key\n\nSign this message to derive your Janus L2 account key.\nL2 chain id: {chain}\nL1 address: 0x{address}\n\nAnyone who sees this signature controls that L2 key: sign it only in a Janus app.";

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex"))
        .collect()
}

fn json_string(s: &str) -> String {
    format!(
        "\"{}\"",
        s.replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', "\\n")
    )
}

fn vectors() -> String {
    let mut cases = Vec::new();
    for c in &CASES {
        let address: [u8; 20] = unhex(c.address).try_into().expect("20 bytes");
        let message = wallet_key_message(c.chain_id, &address);
        assert_eq!(
            message,
            SIGNED_TEXT
                .replace("{chain}", &c.chain_id.to_string())
                .replace("{address}", c.address),
            "the wallet key message changed: the vector signatures must be re-made (see the header)"
        );
        let signature = unhex(c.signature);
        let seed = wallet_key_seed(&signature).expect("valid signature");
        let sk = SecretKey::from_wallet_signature(&signature).expect("valid signature");
        assert_eq!(sk, SecretKey::from_seed(&seed));
        let pk = sk.public_key().to_bytes();

        let mut transfer = Tx::Transfer(Transfer {
            from: 1,
            to: 2,
            asset: 0,
            amount: 1_000,
            fee: 10,
            nonce: 0,
            signature: [0; 80],
        });
        sign_tx(&mut transfer, &sk, c.chain_id).expect("signs");
        assert_eq!(verify_tx(&transfer, &pk, c.chain_id), Ok(()));
        let mut withdraw = Tx::Withdraw(Withdraw {
            from: 1,
            l1_recipient: address,
            asset: 0,
            amount: 2_000_000,
            fee: 1,
            nonce: 1,
            signature: [0; 80],
        });
        sign_tx(&mut withdraw, &sk, c.chain_id).expect("signs");
        assert_eq!(verify_tx(&withdraw, &pk, c.chain_id), Ok(()));

        cases.push(format!(
            concat!(
                "    {{\n",
                "      \"anvilAccountIndex\": {},\n",
                "      \"l1Address\": \"0x{}\",\n",
                "      \"l2ChainId\": {},\n",
                "      \"message\": {},\n",
                "      \"signature\": \"0x{}\",\n",
                "      \"seed\": \"0x{}\",\n",
                "      \"secretKey\": \"0x{}\",\n",
                "      \"publicKey\": \"0x{}\",\n",
                "      \"transfer\": {{ \"from\": 1, \"to\": 2, \"asset\": 0, \"amount\": \"1000\", \"fee\": \"10\", \"nonce\": \"0\",\n",
                "        \"record\": \"0x{}\" }},\n",
                "      \"withdraw\": {{ \"from\": 1, \"l1Recipient\": \"0x{}\", \"asset\": 0, \"amount\": \"2000000\", \"fee\": \"1\", \"nonce\": \"1\",\n",
                "        \"record\": \"0x{}\" }}\n",
                "    }}"
            ),
            c.anvil_index,
            c.address,
            c.chain_id,
            json_string(&message),
            c.signature,
            hex(&seed),
            hex(&sk.to_bytes()),
            hex(&pk),
            hex(&transfer.encode()),
            c.address,
            hex(&withdraw.encode()),
        ));
    }
    format!(
        concat!(
            "{{\n",
            "  \"about\": \"L2 keys derived from L1 wallet signatures (docs/l2-spec.md §14) and records signed with them; written and checked by l2/tests/wallet_keys.rs, checked in the browser by web/tests/wasm.test.mjs\",\n",
            "  \"cases\": [\n{}\n  ]\n}}\n"
        ),
        cases.join(",\n")
    )
}

#[test]
fn wallet_key_vectors_are_current() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/vectors/wallet_keys.json"
    );
    let want = vectors();
    if std::env::var("JANUS_WRITE_VECTORS").as_deref() == Ok("1") {
        std::fs::create_dir_all(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors"))
            .expect("mkdir");
        std::fs::write(path, &want).expect("write vectors");
        return;
    }
    let have = std::fs::read_to_string(path)
        .expect("tests/vectors/wallet_keys.json missing: run with JANUS_WRITE_VECTORS=1");
    assert!(
        have == want,
        "tests/vectors/wallet_keys.json is stale: rerun with JANUS_WRITE_VECTORS=1 and commit it"
    );
}

#[test]
fn another_signature_is_another_key() {
    // The two cases (other account, other chain id) give different keys; the key does not depend on v.
    let a = SecretKey::from_wallet_signature(&unhex(CASES[0].signature)).expect("valid");
    let b = SecretKey::from_wallet_signature(&unhex(CASES[1].signature)).expect("valid");
    assert_ne!(a.public_key(), b.public_key());
    let mut v0 = unhex(CASES[0].signature);
    v0[64] -= 27;
    assert_eq!(SecretKey::from_wallet_signature(&v0), Ok(a));
}
