//! Emits `WrapperPlonk.sol`: the PLONK identity of the wrapper circuit at ζ, as plonky2's
//! verifier checks it before FRI (docs/verifier.md, "The PLONK check"):
//!
//! 1. the gate constraints: each gate's evaluator ([`super::gates`]) times its selector filter
//!    `∏_{j ∈ group, j ≠ gate} (j − s(ζ)) · (UNUSED − s(ζ))` (the last factor only when the
//!    circuit has several selector columns), summed per constraint index;
//! 2. the permutation argument: `L_0(ζ)(Z(ζ) − 1)` and, per chunk of `quotient_degree_factor`
//!    routed wires, `acc_k · ∏ (w + β k_j ζ + γ) − acc_{k+1} · ∏ (w + β σ_j + γ)` with
//!    `acc = Z(ζ), π_0 … π_m, Z(gζ)`;
//! 3. per challenge `i`, `Σ_t α_i^t · term_t = Z_H(ζ) · Σ_c t_{i,c}(ζ) · ζ^{n c}`.
//!
//! Everything circuit-specific (counts, `k_i`, selector groups, the gate list) is baked into
//! the generated code, so the library is only valid for the circuit it was generated from.

use std::fmt::Write as _;
use std::ops::Range;

use plonky2::field::types::PrimeField64;
use plonky2::plonk::circuit_data::CommonCircuitData;
use plonky2::util::serialization::Write as _;

use super::error::VerifierGenError;
use super::gates::emit_gate;
use super::yul::PRELUDE;
use crate::prover::{D, F};

/// plonky2's marker for "no selector" (its `UNUSED_SELECTOR`, `u32::MAX`).
const UNUSED_SELECTOR: u64 = u32::MAX as u64;

/// The selector column of each gate and the gate-index range of each selector group.
///
/// plonky2 keeps these fields crate-private; its serializer writes them as little-endian u64
/// words (`indices.len, indices…, groups.len, (start, end)…`), which is read back here.
pub fn selectors(
    common: &CommonCircuitData<F, D>,
) -> Result<(Vec<usize>, Vec<Range<usize>>), VerifierGenError> {
    let mut bytes = Vec::new();
    bytes
        .write_selectors_info(&common.selectors_info)
        .map_err(|e| VerifierGenError::Unsupported(format!("selectors: {e:?}")))?;
    let words: Vec<usize> = bytes
        .chunks_exact(8)
        .map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes")) as usize)
        .collect();
    let bad = || VerifierGenError::Unsupported("selectors info layout".into());
    let n = *words.first().ok_or_else(bad)?;
    let indices = words.get(1..1 + n).ok_or_else(bad)?.to_vec();
    let g = *words.get(1 + n).ok_or_else(bad)?;
    let flat = words.get(2 + n..2 + n + 2 * g).ok_or_else(bad)?;
    let groups = flat.chunks_exact(2).map(|r| r[0]..r[1]).collect();
    if words.len() != 2 + n + 2 * g || indices.len() != common.gates.len() {
        return Err(bad());
    }
    Ok((indices, groups))
}

/// Word offsets of each opening family in the openings array (plonky2's `OpeningSet` order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpeningLayout {
    /// Constant columns (selectors first).
    pub constants: usize,
    /// Permutation σ columns (one per routed wire).
    pub sigmas: usize,
    /// Wires.
    pub wires: usize,
    /// `Z(ζ)` per challenge.
    pub zs: usize,
    /// `Z(gζ)` per challenge.
    pub zs_next: usize,
    /// Partial products per challenge.
    pub partial_products: usize,
    /// Quotient chunks per challenge.
    pub quotient: usize,
    /// Total words.
    pub len: usize,
}

impl OpeningLayout {
    /// The layout for `common`.
    pub fn of(common: &CommonCircuitData<F, D>) -> Self {
        let c = &common.config;
        let constants = 0;
        let sigmas = constants + common.num_constants;
        let wires = sigmas + c.num_routed_wires;
        let zs = wires + c.num_wires;
        let zs_next = zs + c.num_challenges;
        let partial_products = zs_next + c.num_challenges;
        let quotient = partial_products + c.num_challenges * common.num_partial_products;
        let len = quotient + c.num_challenges * common.quotient_degree_factor;
        Self {
            constants,
            sigmas,
            wires,
            zs,
            zs_next,
            partial_products,
            quotient,
            len,
        }
    }
}

/// The Solidity library `WrapperPlonk` for `common` (see the module docs). `WrapperGates.sol`
/// (the gate evaluators) must sit next to it.
pub fn emit_plonk_library(common: &CommonCircuitData<F, D>) -> Result<String, VerifierGenError> {
    let c = &common.config;
    if common.num_lookup_polys != 0 || common.num_lookup_selectors != 0 {
        return Err(VerifierGenError::Unsupported("lookups".into()));
    }
    if common.quotient_degree_factor < 2 {
        return Err(VerifierGenError::Unsupported("quotient degree factor < 2".into()));
    }
    let l = OpeningLayout::of(common);
    let nch = c.num_challenges;
    let qdf = common.quotient_degree_factor;
    let routed = c.num_routed_wires;
    let chunks = routed.div_ceil(qdf);
    if chunks != common.num_partial_products + 1 {
        return Err(VerifierGenError::Unsupported(format!(
            "{routed} routed wires in chunks of {qdf} need {} partial products, circuit has {}",
            chunks - 1,
            common.num_partial_products
        )));
    }
    let (indices, groups) = selectors(common)?;
    let num_selectors = groups.len();
    let perm_terms = nch + nch * chunks;
    let num_terms = perm_terms + common.num_gate_constraints;
    let n = 1u64 << common.degree_bits();

    let mut gates_sol = String::new();
    let mut filters = String::new();
    let mut max_constraints = 0;
    for (i, gate) in common.gates.iter().enumerate() {
        let g = emit_gate(gate)?;
        max_constraints = max_constraints.max(g.num_constraints);
        let sel = indices[i];
        let mut factors: Vec<u64> = groups[sel]
            .clone()
            .filter(|&j| j != i)
            .map(|j| j as u64)
            .collect();
        if num_selectors > 1 {
            factors.push(UNUSED_SELECTOR);
        }
        let mut filter = String::from("1");
        for j in factors {
            filter = format!("e_mul({filter}, e_sub({j}, s))");
        }
        writeln!(
            filters,
            "            s := mload(add(op, {soff}))\n            mstore(add(f, {foff}), {filter})",
            soff = 32 * (l.constants + sel),
            foff = 32 * i,
        )
        .expect("write to string");
        writeln!(
            gates_sol,
            "        // {i}: {id}\n        WrapperGates.{name}(wires, consts, pih, scratch);\n        \
             _accumulate(acc, scratch, {nc}, filters + {foff});",
            id = gate.0.id().split([' ', '(']).next().unwrap_or(""),
            name = g.name,
            nc = g.num_constraints,
            foff = 32 * i,
        )
        .expect("write to string");
    }

    let mut k_is = String::new();
    for (j, k) in common.k_is.iter().take(routed).enumerate() {
        writeln!(
            k_is,
            "            mstore(add(ks, {}), 0x{:x})",
            32 * j,
            k.to_canonical_u64()
        )
        .expect("write to string");
    }


    let mut s = String::new();
    write!(
        s,
        r#"// SPDX-License-Identifier: MIT
// GENERATED by prover-gpu/src/verifier/plonk.rs from the wrapper circuit (`make verifier`). Do not edit.
pragma solidity 0.8.37;

import {{WrapperGates}} from "./WrapperGates.sol";

/// @title WrapperPlonk
/// @notice The PLONK identity of the wrapper circuit at the challenge point zeta: the gate
///         constraints under their selector filters, the permutation argument (Z and partial
///         products) and, per challenge, `sum_t alpha^t term_t = Z_H(zeta) t(zeta)`
///         (prover-gpu/src/verifier/plonk.rs, docs/verifier.md).
/// @dev Field encoding of docs/verifier.md: an extension element is one word `c0 | c1 << 128`.
///      `op` points to the openings at zeta ({len} words, `OFF_*` below), `ch` to the challenges
///      `betas ({nch}) | gammas ({nch}) | alphas ({nch}) | zeta` (base words, then the packed zeta),
///      `pih` to the 4 words of the public-inputs hash.
library WrapperPlonk {{
    /// @notice Words of the openings array.
    uint256 internal constant NUM_OPENINGS = {len};
    uint256 internal constant OFF_CONSTANTS = {oc};
    uint256 internal constant OFF_SIGMAS = {os};
    uint256 internal constant OFF_WIRES = {ow};
    uint256 internal constant OFF_ZS = {oz};
    uint256 internal constant OFF_ZS_NEXT = {ozn};
    uint256 internal constant OFF_PARTIAL_PRODUCTS = {opp};
    uint256 internal constant OFF_QUOTIENT = {oq};
    /// @notice Challenges per round (betas, gammas, alphas).
    uint256 internal constant NUM_CHALLENGES = {nch};
    /// @notice Words of the challenges array.
    uint256 internal constant NUM_CHALLENGE_WORDS = {chw};

    /// @notice True iff the openings satisfy the circuit's identity at zeta.
    function check(uint256 op, uint256 ch, uint256 pih) internal pure returns (bool ok) {{
        uint256 terms;
        uint256 scratch;
        assembly ("memory-safe") {{
            terms := mload(0x40)
            scratch := add(terms, {terms_bytes})
            mstore(0x40, add(scratch, {scratch_bytes}))
            // Memory past the free pointer may hold garbage: the accumulators start at zero.
            for {{ let j := 0 }} lt(j, {num_terms}) {{ j := add(j, 1) }} {{ mstore(add(terms, shl(5, j)), 0) }}
        }}
        _gates(op, pih, terms + {gate_off}, scratch);
        ok = _identity(op, ch, terms);
    }}

    /// @dev Adds every gate's filtered constraints to `acc`.
    function _gates(uint256 op, uint256 pih, uint256 acc, uint256 scratch) private pure {{
        uint256 wires = op + {wires_bytes};
        uint256 consts = op + {consts_bytes};
        uint256 filters = _filters(op);
{gates_sol}    }}

    /// @dev The selector filter of every gate, from the selector columns at zeta.
    function _filters(uint256 op) private pure returns (uint256 f) {{
        assembly ("memory-safe") {{
{PRELUDE}
            f := mload(0x40)
            mstore(0x40, add(f, {filters_bytes}))
            let s := 0
{filters}        }}
    }}

    /// @dev `acc[j] += filter * src[j]` for `j < count`, with `filter` read at `fptr`.
    function _accumulate(uint256 acc, uint256 src, uint256 count, uint256 fptr) private pure {{
        assembly ("memory-safe") {{
{PRELUDE}
            let f := mload(fptr)
            for {{ let j := 0 }} lt(j, count) {{ j := add(j, 1) }} {{
                let p := add(acc, shl(5, j))
                mstore(p, e_add(mload(p), e_mul(f, mload(add(src, shl(5, j))))))
            }}
        }}
    }}

    /// @dev The permutation terms, the alpha reduction and the quotient identity.
    function _identity(uint256 op, uint256 ch, uint256 terms) private pure returns (bool ok) {{
        assembly ("memory-safe") {{
{PRELUDE}
            let ks := mload(0x40)
            mstore(0x40, add(ks, {ks_bytes}))
{k_is}
            let zeta := mload(add(ch, {zeta_off}))
            let xn := zeta
            for {{ let i := 0 }} lt(i, {degree_bits}) {{ i := add(i, 1) }} {{ xn := e_sq(xn) }}
            let zh := e_sub(xn, 1)
            // L_0(zeta) = Z_H(zeta) / (n (zeta - 1)), and 1 at zeta = 1 (as plonky2).
            let l0 := 1
            if iszero(eq(zeta, 1)) {{ l0 := e_mul(zh, e_inv(e_smul(e_sub(zeta, 1), {n}))) }}
            // s_id_j = k_j zeta, reused by every challenge.
            for {{ let j := 0 }} lt(j, {routed}) {{ j := add(j, 1) }} {{
                let p := add(ks, shl(5, j))
                mstore(p, e_smul(zeta, mload(p)))
            }}
            perm_terms(op, ch, terms, ks, l0)
            ok := reduce_check(op, ch, terms, xn, zh)

            // Products of (w + beta s + gamma) over wires [start, end) for s = s_id and s = sigma.
            function perm_chunk(o_, k_, start, end, beta, gamma) -> num, den {{
                num := 1
                den := 1
                for {{ let j := start }} lt(j, end) {{ j := add(j, 1) }} {{
                    let wg := e_add(mload(add(o_, shl(5, add({ow}, j)))), gamma)
                    num := e_mul(num, e_add(wg, e_smul(mload(add(k_, shl(5, j))), beta)))
                    den := e_mul(den, e_add(wg, e_smul(mload(add(o_, shl(5, add({os}, j)))), beta)))
                }}
            }}

            // L_0 (Z - 1) and the partial-product chunk t_ of every challenge.
            function perm_terms(o_, c_, t_, k_, l0_) {{
                for {{ let i := 0 }} lt(i, {nch}) {{ i := add(i, 1) }} {{
                    let prev := mload(add(o_, shl(5, add({oz}, i))))
                    mstore(add(t_, shl(5, i)), e_mul(l0_, e_sub(prev, 1)))
                    for {{ let k := 0 }} lt(k, {chunks}) {{ k := add(k, 1) }} {{
                        let end := add(mul(k, {qdf}), {qdf})
                        if gt(end, {routed}) {{ end := {routed} }}
                        let num, den := perm_chunk(o_, k_, mul(k, {qdf}), end, mload(add(c_, shl(5, i))),
                            mload(add(c_, shl(5, add(i, {nch})))))
                        let next := mload(add(o_, shl(5, add({ozn}, i))))
                        if lt(k, {last_chunk}) {{ next := mload(add(o_, shl(5, add({opp}, add(mul(i, {npp}), k))))) }}
                        mstore(add(t_, shl(5, add({nch}, add(mul(i, {chunks}), k)))), e_sub(e_mul(prev, num), e_mul(next, den)))
                        prev := next
                    }}
                }}
            }}

            // Per challenge: sum_t alpha^t term_t == Z_H(zeta) sum_c t_c(zeta) zeta^(n c).
            function reduce_check(o_, c_, t_, xn_, zh_) -> r_ {{
                r_ := 1
                for {{ let i := 0 }} lt(i, {nch}) {{ i := add(i, 1) }} {{
                    let alpha := mload(add(c_, shl(5, add(i, {two_nch}))))
                    let v := 0
                    for {{ let t := {num_terms} }} t {{}} {{
                        t := sub(t, 1)
                        v := e_add(e_smul(v, alpha), mload(add(t_, shl(5, t))))
                    }}
                    let q := 0
                    for {{ let t := {qdf} }} t {{}} {{
                        t := sub(t, 1)
                        q := e_add(e_mul(q, xn_), mload(add(o_, shl(5, add({oq}, add(mul(i, {qdf}), t))))))
                    }}
                    if iszero(eq(v, e_mul(zh_, q))) {{ r_ := 0 }}
                }}
            }}
        }}
    }}
}}
"#,
        len = l.len,
        oc = l.constants,
        os = l.sigmas,
        ow = l.wires,
        oz = l.zs,
        ozn = l.zs_next,
        opp = l.partial_products,
        oq = l.quotient,
        chw = 3 * nch + 1,
        terms_bytes = 32 * num_terms,
        scratch_bytes = 32 * max_constraints.max(1),
        num_terms = num_terms,
        gate_off = 32 * perm_terms,
        wires_bytes = 32 * l.wires,
        consts_bytes = 32 * (l.constants + num_selectors),
        ks_bytes = 32 * routed,
        zeta_off = 32 * 3 * nch,
        degree_bits = common.degree_bits(),
        n = n,
        last_chunk = chunks - 1,
        npp = common.num_partial_products,
        two_nch = 2 * nch,
        filters_bytes = 32 * common.gates.len(),
    )
    .expect("write to string");
    Ok(s)
}
