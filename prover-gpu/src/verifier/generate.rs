//! The generated verifier as a whole: which circuit it is for ([`target_prover`]), every
//! generated Solidity file ([`generated_files`]) and the proof fixtures its tests run on
//! ([`fixture_cases`]). `make verifier` (`janus-gen-verifier`) writes them; the tests in
//! `prover-gpu/tests/verifier_generated.rs` fail when the committed files differ.

use janus_l2::batch::{apply_batch, Batch, BatchContext};
use janus_l2::hash::{digest_to_bytes32, keccak256};
use janus_l2::keys::SecretKey;
use janus_l2::state::{Account, State};
use janus_l2::tx::{sign_tx, L1Message, MessageKind, Transfer, Tx, Withdraw};
use janus_l2::DEFAULT_CHAIN_ID;

use super::error::VerifierGenError;
use super::{gates, params, plonk, poseidon};
use crate::error::ProverError;
use crate::prover::batch::{BatchProver, ProverShape};

/// The prover the generated verifier is for: the devnet's (`janus node --prover-slots 16
/// --prover-depth 2 --prover-range-depth 2`, the defaults): segments of 16 slots folded by a
/// segment tree of depth 2, batches of up to 64 records (docs/l2-spec.md §12.5,
/// docs/parameters.md), and a range tree of depth 2: one proof covers up to 4 batches (§12.6).
/// A proof of any other circuit does not verify.
pub const VERIFIER_SHAPE: ProverShape = ProverShape {
    slots: 16,
    depth: 2,
    range_depth: 2,
};

/// The most records of a batch the generated verifier takes (`WrapperParams.MAX_RECORDS`).
pub const VERIFIER_MAX_RECORDS: usize = VERIFIER_SHAPE.max_records();

/// The most batches one proof of the generated verifier covers (`WrapperParams.MAX_BATCHES`).
pub const VERIFIER_MAX_BATCHES: usize = VERIFIER_SHAPE.max_batches();

/// The L2 chain id of that circuit (the devnet's, `janus_l2::DEFAULT_CHAIN_ID`).
pub const VERIFIER_CHAIN_ID: u64 = DEFAULT_CHAIN_ID;

/// Where the generated Solidity lives (relative to the repository root).
pub const GENERATED_DIR: &str = "contracts/verifier/generated";

/// Where the proof fixtures live (relative to the repository root).
pub const FIXTURE_DIR: &str = "test/fixtures/verifier/batches";

/// The batch prover whose wrapper circuit the generated verifier verifies.
pub fn target_prover() -> Result<BatchProver, ProverError> {
    BatchProver::with_shape(VERIFIER_SHAPE, VERIFIER_CHAIN_ID, None)
}

/// Every generated Solidity file for `prover`'s wrapper (of range proofs): `(path, source)`.
pub fn generated_files(prover: &BatchProver) -> Result<Vec<(String, String)>, GenerateError> {
    let w = prover.wrapper()?;
    let common = &w.data.common;
    let file = |name: &str| format!("{GENERATED_DIR}/{name}");
    Ok(vec![
        (file("WrapperGates.sol"), gates::emit_library(common)?),
        (file("WrapperPlonk.sol"), plonk::emit_plonk_library(common)?),
        (
            file("WrapperGateEvaluator.sol"),
            plonk::emit_gate_evaluator(common)?,
        ),
        (
            params::WRAPPER_PARAMS_PATH.to_string(),
            params::emit_wrapper_params(
                common,
                &w.data.verifier_only,
                prover.max_records(),
                prover.max_batches(),
            )?,
        ),
        (
            poseidon::LIBRARY_PATH.to_string(),
            poseidon::poseidon_library_sol(),
        ),
    ])
}

/// Generation failed: building or proving the circuit, or emitting Solidity.
#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    /// The prover failed.
    #[error(transparent)]
    Prover(#[from] ProverError),
    /// The generator failed.
    #[error(transparent)]
    Gen(#[from] VerifierGenError),
    /// A fixture batch is not valid (a bug in the fixture script).
    #[error("fixture batch {0}: {1}")]
    Batch(&'static str, janus_l2::BatchError),
}

/// One proven batch of the fixtures: what `Rollup.proveBatch` hands `JanusVerifier`.
#[derive(Clone, Debug)]
pub struct FixtureCase {
    /// What the batch exercises.
    pub name: &'static str,
    /// State root before the batch (`digest_to_bytes32`).
    pub prev_root: [u8; 32],
    /// State root after it.
    pub new_root: [u8; 32],
    /// The batch data as posted (spec §8).
    pub data: Vec<u8>,
    /// The prover the proof is bound to.
    pub prover: [u8; 20],
    /// `BatchProver::l1_proof` bytes (a range of this one batch).
    pub proof: Vec<u8>,
    /// The wrapped proof in plonky2's serialization (what the Rust-side tests decode).
    pub wrapped: Vec<u8>,
}

/// One range proof of the fixtures: what `Rollup.proveBatches` hands `JanusVerifier`.
#[derive(Clone, Debug)]
pub struct FixtureRange {
    /// What the range exercises.
    pub name: &'static str,
    /// Index of its first batch in the cases.
    pub first: usize,
    /// Number of batches (`cases[first..first + count]`).
    pub count: usize,
    /// The prover the proof is bound to.
    pub prover: [u8; 20],
    /// `BatchProver::l1_proof` bytes of the range.
    pub proof: Vec<u8>,
}

/// Every proof fixture: single batches, then ranges of them.
#[derive(Clone, Debug)]
pub struct Fixtures {
    /// The batches, each with a proof of its own.
    pub cases: Vec<FixtureCase>,
    /// Ranges of consecutive cases, each with one proof.
    pub ranges: Vec<FixtureRange>,
}

/// The fixture ranges: `(name, first, count, prover)`. The first fills the range tree (the full
/// batch included); the second leaves its last node without a right child.
const FIXTURE_RANGES: [(&str, usize, usize, [u8; 20]); 2] = [
    ("four batches", 1, 4, [0x88; 20]),
    ("three batches", 5, 3, [0x99; 20]),
];

fn key(i: u32) -> SecretKey {
    SecretKey::from_seed(&[i as u8; 32])
}

fn signed(mut tx: Tx, from: u32) -> Tx {
    sign_tx(&mut tx, &key(from), VERIFIER_CHAIN_ID).expect("fixture keys sign");
    tx
}

fn nonce(state: &State, account: u32) -> u64 {
    state.get(account).map(|a| a.nonce).unwrap_or(0)
}

fn transfer(s: &State, from: u32, to: u32, amount: u64, fee: u64) -> Tx {
    signed(
        Tx::Transfer(Transfer {
            from,
            to,
            asset: 0,
            amount,
            fee,
            nonce: nonce(s, from),
            signature: [0; 80],
        }),
        from,
    )
}

fn withdraw(s: &State, from: u32, amount: u64) -> Tx {
    signed(
        Tx::Withdraw(Withdraw {
            from,
            l1_recipient: [0xa0 + from as u8; 20],
            asset: 0,
            amount,
            fee: 1,
            nonce: nonce(s, from),
            signature: [0; 80],
        }),
        from,
    )
}

fn deposit(nonce: u64, account: u32, new: bool, amount: u64) -> L1Message {
    L1Message {
        nonce,
        kind: if new {
            MessageKind::NewAccount
        } else {
            MessageKind::ExistingAccount
        },
        l1_sender: [0x5e; 20],
        account,
        l2_key: if new {
            key(account).public_key().to_bytes()
        } else {
            [0; 40]
        },
        asset: 0,
        amount,
    }
}

/// The fixture batches, in order, each on the state the previous ones left (so the chain state
/// differs from case to case): `(name, batch, prover)`. Transactions are built against the
/// state at their position in the batch.
fn fixture_batches(genesis: &State) -> Result<Vec<(&'static str, Batch, [u8; 20])>, GenerateError> {
    let mut out = Vec::new();
    let mut s = genesis.clone();
    let mut next_msg = 0u64;
    let mut push = |name: &'static str,
                    s: &mut State,
                    next_msg: &mut u64,
                    build: &dyn Fn(&State, u64) -> Batch,
                    prover: [u8; 20]|
     -> Result<(), GenerateError> {
        let b = build(s, *next_msg);
        let ctx = BatchContext {
            chain_id: VERIFIER_CHAIN_ID,
            msg_start: b.messages.first().map(|m| m.nonce).unwrap_or(0),
            chain_before: [0; 32],
        };
        apply_batch(s, &b, &ctx).map_err(|e| GenerateError::Batch(name, e))?;
        *next_msg += b.messages.len() as u64;
        out.push((name, b, prover));
        Ok(())
    };
    // Builders apply their own transactions to a scratch copy so nonces follow each other.
    let txs = |s: &State, plan: &[(u32, u32, u64)], fee_account: u32| -> Vec<Tx> {
        let mut w = s.clone();
        plan.iter()
            .map(|&(from, to, amount)| {
                let tx = if to == 0 {
                    withdraw(&w, from, amount)
                } else {
                    transfer(&w, from, to, amount, 1)
                };
                janus_l2::batch::apply_tx(&mut w, fee_account, &tx, VERIFIER_CHAIN_ID)
                    .expect("fixture tx applies");
                tx
            })
            .collect()
    };
    push(
        "empty",
        &mut s,
        &mut next_msg,
        &|_, _| Batch {
            fee_account: 1,
            messages: vec![],
            txs: vec![],
        },
        [0x11; 20],
    )?;
    push(
        "deposits only",
        &mut s,
        &mut next_msg,
        &|_, m| Batch {
            fee_account: 1,
            messages: vec![
                deposit(m, 5, true, 700),
                deposit(m + 1, 6, true, 0),
                deposit(m + 2, 1, false, 12_345),
            ],
            txs: vec![],
        },
        [0x22; 20],
    )?;
    push(
        "transfers",
        &mut s,
        &mut next_msg,
        &|s, _| Batch {
            fee_account: 2,
            messages: vec![],
            txs: txs(s, &[(1, 2, 100), (2, 3, 50), (3, 1, 7), (1, 5, 1)], 2),
        },
        [0x33; 20],
    )?;
    push(
        "withdrawals",
        &mut s,
        &mut next_msg,
        &|s, _| Batch {
            fee_account: 3,
            messages: vec![],
            txs: txs(s, &[(1, 0, 250), (4, 0, 99)], 3),
        },
        [0x44; 20],
    )?;
    push(
        "full batch",
        &mut s,
        &mut next_msg,
        &|s, m| {
            let messages = vec![
                deposit(m, 7, true, 1_000),
                deposit(m + 1, 2, false, 5),
                deposit(m + 2, 8, true, 3),
                deposit(m + 3, 3, false, 77),
            ];
            let mut after = s.clone();
            for d in &messages {
                janus_l2::batch::apply_deposit(&mut after, d).expect("fixture deposit applies");
            }
            let plan: Vec<(u32, u32, u64)> = (0..VERIFIER_MAX_RECORDS as u32 - 6)
                .map(|i| (1 + i % 4, 1 + (i + 1) % 4, 3 + u64::from(i)))
                .chain([(7, 0, 10), (2, 0, 1)])
                .collect();
            Batch {
                fee_account: 4,
                messages,
                txs: txs(&after, &plan, 4),
            }
        },
        [0x55; 20],
    )?;
    push(
        "no-op transactions",
        &mut s,
        &mut next_msg,
        &|_, _| Batch {
            fee_account: 5,
            messages: vec![],
            txs: vec![Tx::Noop, Tx::Noop, Tx::Noop],
        },
        [0x66; 20],
    )?;
    push(
        "mixed on a later state",
        &mut s,
        &mut next_msg,
        &|s, m| {
            let messages = vec![deposit(m, 9, true, 42)];
            let mut after = s.clone();
            janus_l2::batch::apply_deposit(&mut after, &messages[0]).expect("deposit applies");
            Batch {
                fee_account: 9,
                messages,
                txs: txs(&after, &[(5, 9, 40), (9, 0, 5), (1, 6, 0)], 9),
            }
        },
        [0x77; 20],
    )?;
    push(
        "big amounts",
        &mut s,
        &mut next_msg,
        &|s, _| Batch {
            fee_account: 1,
            messages: vec![],
            txs: txs(s, &[(4, 1, 1 << 40), (1, 4, (1 << 41) - 1)], 1),
        },
        [0xfe; 20],
    )?;
    Ok(out)
}

/// The genesis state of the fixtures: accounts 1–4 funded.
pub fn fixture_genesis() -> State {
    State::from_accounts((1..=4u32).map(|i| {
        let mut a = Account::new(key(i).public_key().to_bytes());
        a.balances[0] = 1 << 42;
        (i, a)
    }))
}

/// Prove every fixture batch with `prover`, each alone and in the [`FIXTURE_RANGES`] (slow: one
/// batch proof per case, one range proof and wrap per case and per range).
pub fn fixture_cases(prover: &BatchProver) -> Result<Fixtures, GenerateError> {
    let mut s = fixture_genesis();
    let mut cases = Vec::new();
    let mut proofs = Vec::new();
    for (name, batch, who) in fixture_batches(&s)? {
        let prev_root = digest_to_bytes32(&s.root());
        let proof = prover.prove_batch(&s, &batch)?;
        let range = prover.prove_range(std::slice::from_ref(&proof))?;
        let wrapped = prover.wrap(&range, &who)?;
        prover.verify_wrapped(&wrapped)?;
        let l1 = prover.encode_l1(&range, &wrapped)?;
        let ctx = BatchContext {
            chain_id: VERIFIER_CHAIN_ID,
            msg_start: batch.messages.first().map(|m| m.nonce).unwrap_or(0),
            chain_before: [0; 32],
        };
        apply_batch(&mut s, &batch, &ctx).map_err(|e| GenerateError::Batch(name, e))?;
        let data = batch
            .encode()
            .map_err(|e| GenerateError::Batch(name, janus_l2::BatchError::from(e)))?;
        debug_assert_eq!(keccak256(&data), proof.public.data_hash);
        cases.push(FixtureCase {
            name,
            prev_root,
            new_root: digest_to_bytes32(&s.root()),
            data,
            prover: who,
            proof: l1,
            wrapped: wrapped.to_bytes(),
        });
        proofs.push(proof);
    }
    let ranges = FIXTURE_RANGES
        .iter()
        .map(|&(name, first, count, who)| {
            let proof = prover.l1_proof(&proofs[first..first + count], &who)?;
            Ok(FixtureRange {
                name,
                first,
                count,
                prover: who,
                proof,
            })
        })
        .collect::<Result<_, GenerateError>>()?;
    Ok(Fixtures { cases, ranges })
}
