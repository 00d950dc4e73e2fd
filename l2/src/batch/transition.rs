//! The state transition (spec §9, §10): deposits, transactions, whole batches.
//!
//! [`apply_tx`] and [`apply_batch`] are atomic: on error the state is left exactly as it was.
//! The checks of a transfer / withdrawal, in the order they are made (the first failing one is
//! reported):
//! 1. `amount`, `fee` `≤ 2^63 - 1`; `asset < NUM_ASSETS`; a withdrawal's `l1Recipient ≠ 0`;
//! 2. the sender slot holds an account; `nonce` equals its nonce (and is `< 2^63 - 1`);
//! 3. the signature verifies under the sender's stored key;
//! 4. `balance ≥ amount` and `balance - amount ≥ fee`;
//! 5. effects in this order, each on the result of the previous one (so aliases are fine):
//!    sender `-= amount + fee`, `nonce += 1`; recipient `+= amount` (transfer; the recipient
//!    must exist, the new balance `≤ 2^63 - 1`); fee account `+= fee` (it must exist, even for a
//!    zero fee; new balance `≤ 2^63 - 1`).

use super::data::Batch;
use super::withdrawal::{Withdrawal, WithdrawalTree};
use crate::error::{BatchError, TxError};
use crate::hash::{keccak256, Digest};
use crate::keys::PUBLIC_KEY_BYTES;
use crate::state::{Account, State};
use crate::tx::message::{fold_chain, L1Message, MessageKind};
use crate::tx::record::Tx;
use crate::tx::signing::verify_tx;
use crate::{MAX_AMOUNT, NUM_ASSETS};

/// What a batch is applied against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BatchContext {
    /// L2 chain id covered by signatures.
    pub chain_id: u64,
    /// Queue index of the batch's first message (where the parent batch stopped).
    pub msg_start: u64,
    /// Message chain value after `msg_start` messages.
    pub chain_before: [u8; 32],
}

/// Result of one valid transaction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Receipt {
    /// Position in the batch.
    pub index: usize,
    /// Type byte.
    pub tx_type: u8,
    /// Sender (0 for a no-op).
    pub from: u32,
    /// Fee paid.
    pub fee: u64,
    /// The withdrawal it created, if any.
    pub withdrawal: Option<Withdrawal>,
    /// State root after the transaction.
    pub state_root: Digest,
}

/// Everything a valid batch produces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BatchOutput {
    /// State root before the batch.
    pub prev_root: Digest,
    /// State root after the batch.
    pub new_root: Digest,
    /// Message chain after the batch's messages.
    pub chain_after: [u8; 32],
    /// Queue index after the last consumed message.
    pub msg_end: u64,
    /// Root of the withdrawal tree.
    pub withdrawal_root: [u8; 32],
    /// The withdrawals in order (leaf `i` of the tree).
    pub withdrawals: Vec<Withdrawal>,
    /// One receipt per transaction.
    pub receipts: Vec<Receipt>,
    /// `keccak256` of the batch data.
    pub data_hash: [u8; 32],
}

/// Apply one L1 message (a deposit). Deposits cannot fail against a state consistent with L1; an
/// error means the state and the queue disagree. A deposit of an asset `≥ NUM_ASSETS` credits
/// nothing (a `NEW_ACCOUNT` one still creates the account).
pub fn apply_deposit(state: &mut State, msg: &L1Message) -> Result<(), BatchError> {
    let (nonce, account) = (msg.nonce, msg.account);
    if msg.amount > MAX_AMOUNT {
        return Err(BatchError::DepositTooLarge { nonce });
    }
    let mut acct = match msg.kind {
        MessageKind::NewAccount => {
            if account == 0 || state.get(account).is_some() {
                return Err(BatchError::AccountExists { nonce, account });
            }
            Account::new(msg.l2_key)
        }
        MessageKind::ExistingAccount => match state.get(account) {
            Some(a) if account != 0 => a.clone(),
            _ => return Err(BatchError::DepositToUnknownAccount { nonce, account }),
        },
    };
    if let Some(bal) = acct.balances.get_mut(msg.asset as usize) {
        *bal = bal
            .checked_add(msg.amount)
            .filter(|b| *b <= MAX_AMOUNT)
            .ok_or(BatchError::DepositOverflow { nonce, account })?;
    }
    state.update(account, acct);
    Ok(())
}

fn credit(acct: &mut Account, asset: usize, amount: u64, index: u32) -> Result<(), TxError> {
    let bal = &mut acct.balances[asset];
    *bal = bal
        .checked_add(amount)
        .filter(|b| *b <= MAX_AMOUNT)
        .ok_or(TxError::Overflow(index))?;
    Ok(())
}

/// Small write-back overlay so that a transaction's effects are computed before any is stored.
struct Overlay<'a> {
    state: &'a State,
    touched: Vec<(u32, Account)>,
}

impl Overlay<'_> {
    fn get(&self, index: u32) -> Option<Account> {
        self.touched
            .iter()
            .rev()
            .find(|(i, _)| *i == index)
            .map(|(_, a)| a.clone())
            .or_else(|| self.state.get(index).cloned())
    }
    fn put(&mut self, index: u32, a: Account) {
        self.touched.push((index, a));
    }
}

/// Validate and apply one transaction; the fee goes to `fee_account`. Returns the withdrawal it
/// creates, if any. Atomic: on error nothing is written.
pub fn apply_tx(
    state: &mut State,
    fee_account: u32,
    tx: &Tx,
    chain_id: u64,
) -> Result<Option<Withdrawal>, TxError> {
    apply_tx_with(state, fee_account, tx, |key| verify_tx(tx, key, chain_id))
}

/// [`apply_tx`] with the signature check supplied by the caller: `check_signature` receives the
/// sender's stored key and runs exactly where [`apply_tx`] verifies the signature (after the
/// nonce checks, before any balance change). A sequencer that already verified the signature
/// against that same key at admission passes a check that does not verify it a second time.
pub fn apply_tx_with(
    state: &mut State,
    fee_account: u32,
    tx: &Tx,
    check_signature: impl FnOnce(&[u8; PUBLIC_KEY_BYTES]) -> Result<(), TxError>,
) -> Result<Option<Withdrawal>, TxError> {
    let (from, to, asset, amount, fee, nonce) = match tx {
        Tx::Noop => return Ok(None),
        Tx::Transfer(t) => (t.from, Some(t.to), t.asset, t.amount, t.fee, t.nonce),
        Tx::Withdraw(w) => {
            if w.l1_recipient == [0u8; 20] {
                return Err(TxError::ZeroRecipient);
            }
            (w.from, None, w.asset, w.amount, w.fee, w.nonce)
        }
    };
    for (field, value) in [("amount", amount), ("fee", fee)] {
        if value > MAX_AMOUNT {
            return Err(TxError::ValueTooLarge { field, value });
        }
    }
    let a = asset as usize;
    if a >= NUM_ASSETS {
        return Err(TxError::UnknownAsset(asset));
    }
    let mut ov = Overlay {
        state,
        touched: Vec::with_capacity(3),
    };
    let mut sender = ov.get(from).ok_or(TxError::UnknownSender(from))?;
    if nonce != sender.nonce {
        return Err(TxError::WrongNonce {
            expected: sender.nonce,
            got: nonce,
        });
    }
    if nonce >= MAX_AMOUNT {
        return Err(TxError::ValueTooLarge {
            field: "nonce",
            value: nonce,
        });
    }
    check_signature(&sender.key)?;
    let balance = sender.balances[a];
    let insufficient = TxError::InsufficientBalance {
        balance,
        amount,
        fee,
    };
    let after_amount = balance.checked_sub(amount).ok_or(insufficient.clone())?;
    sender.balances[a] = after_amount.checked_sub(fee).ok_or(insufficient)?;
    sender.nonce += 1;
    ov.put(from, sender);
    if let Some(to) = to {
        let mut recipient = ov.get(to).ok_or(TxError::UnknownRecipient(to))?;
        credit(&mut recipient, a, amount, to)?;
        ov.put(to, recipient);
    }
    let mut fee_acct = ov
        .get(fee_account)
        .ok_or(TxError::UnknownFeeAccount(fee_account))?;
    credit(&mut fee_acct, a, fee, fee_account)?;
    ov.put(fee_account, fee_acct);
    let touched = ov.touched;
    for (i, acct) in touched {
        state.update(i, acct);
    }
    Ok(match tx {
        Tx::Withdraw(w) => Some(Withdrawal {
            recipient: w.l1_recipient,
            asset,
            amount,
        }),
        _ => None,
    })
}

/// Accounts touched by a batch, with their values before it (for rollback).
struct Journal(Vec<(u32, Option<Account>)>);

impl Journal {
    fn record(&mut self, state: &State, index: u32) {
        self.0.push((index, state.get(index).cloned()));
    }
    fn rollback(self, state: &mut State) {
        for (i, old) in self.0.into_iter().rev() {
            if state.get(i) != old.as_ref() {
                state.set(i, old);
            }
        }
    }
}

/// Apply a batch: its messages (checked against `ctx.msg_start`) as deposits, then its
/// transactions. Atomic: on error the state is unchanged.
pub fn apply_batch(
    state: &mut State,
    batch: &Batch,
    ctx: &BatchContext,
) -> Result<BatchOutput, BatchError> {
    let data = batch.encode()?;
    apply_checked(state, batch, keccak256(&data), ctx)
}

/// Decode batch data bytes and apply them (see [`apply_batch`]).
pub fn apply_batch_data(
    state: &mut State,
    data: &[u8],
    ctx: &BatchContext,
) -> Result<BatchOutput, BatchError> {
    let batch = Batch::decode(data)?;
    apply_checked(state, &batch, keccak256(data), ctx)
}

fn apply_checked(
    state: &mut State,
    batch: &Batch,
    data_hash: [u8; 32],
    ctx: &BatchContext,
) -> Result<BatchOutput, BatchError> {
    batch.check_message_nonces(ctx.msg_start)?;
    let prev_root = state.root();
    let mut journal = Journal(Vec::new());
    match apply_inner(state, batch, ctx, &mut journal) {
        Ok((withdrawals, receipts)) => Ok(BatchOutput {
            prev_root,
            new_root: state.root(),
            chain_after: fold_chain(ctx.chain_before, &batch.messages),
            msg_end: ctx.msg_start + batch.messages.len() as u64,
            withdrawal_root: WithdrawalTree::new(&withdrawals).root(),
            withdrawals,
            receipts,
            data_hash,
        }),
        Err(e) => {
            journal.rollback(state);
            debug_assert_eq!(state.root(), prev_root);
            Err(e)
        }
    }
}

fn apply_inner(
    state: &mut State,
    batch: &Batch,
    ctx: &BatchContext,
    journal: &mut Journal,
) -> Result<(Vec<Withdrawal>, Vec<Receipt>), BatchError> {
    for msg in &batch.messages {
        journal.record(state, msg.account);
        apply_deposit(state, msg)?;
    }
    let mut withdrawals = Vec::new();
    let mut receipts = Vec::with_capacity(batch.txs.len());
    for (index, tx) in batch.txs.iter().enumerate() {
        let (from, fee, to) = match tx {
            Tx::Noop => (0, 0, None),
            Tx::Transfer(t) => (t.from, t.fee, Some(t.to)),
            Tx::Withdraw(w) => (w.from, w.fee, None),
        };
        if !matches!(tx, Tx::Noop) {
            journal.record(state, from);
            journal.record(state, batch.fee_account);
            if let Some(to) = to {
                journal.record(state, to);
            }
        }
        let withdrawal = apply_tx(state, batch.fee_account, tx, ctx.chain_id)
            .map_err(|error| BatchError::InvalidTx { index, error })?;
        if let Some(w) = &withdrawal {
            withdrawals.push(w.clone());
        }
        receipts.push(Receipt {
            index,
            tx_type: tx.type_byte(),
            from,
            fee,
            withdrawal,
            state_root: state.root(),
        });
    }
    Ok((withdrawals, receipts))
}
