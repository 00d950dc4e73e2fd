//! Shared helpers of the integration tests: a toy L1 queue and signing wallets.
#![allow(dead_code)]

use janus_l2::batch::BatchContext;
use janus_l2::keys::SecretKey;
use janus_l2::tx::{fold_chain, sign_tx, L1Message, MessageKind, Transfer, Tx, Withdraw};
use janus_l2::DEFAULT_CHAIN_ID;

/// A toy L1 bridge queue that allocates accounts like the contract does.
pub struct Queue {
    pub messages: Vec<L1Message>,
    pub next_account: u32,
    pub consumed: usize,
    pub chain: [u8; 32],
    pub keys: Vec<Option<SecretKey>>, // index = account
}

impl Default for Queue {
    fn default() -> Self {
        Self::new()
    }
}

impl Queue {
    pub fn new() -> Self {
        Self {
            messages: Vec::new(),
            next_account: 1,
            consumed: 0,
            chain: [0; 32],
            keys: vec![None],
        }
    }

    /// Enqueue a NEW_ACCOUNT deposit with a key derived from `seed`; returns the account.
    pub fn new_account(&mut self, seed: u8, asset: u32, amount: u64) -> u32 {
        let sk = SecretKey::from_seed(&[seed; 32]);
        let key = sk.public_key().to_bytes();
        let account = self.new_account_raw(key, asset, amount);
        self.keys[account as usize] = Some(sk);
        account
    }

    /// Enqueue a NEW_ACCOUNT deposit with arbitrary key bytes (no signing key kept).
    pub fn new_account_raw(&mut self, key: [u8; 40], asset: u32, amount: u64) -> u32 {
        let account = self.next_account;
        self.next_account += 1;
        self.messages.push(L1Message {
            nonce: self.messages.len() as u64,
            kind: MessageKind::NewAccount,
            l1_sender: [0x11; 20],
            account,
            l2_key: key,
            asset,
            amount,
        });
        self.keys.push(None);
        account
    }

    /// Enqueue an EXISTING_ACCOUNT deposit.
    pub fn deposit(&mut self, account: u32, asset: u32, amount: u64) {
        self.messages.push(L1Message {
            nonce: self.messages.len() as u64,
            kind: MessageKind::ExistingAccount,
            l1_sender: [0x22; 20],
            account,
            l2_key: [0; 40],
            asset,
            amount,
        });
    }

    /// Take all pending messages for a batch; returns them and the context to apply it with.
    pub fn take(&mut self) -> (Vec<L1Message>, BatchContext) {
        let ctx = BatchContext {
            chain_id: DEFAULT_CHAIN_ID,
            msg_start: self.consumed as u64,
            chain_before: self.chain,
        };
        let msgs: Vec<L1Message> = self.messages[self.consumed..].to_vec();
        self.chain = fold_chain(self.chain, &msgs);
        self.consumed = self.messages.len();
        (msgs, ctx)
    }

    pub fn key(&self, account: u32) -> &SecretKey {
        self.keys[account as usize]
            .as_ref()
            .expect("account has a signing key")
    }
}

pub fn transfer(
    q: &Queue,
    from: u32,
    to: u32,
    asset: u32,
    amount: u64,
    fee: u64,
    nonce: u64,
) -> Tx {
    let mut tx = Tx::Transfer(Transfer {
        from,
        to,
        asset,
        amount,
        fee,
        nonce,
        signature: [0; 80],
    });
    sign_tx(&mut tx, q.key(from), DEFAULT_CHAIN_ID).expect("sign");
    tx
}

pub fn withdraw(
    q: &Queue,
    from: u32,
    to: [u8; 20],
    asset: u32,
    amount: u64,
    fee: u64,
    nonce: u64,
) -> Tx {
    let mut tx = Tx::Withdraw(Withdraw {
        from,
        l1_recipient: to,
        asset,
        amount,
        fee,
        nonce,
        signature: [0; 80],
    });
    sign_tx(&mut tx, q.key(from), DEFAULT_CHAIN_ID).expect("sign");
    tx
}
