//! Test helpers: a real anvil from the npm-installed Foundry (`make test` installs it first),
//! signed L2 transactions, free ports, and [`devnet`], the anvil loaded with the committed devnet
//! fixture. Compiled for this crate's unit tests and, behind the `test-utils` feature, for its
//! integration tests (`keeper/tests/`), which enable it through the crate's dev-dependency on
//! itself: one copy of the plumbing for both.

pub mod devnet;

use std::path::PathBuf;

use alloy::node_bindings::{Anvil, AnvilInstance};
use alloy::providers::RootProvider;
use alloy::signers::local::PrivateKeySigner;
use janus_l2::keys::SecretKey;
use janus_l2::tx::record::{Transfer, Tx, Withdraw};
use janus_l2::tx::signing::sign_tx;

/// Path of the native anvil binary (the npm wrapper in `node_modules/.bin` hides exit codes).
pub fn anvil_path() -> PathBuf {
    let arch = match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        other => other,
    };
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!(
        "../node_modules/@foundry-rs/anvil-{}-{arch}/bin/anvil",
        std::env::consts::OS
    ));
    assert!(
        p.exists(),
        "anvil not found at {} — run `make deps` (or `make test`) first to install Foundry from npm",
        p.display()
    );
    p
}

/// A port nobody listens on now (bound, read, released).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A fresh anvil (automine) on a free port.
pub fn anvil() -> AnvilInstance {
    Anvil::at(anvil_path()).spawn()
}

/// A fresh anvil on `port`.
pub fn anvil_on(port: u16) -> AnvilInstance {
    Anvil::at(anvil_path()).port(port).spawn()
}

/// Plain provider (no fillers) for `anvil`.
pub fn provider(anvil: &AnvilInstance) -> RootProvider {
    RootProvider::new_http(anvil.endpoint_url())
}

/// The `i`-th prefunded anvil key.
pub fn key(anvil: &AnvilInstance, i: usize) -> PrivateKeySigner {
    PrivateKeySigner::from(anvil.keys()[i].clone())
}

/// An asset-0 transfer signed by `sk` for L2 chain `chain`.
pub fn signed_transfer_with(
    sk: &SecretKey,
    from: u32,
    to: u32,
    amount: u64,
    fee: u64,
    nonce: u64,
    chain: u64,
) -> Tx {
    let mut tx = Tx::Transfer(Transfer {
        from,
        to,
        asset: 0,
        amount,
        fee,
        nonce,
        signature: [0; 80],
    });
    sign_tx(&mut tx, sk, chain).expect("sign");
    tx
}

/// An asset-0 withdrawal of `amount` to `to`, signed by `sk` for L2 chain `chain`.
pub fn signed_withdrawal(
    sk: &SecretKey,
    from: u32,
    to: [u8; 20],
    amount: u64,
    fee: u64,
    nonce: u64,
    chain: u64,
) -> Tx {
    let mut tx = Tx::Withdraw(Withdraw {
        from,
        l1_recipient: to,
        asset: 0,
        amount,
        fee,
        nonce,
        signature: [0; 80],
    });
    sign_tx(&mut tx, sk, chain).expect("sign");
    tx
}
