//! The per-record steps the batch circuit and the segment circuit ([`super::segment`]) share:
//! the order of record kinds, the record counts, and the data binding's two running values (the
//! Poseidon chain that yields `z` and the Horner evaluation `y`), in circuit and natively.
//!
//! Each step is written once so that a batch proven in one circuit and the same batch proven in
//! segments expose the same binding (spec `docs/l2-spec.md` §12.2, §12.5). The circuit steps make
//! exactly the builder calls the batch circuit made before they were factored out, so its
//! circuit digest (and the verifier generated for it) did not change.

use janus_l2::hash::Digest;
use plonky2::field::extension::FieldExtension;
use plonky2::field::types::{Field, PrimeField64};
use plonky2::hash::hash_types::HashOutTarget;
use plonky2::hash::poseidon::PoseidonHash;
use plonky2::iop::ext_target::ExtensionTarget;
use plonky2::iop::target::{BoolTarget, Target};
use plonky2::plonk::circuit_builder::CircuitBuilder;
use plonky2::plonk::config::Hasher;

use super::packing::{Fp2, MESSAGE_WORDS, TX_WORDS};
use super::slot::SlotTarget;
use crate::prover::{D, F};

/// Deposits first, then transactions, then padding: `s` may follow a record with the flags
/// `prev_deposit`, `prev_padding` (deposit ⇒ the previous one is a deposit; the previous one is
/// padding ⇒ this is padding).
pub fn assert_follows(
    b: &mut CircuitBuilder<F, D>,
    prev_deposit: BoolTarget,
    prev_padding: BoolTarget,
    s: &SlotTarget,
) {
    let not_prev_dep = b.not(prev_deposit);
    let bad = b.mul(s.is_deposit.target, not_prev_dep.target);
    b.assert_zero(bad);
    let not_pad = b.not(s.is_padding);
    let bad = b.mul(prev_padding.target, not_pad.target);
    b.assert_zero(bad);
}

/// Add `s` to the running counts of L1 messages and transaction records (no-ops included).
pub fn count_record(
    b: &mut CircuitBuilder<F, D>,
    messages: Target,
    txs: Target,
    s: &SlotTarget,
) -> (Target, Target) {
    let messages = b.add(messages, s.is_deposit.target);
    let t = b.add_many([s.is_transfer.target, s.is_withdraw.target, s.is_noop.target]);
    (messages, b.add(txs, t))
}

/// The Poseidon chain's first value: `Poseidon(dataHash words ‖ header words)`.
pub fn absorb_header(
    b: &mut CircuitBuilder<F, D>,
    data_hash: &[Target],
    header: &[Target],
) -> HashOutTarget {
    let mut first = data_hash.to_vec();
    first.extend_from_slice(header);
    b.hash_n_to_hash_no_pad::<PoseidonHash>(first)
}

/// One step of the Poseidon chain: `Poseidon(acc ‖ isMessage ‖ record words)`, or `acc` for
/// padding.
pub fn absorb_record(
    b: &mut CircuitBuilder<F, D>,
    acc: HashOutTarget,
    s: &SlotTarget,
) -> HashOutTarget {
    let mut inputs = acc.elements.to_vec();
    inputs.push(s.is_deposit.target);
    inputs.extend_from_slice(&s.words);
    let h = b.hash_n_to_hash_no_pad::<PoseidonHash>(inputs);
    HashOutTarget {
        elements: core::array::from_fn(|i| b.select(s.is_padding, acc.elements[i], h.elements[i])),
    }
}

/// Horner step `acc·z + c`.
pub fn horner(
    b: &mut CircuitBuilder<F, D>,
    acc: ExtensionTarget<D>,
    z: ExtensionTarget<D>,
    c: Target,
) -> ExtensionTarget<D> {
    let c = b.convert_to_ext(c);
    b.arithmetic_extension(F::ONE, F::ONE, acc, z, c)
}

/// Horner over `s`'s record words (22 for a message, 35 for a transaction), or `y` for padding.
pub fn horner_record(
    b: &mut CircuitBuilder<F, D>,
    y: ExtensionTarget<D>,
    z: ExtensionTarget<D>,
    s: &SlotTarget,
) -> ExtensionTarget<D> {
    let mut a = y;
    for j in 0..MESSAGE_WORDS {
        a = horner(b, a, z, s.words[j]);
    }
    let after_message = a;
    for j in MESSAGE_WORDS..TX_WORDS {
        a = horner(b, a, z, s.words[j]);
    }
    let record = b.select_ext(s.is_deposit, after_message, a);
    b.select_ext(s.is_padding, y, record)
}

fn felts(words: impl IntoIterator<Item = u64>) -> Vec<F> {
    words.into_iter().map(F::from_canonical_u64).collect()
}

/// Native [`absorb_header`].
pub fn absorb_header_native(data_hash_words: &[u64], header: &[u64]) -> Digest {
    PoseidonHash::hash_no_pad(&felts(data_hash_words.iter().chain(header).copied()))
}

/// Native [`absorb_record`] for a record (`words` zero-extended to 35).
pub fn absorb_record_native(acc: Digest, is_message: bool, words: &[u64]) -> Digest {
    let mut inputs = acc.elements.to_vec();
    inputs.push(F::from_bool(is_message));
    inputs.extend(felts(
        (0..TX_WORDS).map(|j| words.get(j).copied().unwrap_or(0)),
    ));
    PoseidonHash::hash_no_pad(&inputs)
}

/// `z` as an element of GF(p^2).
pub fn fp2(z: [u64; 2]) -> Fp2 {
    <Fp2 as FieldExtension<2>>::from_basefield_array([
        F::from_canonical_u64(z[0]),
        F::from_canonical_u64(z[1]),
    ])
}

/// Its coordinates.
pub fn fp2_words(x: Fp2) -> [u64; 2] {
    let [a, b] = x.0;
    [a.to_canonical_u64(), b.to_canonical_u64()]
}

/// Native Horner over `coefficients` from `acc`.
pub fn horner_native(mut acc: Fp2, z: Fp2, coefficients: &[u64]) -> Fp2 {
    for c in coefficients {
        acc = acc * z + <Fp2 as FieldExtension<2>>::from_basefield(F::from_noncanonical_u64(*c));
    }
    acc
}
