//! What the benchmark examples share: four funded accounts and a batch of signed transfers.
#![allow(dead_code)]

use janus_l2::batch::Batch;
use janus_l2::keys::SecretKey;
use janus_l2::state::{Account, State};
use janus_l2::tx::{sign_tx, Transfer, Tx};
use janus_l2::DEFAULT_CHAIN_ID;

/// Keys of accounts 1..=4 and a state where each holds 1,000,000 units of asset 0, nonce 0.
pub fn funded_state() -> (Vec<SecretKey>, State) {
    let keys: Vec<SecretKey> = (1..=4u8).map(|i| SecretKey::from_seed(&[i; 32])).collect();
    let state = State::from_accounts((1..=4u32).map(|i| {
        let mut a = Account::new(keys[i as usize - 1].public_key().to_bytes());
        a.balances[0] = 1_000_000;
        (i, a)
    }));
    (keys, state)
}

/// Transfers `first .. first + n` of a sequence on [`funded_state`] (transfer `i` from account
/// `i % 4 + 1` to the next one, nonce `i / 4`, 10 units, fee 1), signed for `DEFAULT_CHAIN_ID`,
/// fee account 1: a batch of transfers `0..k` followed by one of `k..k + n` is valid.
pub fn transfers(
    keys: &[SecretKey],
    first: usize,
    n: usize,
) -> Result<Batch, Box<dyn std::error::Error>> {
    let mut txs = Vec::new();
    for i in first..first + n {
        let from = (i % 4) as u32 + 1;
        let mut tx = Tx::Transfer(Transfer {
            from,
            to: (from % 4) + 1,
            asset: 0,
            amount: 10,
            fee: 1,
            nonce: (i / 4) as u64,
            signature: [0; 80],
        });
        sign_tx(&mut tx, &keys[from as usize - 1], DEFAULT_CHAIN_ID)?;
        txs.push(tx);
    }
    Ok(Batch {
        fee_account: 1,
        messages: vec![],
        txs,
    })
}
