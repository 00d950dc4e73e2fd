//! Known-answer vectors published in docs/l2-spec.md §11: any change to a format, hash input or
//! derivation breaks these (and must then be a deliberate spec change).

use janus_l2::hash::digest_to_bytes32;
use janus_l2::keys::SecretKey;
use janus_l2::state::{empty_root, Account};
use janus_l2::tx::{sign_tx, verify_tx, Transfer, Tx};

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn seed_0_to_31() -> [u8; 32] {
    let mut seed = [0u8; 32];
    for (i, s) in seed.iter_mut().enumerate() {
        *s = i as u8;
    }
    seed
}

#[test]
fn empty_state_root() {
    assert_eq!(
        hex(&digest_to_bytes32(&empty_root())),
        "e479b9bb36c3fc43b1e4dac93c0cde8e29332a714327ba72d65af5933a094e83"
    );
}

#[test]
fn key_derivation() {
    let sk0 = SecretKey::from_seed(&[0u8; 32]);
    assert_eq!(
        hex(&sk0.to_bytes()),
        "2f4e09f69ac8ec9ed29a8900c65b9d8ae8ba5917505fac3921704a97d651245ba9f18b682c022c5b"
    );
    assert_eq!(
        hex(&sk0.public_key().to_bytes()),
        "0868b317cccac70be381a0d57e9fb9dca17d76a5aefc38e2a9a6f045332ca6684e60480db2ec9c24"
    );
    let sk1 = SecretKey::from_seed(&seed_0_to_31());
    assert_eq!(
        hex(&sk1.to_bytes()),
        "02c68cd4718200163b92d6f75911d237fd5f9a4a10949f31ad51fbcbb053bc8b0e54b3a799781f22"
    );
    assert_eq!(
        hex(&sk1.public_key().to_bytes()),
        "ea35a7f82736c88667b605183005b76ab255beb4cc0f2c7227b3de96d97a1f446ba7cd7c9dc550e5"
    );
}

#[test]
fn account_leaf() {
    let pk = SecretKey::from_seed(&seed_0_to_31()).public_key();
    let mut a = Account::new(pk.to_bytes());
    a.nonce = 3;
    a.balances = [1, 2, 3, 4];
    assert_eq!(
        hex(&digest_to_bytes32(&a.leaf_hash())),
        "5fdb2a9112e2afa7a4a3d848963a073c8f464f47346c82b277d48efce924e0cf"
    );
}

#[test]
fn signed_transfer_record() {
    let sk = SecretKey::from_seed(&seed_0_to_31());
    let mut tx = Tx::Transfer(Transfer {
        from: 1,
        to: 2,
        asset: 0,
        amount: 1000,
        fee: 10,
        nonce: 3,
        signature: [0; 80],
    });
    sign_tx(&mut tx, &sk, 424242).expect("sign");
    assert_eq!(
        hex(&tx.encode()),
        "0100000001000000020000000000000000000000000000000000000000000000000000000000\
         0003e8000000000000000a0000000000000003a1e6c2060661bff0fdf87978e1b6e81060f238\
         6edac3f074cb28c5a428b79480000000000000000074d7f4b573ba1a0fce69d837f68772c216\
         703f918a2fcb058deeaec5fe6654bf53329a7556a94023"
    );
    assert_eq!(verify_tx(&tx, &sk.public_key().to_bytes(), 424242), Ok(()));
}

/// The deploy script's default genesis root must be the empty L2 state root computed here.
#[test]
fn deploy_script_genesis_root_is_the_empty_state_root() {
    let hex = hex(&digest_to_bytes32(&empty_root()));
    let script = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../script/Deploy.s.sol"
    ))
    .expect("script/Deploy.s.sol is readable");
    // Whitespace-insensitive: forge fmt may wrap the declaration.
    let flat: String = script.split_whitespace().collect();
    assert!(
        flat.contains(&format!("EMPTY_L2_STATE_ROOT=0x{hex};")),
        "script/Deploy.s.sol EMPTY_L2_STATE_ROOT must be 0x{hex}"
    );
}
