// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {WrapperParams as W} from "../generated/WrapperParams.sol";

/// @title FriVerifier
/// @notice The transcript and FRI half of the wrapper proof's verifier: decodes the proof
/// encoding (docs/verifier.md, "Proof encoding"), replays plonky2's Keccak Fiat-Shamir transcript
/// (`ProofWithPublicInputs::get_challenges` with `Challenger<F, KeccakHash<25>>`) and verifies the
/// FRI opening proof exactly as plonky2's `fri/verifier.rs` does for
/// `CommonCircuitData::get_fri_instance(zeta)`. Generic over the circuit constants in
/// `WrapperParams` (generated). The caller still has to check the vanishing polynomial against
/// the quotient at zeta with the returned openings and challenges.
/// @dev Field encoding as in docs/verifier.md: a Goldilocks element is a word `< p`; a `GF(p^2)`
/// element `c0 + c1·X` is one word `c0 | c1 << 128`. Keccak hashes (25 bytes) are held
/// left-aligned in a word (the low 7 bytes zero).
library FriVerifier {
    /// @notice The opened values at zeta (and g·zeta for `zsNext`), one packed extension word each,
    /// in plonky2's `OpeningSet` order.
    struct Openings {
        uint256[] constants;
        uint256[] sigmas;
        uint256[] wires;
        uint256[] zs;
        uint256[] zsNext;
        uint256[] partialProducts;
        uint256[] quotient;
    }

    /// @notice Every Fiat-Shamir challenge of the proof (plonky2's `ProofChallenges`).
    struct Challenges {
        uint256[] betas; // NUM_CHALLENGES base elements
        uint256[] gammas; // NUM_CHALLENGES base elements
        uint256[] alphas; // NUM_CHALLENGES base elements
        uint256 zeta; // packed extension element
        uint256 friAlpha; // packed extension element
        uint256[] friBetas; // NUM_REDUCTIONS packed extension elements
        uint256 powResponse; // base element
        uint256[] queryIndices; // NUM_QUERIES indices into the LDE domain
    }

    /// @dev The proof is not PROOF_BYTES long.
    error ProofLength(uint256 got, uint256 want);
    /// @dev A field element of the proof (an opening, a final-polynomial coefficient, the PoW
    /// witness) or of the public-inputs hash is not below the Goldilocks prime.
    error NonCanonical();
    /// @dev The PoW response has fewer than POW_BITS leading zeros.
    error ProofOfWork();
    /// @dev Query `query`'s opening of initial oracle `oracle` (0 constants-sigmas, 1 wires,
    /// 2 zs-partial-products, 3 quotient) does not hash to its cap.
    error InitialMerkle(uint256 query, uint256 oracle);
    /// @dev Query `query`'s coset evaluations of reduction `step` do not hash to its commit-phase cap.
    error StepMerkle(uint256 query, uint256 step);
    /// @dev Query `query`: the evaluation at reduction `step` is not the one folded from the
    /// previous layer (or, for step 0, the combined initial evaluation).
    error FoldMismatch(uint256 query, uint256 step);
    /// @dev Query `query`: the final polynomial does not evaluate to the folded value.
    error FinalPolynomial(uint256 query);

    uint256 internal constant P = 0xffffffff00000001;

    // ---- The context: a memory block of words shared by the assembly blocks ----
    uint256 private constant K_BASE = 0x000; // calldata offset of the proof
    uint256 private constant K_NC = 0x020; // NUM_CHALLENGES
    uint256 private constant K_CAPLEN = 0x040;
    uint256 private constant K_LDE_BITS = 0x060;
    uint256 private constant K_NQ = 0x080;
    uint256 private constant K_NRED = 0x0a0;
    uint256 private constant K_ARITY = 0x0c0; // packed arity bits
    uint256 private constant K_STEPSIB = 0x0e0; // packed commit-phase siblings
    uint256 private constant K_INITSIB = 0x100;
    uint256 private constant K_FINLEN = 0x120;
    uint256 private constant K_OP = 0x140; // 4 words: polynomials of each initial oracle
    uint256 private constant K_OFF_FINAL = 0x1c0;
    uint256 private constant K_OFF_QUERIES = 0x1e0;
    uint256 private constant K_QBYTES = 0x200;
    uint256 private constant K_GEN = 0x220;
    uint256 private constant K_TWOADIC = 0x240;
    uint256 private constant K_LDEROOT = 0x260;
    uint256 private constant K_CAPS = 0x280; // pointer: (4 + NUM_REDUCTIONS) caps of CAP_LEN words
    uint256 private constant K_BUF = 0x2a0; // pointer: scratch for leaf hashing
    uint256 private constant K_ALPHA = 0x2c0; // FRI alpha
    uint256 private constant K_APOWS = 0x2e0; // pointer: alpha^0 .. alpha^(n0 - 1)
    uint256 private constant K_RED0 = 0x300; // reduced openings at zeta
    uint256 private constant K_RED1 = 0x320; // reduced openings at g·zeta
    uint256 private constant K_ZETA = 0x340;
    uint256 private constant K_ZETA_NEXT = 0x360;
    uint256 private constant K_SHIFT = 0x380; // alpha^(openings at g·zeta)
    uint256 private constant K_BETAS = 0x3a0; // pointer: FRI betas (array data)
    uint256 private constant K_INDICES = 0x3c0; // pointer: query indices (array data)
    uint256 private constant K_FINAL = 0x3e0; // pointer: final polynomial (FINAL_POLY_LEN words)
    uint256 private constant K_GEN_INV = 0x400; // MULTIPLICATIVE_GENERATOR^-1
    uint256 private constant K_STEP_G = 0x420; // pointer: primitive 2^arity_bits-th root of each step
    uint256 private constant K_WORDS = 34;

    /// @notice Decode `proof`, replay the transcript and verify the FRI proof; reverts with one of
    /// this library's errors on any failure.
    /// @param proof The proof encoding (docs/verifier.md), PROOF_BYTES long.
    /// @param pih The public-inputs hash (Poseidon, 4 base elements).
    /// @return o The openings, for the vanishing-polynomial check at zeta.
    /// @return c Every challenge of the transcript.
    function verifyTranscriptAndFri(bytes calldata proof, uint256[4] memory pih)
        internal
        pure
        returns (Openings memory o, Challenges memory c)
    {
        (o, c) = transcript(proof, pih);
        uint256 k = context(proof, o, c);
        verifyMerkle(k);
        verifyFolding(k);
    }

    /// @notice Decode the openings and replay the transcript (PoW checked); no FRI query check.
    function transcript(bytes calldata proof, uint256[4] memory pih)
        internal
        pure
        returns (Openings memory o, Challenges memory c)
    {
        if (proof.length != W.PROOF_BYTES) revert ProofLength(proof.length, W.PROOF_BYTES);
        o = decodeOpenings(proof);
        c = _challenges(proof, pih, o);
        if (c.powResponse >> (64 - W.POW_BITS) != 0) revert ProofOfWork();
    }

    /// @notice All openings in one array, `OpeningSet` order (constants, sigmas, wires, zs,
    /// zsNext, partialProducts, quotient): what WrapperPlonk.check reads at `op = flat + 32`.
    function flatOpenings(Openings memory o) internal pure returns (uint256[] memory flat) {
        flat = new uint256[](W.NUM_OPENINGS);
        assembly ("memory-safe") {
            let dst := add(flat, 0x20)
            for { let g := 0 } lt(g, 7) { g := add(g, 1) } {
                let arr := mload(add(o, shl(5, g)))
                let n := shl(5, mload(arr))
                mcopy(dst, add(arr, 0x20), n)
                dst := add(dst, n)
            }
        }
    }

    /// @notice `betas | gammas | alphas | zeta` in one array: what WrapperPlonk.check reads at
    /// `ch = words + 32`.
    function plonkChallenges(Challenges memory c) internal pure returns (uint256[] memory words) {
        uint256 nc = W.NUM_CHALLENGES;
        words = new uint256[](3 * nc + 1);
        for (uint256 i = 0; i < nc; i++) {
            words[i] = c.betas[i];
            words[nc + i] = c.gammas[i];
            words[2 * nc + i] = c.alphas[i];
        }
        words[3 * nc] = c.zeta;
    }

    /// @notice The openings of `proof` (assumed PROOF_BYTES long), in `OpeningSet` order.
    function decodeOpenings(bytes calldata proof) internal pure returns (Openings memory o) {
        o.constants = new uint256[](W.NUM_OPEN_CONSTANTS);
        o.sigmas = new uint256[](W.NUM_OPEN_SIGMAS);
        o.wires = new uint256[](W.NUM_OPEN_WIRES);
        o.zs = new uint256[](W.NUM_OPEN_ZS);
        o.zsNext = new uint256[](W.NUM_OPEN_ZS_NEXT);
        o.partialProducts = new uint256[](W.NUM_OPEN_PARTIAL_PRODUCTS);
        o.quotient = new uint256[](W.NUM_OPEN_QUOTIENT);
        uint256 off = W.OFF_OPENINGS;
        bool bad;
        assembly ("memory-safe") {
            off := add(proof.offset, off)
            // o's fields are the 7 array pointers, in order.
            for { let g := 0 } lt(g, 7) { g := add(g, 1) } {
                let arr := mload(add(o, shl(5, g)))
                let n := mload(arr)
                for { let i := 0 } lt(i, n) { i := add(i, 1) } {
                    let c0 := shr(192, calldataload(off))
                    let c1 := shr(192, calldataload(add(off, 8)))
                    bad := or(bad, or(iszero(lt(c0, P)), iszero(lt(c1, P))))
                    mstore(add(arr, shl(5, add(i, 1))), or(c0, shl(128, c1)))
                    off := add(off, 16)
                }
            }
        }
        if (bad) revert NonCanonical();
    }

    function _challenges(bytes calldata proof, uint256[4] memory pih, Openings memory o)
        private
        pure
        returns (Challenges memory c)
    {
        c.betas = new uint256[](W.NUM_CHALLENGES);
        c.gammas = new uint256[](W.NUM_CHALLENGES);
        c.alphas = new uint256[](W.NUM_CHALLENGES);
        c.friBetas = new uint256[](W.NUM_REDUCTIONS);
        c.queryIndices = new uint256[](W.NUM_QUERIES);
        bytes memory prefix = W.TRANSCRIPT_PREFIX;
        // Scalars for the assembly block.
        uint256[12] memory a;
        a[0] = W.CIRCUIT_DIGEST;
        a[1] = W.CAP_LEN;
        a[2] = W.OFF_WIRES_CAP;
        a[3] = W.OFF_ZS_CAP;
        a[4] = W.OFF_QUOTIENT_CAP;
        a[5] = W.OFF_COMMIT_CAPS;
        a[6] = W.OFF_FINAL_POLY;
        a[7] = W.FINAL_POLY_LEN;
        a[8] = W.OFF_POW;
        a[9] = (1 << W.LDE_BITS) - 1;
        bool bad;
        assembly ("memory-safe") {
            // ---- plonky2's Challenger<F, KeccakHash<25>> ----
            // ch: words 0..11 the sponge state, word 12 the inputs buffered (written straight into
            // the state: duplexing overwrites the first inputs), word 13 the outputs left
            // (output_buffer = state[0..8], popped from the end), words 14..20 scratch.
            // Reverse the bytes inside each 8-byte lane of a word. The masks are arguments: the
            // optimizer (200 runs) would otherwise load each 32-byte literal with codecopy at
            // every use.
            function bswap64(x, m8, m16, m32) -> y {
                y := or(shl(8, and(x, m8)), and(shr(8, x), m8))
                y := or(shl(16, and(y, m16)), and(shr(16, y), m16))
                y := or(shl(32, and(y, m32)), and(shr(32, y), m32))
            }
            // KeccakPermutation: the 12 elements as 96 little-endian bytes are hashed, then hashed
            // again and again; the 8-byte little-endian words of the digests below p are the new
            // state (rejection sampling).
            function permute(ch) {
                let buf := add(ch, 0x1c0)
                let m8 := 0x00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff
                let m16 := 0x0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff
                let m32 := 0x00000000ffffffff00000000ffffffff00000000ffffffff00000000ffffffff
                for { let i := 0 } lt(i, 3) { i := add(i, 1) } {
                    let s := add(ch, shl(7, i))
                    let w :=
                        or(
                            or(shl(192, mload(s)), shl(128, mload(add(s, 0x20)))),
                            or(shl(64, mload(add(s, 0x40))), mload(add(s, 0x60)))
                        )
                    mstore(add(buf, shl(5, i)), bswap64(w, m8, m16, m32))
                }
                let h := keccak256(buf, 96)
                // Fast path: the 12 words of three digests are all below p (each word is >= p
                // with probability ~2^-32); otherwise the general loop below redoes it.
                {
                    mstore(add(buf, 0x60), h)
                    mstore(buf, h)
                    let h2 := keccak256(buf, 32)
                    mstore(buf, h2)
                    mstore(add(buf, 0x80), h2)
                    mstore(add(buf, 0xa0), keccak256(buf, 32))
                    let rejected := 0
                    for { let i := 0 } lt(i, 3) { i := add(i, 1) } {
                        let w := bswap64(mload(add(buf, add(0x60, shl(5, i)))), m8, m16, m32)
                        let dst := add(ch, shl(7, i))
                        let v := shr(192, w)
                        rejected := or(rejected, gt(v, 0xffffffff00000000))
                        mstore(dst, v)
                        v := and(shr(128, w), 0xffffffffffffffff)
                        rejected := or(rejected, gt(v, 0xffffffff00000000))
                        mstore(add(dst, 0x20), v)
                        v := and(shr(64, w), 0xffffffffffffffff)
                        rejected := or(rejected, gt(v, 0xffffffff00000000))
                        mstore(add(dst, 0x40), v)
                        v := and(w, 0xffffffffffffffff)
                        rejected := or(rejected, gt(v, 0xffffffff00000000))
                        mstore(add(dst, 0x60), v)
                    }
                    if iszero(rejected) { leave }
                }
                let n := 0
                for {} lt(n, 12) {} {
                    let s := bswap64(h, m8, m16, m32)
                    for { let j := 0 } and(lt(j, 4), lt(n, 12)) { j := add(j, 1) } {
                        let v := and(shr(sub(192, shl(6, j)), s), 0xffffffffffffffff)
                        if lt(v, 0xffffffff00000001) {
                            mstore(add(ch, shl(5, n)), v)
                            n := add(n, 1)
                        }
                    }
                    mstore(buf, h)
                    h := keccak256(buf, 32)
                }
            }
            function observe(ch, e) {
                mstore(add(ch, 0x1a0), 0)
                let n := mload(add(ch, 0x180))
                mstore(add(ch, shl(5, n)), e)
                n := add(n, 1)
                if eq(n, 8) {
                    // Duplexing: the output buffer is the new state's first 8 elements.
                    permute(ch)
                    n := 0
                    mstore(add(ch, 0x1a0), 8)
                }
                mstore(add(ch, 0x180), n)
            }
            function challenge(ch) -> r {
                let left := mload(add(ch, 0x1a0))
                if or(mload(add(ch, 0x180)), iszero(left)) {
                    permute(ch)
                    mstore(add(ch, 0x180), 0)
                    left := 8
                }
                left := sub(left, 1)
                mstore(add(ch, 0x1a0), left)
                r := mload(add(ch, shl(5, left)))
            }
            function extChallenge(ch) -> r {
                let c0 := challenge(ch)
                r := or(c0, shl(128, challenge(ch)))
            }
            // BytesHash::to_vec: 7-byte little-endian chunks (7, 7, 7, 4 bytes).
            function observeHash(ch, h) {
                let m8 := 0x00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff
                let m16 := 0x0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff
                let m32 := 0x00000000ffffffff00000000ffffffff00000000ffffffff00000000ffffffff
                observe(ch, bswap64(shl(8, and(shr(200, h), 0xffffffffffffff)), m8, m16, m32))
                observe(ch, bswap64(shl(8, and(shr(144, h), 0xffffffffffffff)), m8, m16, m32))
                observe(ch, bswap64(shl(8, and(shr(88, h), 0xffffffffffffff)), m8, m16, m32))
                observe(ch, bswap64(shl(32, and(shr(56, h), 0xffffffff)), m8, m16, m32))
            }
            // Bulk observation with the input count on the stack: absorb one element.
            function absorb(ch, n, e) -> n2 {
                mstore(add(ch, shl(5, n)), e)
                n2 := add(n, 1)
                if eq(n2, 8) {
                    permute(ch)
                    n2 := 0
                }
            }
            // After a non-empty bulk observation: the outputs are the fresh state's if its last
            // element completed a duplexing, none otherwise.
            function absorbed(ch, n) {
                mstore(add(ch, 0x180), n)
                mstore(add(ch, 0x1a0), mul(8, iszero(n)))
            }
            // n >= 1 hashes of 25 bytes at calldata off, each as BytesHash::to_vec.
            function observeCap(ch, off, n) {
                let cnt := mload(add(ch, 0x180))
                let m8 := 0x00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff
                let m16 := 0x0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff
                let m32 := 0x00000000ffffffff00000000ffffffff00000000ffffffff00000000ffffffff
                let m64 := 0x0000000000000000ffffffffffffffff0000000000000000ffffffffffffffff
                for { let end := add(off, mul(n, 25)) } lt(off, end) { off := add(off, 25) } {
                    // The 25 bytes as one little-endian integer: reverse the word's 32 bytes.
                    let r := and(calldataload(off), not(0xffffffffffffff))
                    r := or(shl(8, and(r, m8)), and(shr(8, r), m8))
                    r := or(shl(16, and(r, m16)), and(shr(16, r), m16))
                    r := or(shl(32, and(r, m32)), and(shr(32, r), m32))
                    r := or(shl(64, and(r, m64)), and(shr(64, r), m64))
                    r := or(shl(128, r), shr(128, r))
                    cnt := absorb(ch, cnt, and(r, 0xffffffffffffff))
                    cnt := absorb(ch, cnt, and(shr(56, r), 0xffffffffffffff))
                    cnt := absorb(ch, cnt, and(shr(112, r), 0xffffffffffffff))
                    cnt := absorb(ch, cnt, shr(168, r))
                }
                absorbed(ch, cnt)
            }
            // A non-empty memory array of packed extension elements: c0, c1 of each.
            function observeExts(ch, arr) {
                let cnt := mload(add(ch, 0x180))
                let end := add(arr, shl(5, add(mload(arr), 1)))
                for { let ptr := add(arr, 0x20) } lt(ptr, end) { ptr := add(ptr, 0x20) } {
                    let v := mload(ptr)
                    cnt := absorb(ch, cnt, and(v, 0xffffffffffffffff))
                    cnt := absorb(ch, cnt, shr(128, v))
                }
                absorbed(ch, cnt)
            }
            function fill(ch, arr) {
                let n := mload(arr)
                for { let i := 0 } lt(i, n) { i := add(i, 1) } {
                    mstore(add(arr, shl(5, add(i, 1))), challenge(ch))
                }
            }

            let ch := mload(0x40)
            mstore(0x40, add(ch, 0x2a0))
            for { let i := 0 } lt(i, 14) { i := add(i, 1) } { mstore(add(ch, shl(5, i)), 0) }
            let base := proof.offset
            let capLen := mload(add(a, 0x20))

            // FRI parameters, circuit digest, public-inputs hash.
            let np := shr(3, mload(prefix))
            for { let i := 0 } lt(i, np) { i := add(i, 1) } {
                observe(ch, shr(192, mload(add(add(prefix, 0x20), shl(3, i)))))
            }
            observeHash(ch, mload(a))
            for { let i := 0 } lt(i, 4) { i := add(i, 1) } {
                let e := mload(add(pih, shl(5, i)))
                bad := or(bad, iszero(lt(e, P)))
                observe(ch, e)
            }
            // wires cap -> betas, gammas; zs cap -> alphas; quotient cap -> zeta.
            observeCap(ch, add(base, mload(add(a, 0x40))), capLen)
            fill(ch, mload(c))
            fill(ch, mload(add(c, 0x20)))
            observeCap(ch, add(base, mload(add(a, 0x60))), capLen)
            fill(ch, mload(add(c, 0x40)))
            observeCap(ch, add(base, mload(add(a, 0x80))), capLen)
            mstore(add(c, 0x60), extChallenge(ch))
            // Openings, as plonky2's FRI batches: at zeta constants, sigmas, wires, zs, partial
            // products, quotient; at g·zeta the zs.
            observeExts(ch, mload(o))
            observeExts(ch, mload(add(o, 0x20)))
            observeExts(ch, mload(add(o, 0x40)))
            observeExts(ch, mload(add(o, 0x60)))
            observeExts(ch, mload(add(o, 0xa0)))
            observeExts(ch, mload(add(o, 0xc0)))
            observeExts(ch, mload(add(o, 0x80)))
            // FRI: alpha, a beta per commit-phase cap, final polynomial, PoW, query indices.
            mstore(add(c, 0x80), extChallenge(ch))
            {
                let betas := mload(add(c, 0xa0))
                let nb := mload(betas)
                let off := add(base, mload(add(a, 0xa0)))
                for { let i := 0 } lt(i, nb) { i := add(i, 1) } {
                    observeCap(ch, add(off, mul(i, mul(capLen, 25))), capLen)
                    mstore(add(betas, shl(5, add(i, 1))), extChallenge(ch))
                }
            }
            {
                let off := add(base, mload(add(a, 0xc0)))
                let n := shl(1, mload(add(a, 0xe0)))
                for { let i := 0 } lt(i, n) { i := add(i, 1) } {
                    let e := shr(192, calldataload(add(off, shl(3, i))))
                    bad := or(bad, iszero(lt(e, P)))
                    observe(ch, e)
                }
            }
            {
                let pow := shr(192, calldataload(add(base, mload(add(a, 0x100)))))
                bad := or(bad, iszero(lt(pow, P)))
                observe(ch, pow)
            }
            mstore(add(c, 0xc0), challenge(ch))
            {
                let idx := mload(add(c, 0xe0))
                let n := mload(idx)
                let mask := mload(add(a, 0x120))
                for { let i := 0 } lt(i, n) { i := add(i, 1) } {
                    mstore(add(idx, shl(5, add(i, 1))), and(challenge(ch), mask))
                }
            }
        }
        if (bad) revert NonCanonical();
    }

    /// @notice The context of the FRI checks (constants, caps, alpha powers, reduced openings):
    /// a memory block of words, read by verifyMerkle and verifyFolding.
    function context(bytes calldata proof, Openings memory o, Challenges memory c)
        internal
        pure
        returns (uint256 k)
    {
        uint256[K_WORDS] memory m;
        assembly ("memory-safe") {
            k := m
            mstore(add(k, K_BASE), proof.offset)
        }
        m[K_NC >> 5] = W.NUM_CHALLENGES;
        m[K_CAPLEN >> 5] = W.CAP_LEN;
        m[K_LDE_BITS >> 5] = W.LDE_BITS;
        m[K_NQ >> 5] = W.NUM_QUERIES;
        m[K_NRED >> 5] = W.NUM_REDUCTIONS;
        m[K_ARITY >> 5] = W.REDUCTION_ARITY_BITS;
        m[K_STEPSIB >> 5] = W.STEP_SIBLINGS;
        m[K_INITSIB >> 5] = W.INITIAL_SIBLINGS;
        m[K_FINLEN >> 5] = W.FINAL_POLY_LEN;
        m[(K_OP >> 5)] = W.ORACLE_POLYS_0;
        m[(K_OP >> 5) + 1] = W.ORACLE_POLYS_1;
        m[(K_OP >> 5) + 2] = W.ORACLE_POLYS_2;
        m[(K_OP >> 5) + 3] = W.ORACLE_POLYS_3;
        m[K_OFF_FINAL >> 5] = W.OFF_FINAL_POLY;
        m[K_OFF_QUERIES >> 5] = W.OFF_QUERIES;
        m[K_QBYTES >> 5] = W.QUERY_BYTES;
        m[K_GEN >> 5] = W.MULTIPLICATIVE_GENERATOR;
        m[K_TWOADIC >> 5] = W.TWO_ADIC_ROOT;
        m[K_LDEROOT >> 5] = W.LDE_ROOT;
        m[K_ALPHA >> 5] = c.friAlpha;
        m[K_ZETA >> 5] = c.zeta;
        m[K_ZETA_NEXT >> 5] = _smul(c.zeta, W.DEGREE_ROOT);
        m[K_GEN_INV >> 5] = _pow(W.MULTIPLICATIVE_GENERATOR, P - 2);
        uint256[] memory stepG = new uint256[](W.NUM_REDUCTIONS);
        for (uint256 s = 0; s < stepG.length; s++) {
            stepG[s] = _pow(W.TWO_ADIC_ROOT, 1 << (32 - ((W.REDUCTION_ARITY_BITS >> (8 * s)) & 0xff)));
        }
        uint256[] memory betas = c.friBetas;
        uint256[] memory indices = c.queryIndices;
        // Leaf bytes (Merkle), or a coset's c0 and c1 words and the stage roots (folding); the
        // two hashes of a Merkle node.
        bytes memory buf = new bytes(_maxLeaf() * 32 + 64 + 33 * 32);
        assembly ("memory-safe") {
            mstore(add(k, K_BETAS), add(betas, 0x20))
            mstore(add(k, K_INDICES), add(indices, 0x20))
            mstore(add(k, K_BUF), add(buf, 0x20))
            mstore(add(k, K_STEP_G), add(stepG, 0x20))
        }
        _caps(k);
        _finalPoly(k);
        _reduceOpenings(k, o);
    }

    function _pow(uint256 a, uint256 e) private pure returns (uint256 r) {
        r = 1;
        for (; e != 0; e >>= 1) {
            if (e & 1 != 0) r = mulmod(r, a, P);
            a = mulmod(a, a, P);
        }
    }

    function _smul(uint256 a, uint256 s) private pure returns (uint256 r) {
        r = mulmod(a & type(uint128).max, s, P) | (mulmod(a >> 128, s, P) << 128);
    }

    /// @dev Copies the caps to memory, one word per hash: constants-sigmas (from WrapperParams),
    /// wires, zs-partial-products, quotient, then the commit-phase caps.
    function _caps(uint256 k) private pure {
        uint256 capLen = W.CAP_LEN;
        uint256[] memory caps = new uint256[]((4 + W.NUM_REDUCTIONS) * capLen);
        bytes memory csCap = W.CONSTANTS_SIGMAS_CAP;
        uint256[4] memory offs = [W.OFF_WIRES_CAP, W.OFF_ZS_CAP, W.OFF_QUOTIENT_CAP, W.OFF_COMMIT_CAPS];
        assembly ("memory-safe") {
            let base := mload(add(k, K_BASE))
            let hmask := not(0xffffffffffffff)
            let dst := add(caps, 0x20)
            mstore(add(k, K_CAPS), dst)
            for { let i := 0 } lt(i, capLen) { i := add(i, 1) } {
                mstore(add(dst, shl(5, i)), and(mload(add(add(csCap, 0x20), mul(i, 25))), hmask))
            }
            for { let j := 0 } lt(j, 4) { j := add(j, 1) } {
                let off := add(base, mload(add(offs, shl(5, j))))
                let n := capLen
                if eq(j, 3) { n := mul(capLen, mload(add(k, K_NRED))) } // commit caps are contiguous
                dst := add(caps, shl(5, add(mul(add(j, 1), capLen), 1)))
                for { let i := 0 } lt(i, n) { i := add(i, 1) } {
                    mstore(add(dst, shl(5, i)), and(calldataload(add(off, mul(i, 25))), hmask))
                }
            }
        }
    }

    /// @dev Copies the final polynomial's coefficients to memory.
    function _finalPoly(uint256 k) private pure {
        uint256[] memory fin = new uint256[](W.FINAL_POLY_LEN);
        assembly ("memory-safe") {
            let off := add(mload(add(k, K_BASE)), mload(add(k, K_OFF_FINAL)))
            let n := mload(fin)
            for { let i := 0 } lt(i, n) { i := add(i, 1) } {
                let q := add(off, shl(4, i))
                mstore(
                    add(fin, shl(5, add(i, 1))),
                    or(shr(192, calldataload(q)), shl(128, shr(192, calldataload(add(q, 8)))))
                )
            }
            mstore(add(k, K_FINAL), add(fin, 0x20))
        }
    }

    /// @dev alpha^i for the polynomials of the batch at zeta, the reduced openings
    /// sum_i alpha^i v_i of each batch (plonky2's ReducingFactor::reduce), and alpha^(size of the
    /// batch at g·zeta) (ReducingFactor::shift).
    function _reduceOpenings(uint256 k, Openings memory o) private pure {
        uint256[] memory apows =
            new uint256[](W.ORACLE_POLYS_0 + W.ORACLE_POLYS_1 + W.ORACLE_POLYS_2 + W.ORACLE_POLYS_3);
        assembly ("memory-safe") {
            function e_mul(a, b) -> r {
                let a0 := and(a, 0xffffffffffffffffffffffffffffffff)
                let a1 := shr(128, a)
                let b0 := and(b, 0xffffffffffffffffffffffffffffffff)
                let b1 := shr(128, b)
                r := or(
                    addmod(mul(a0, b0), mul(7, mul(a1, b1)), 0xffffffff00000001),
                    shl(128, addmod(mul(a0, b1), mul(a1, b0), 0xffffffff00000001))
                )
            }
            function e_add(a, b) -> r {
                r := or(
                    addmod(
                        and(a, 0xffffffffffffffffffffffffffffffff),
                        and(b, 0xffffffffffffffffffffffffffffffff),
                        0xffffffff00000001
                    ),
                    shl(128, addmod(shr(128, a), shr(128, b), 0xffffffff00000001))
                )
            }
            // sum_j alpha^j arr[j] from power pw on; stores the powers at dst when dst != 0.
            function reduce(arr, alpha, pw, red, dst) -> pw2, red2, dst2 {
                let n := mload(arr)
                for { let j := 0 } lt(j, n) { j := add(j, 1) } {
                    if dst {
                        mstore(dst, pw)
                        dst := add(dst, 0x20)
                    }
                    red := e_add(red, e_mul(pw, mload(add(arr, shl(5, add(j, 1))))))
                    pw := e_mul(pw, alpha)
                }
                pw2 := pw
                red2 := red
                dst2 := dst
            }
            let alpha := mload(add(k, K_ALPHA))
            let pw := 1
            let red := 0
            let dst := add(apows, 0x20)
            // Batch at zeta: constants, sigmas, wires, zs, partial products, quotient.
            pw, red, dst := reduce(mload(o), alpha, pw, red, dst)
            pw, red, dst := reduce(mload(add(o, 0x20)), alpha, pw, red, dst)
            pw, red, dst := reduce(mload(add(o, 0x40)), alpha, pw, red, dst)
            pw, red, dst := reduce(mload(add(o, 0x60)), alpha, pw, red, dst)
            pw, red, dst := reduce(mload(add(o, 0xa0)), alpha, pw, red, dst)
            pw, red, dst := reduce(mload(add(o, 0xc0)), alpha, pw, red, dst)
            // WrapperParams invariant: the batch at zeta is every polynomial of the 4 oracles.
            if iszero(eq(dst, add(apows, shl(5, add(mload(apows), 1))))) { revert(0, 0) }
            mstore(add(k, K_RED0), red)
            mstore(add(k, K_APOWS), add(apows, 0x20))
            // Batch at g·zeta: the zs.
            pw, red, dst := reduce(mload(add(o, 0x80)), alpha, 1, 0, 0)
            mstore(add(k, K_RED1), red)
            mstore(add(k, K_SHIFT), pw)
        }
    }

    /// @dev Base elements of the largest Merkle leaf (an initial oracle's or a coset's).
    function _maxLeaf() private pure returns (uint256 m) {
        uint256[4] memory n = [W.ORACLE_POLYS_0, W.ORACLE_POLYS_1, W.ORACLE_POLYS_2, W.ORACLE_POLYS_3];
        for (uint256 i = 0; i < 4; i++) {
            if (n[i] > m) m = n[i];
        }
        for (uint256 s = 0; s < W.NUM_REDUCTIONS; s++) {
            uint256 leaf = 2 << ((W.REDUCTION_ARITY_BITS >> (8 * s)) & 0xff);
            if (leaf > m) m = leaf;
        }
    }

    /// @notice All Merkle openings of all queries: the 4 initial oracles against their caps and
    /// each commit-phase step against its cap. Reverts InitialMerkle / StepMerkle.
    function verifyMerkle(uint256 k) internal pure {
        assembly ("memory-safe") {
            function fail2(sel, a, b) {
                mstore(0, sel)
                mstore(4, a)
                mstore(0x24, b)
                revert(0, 0x44)
            }
            // hash_or_noop of n base elements (8 bytes big-endian each in calldata at off).
            function leafHash(off, n, buf) -> h {
                let words := shr(2, add(n, 3))
                // Masks hoisted (see bswap64 in the transcript).
                let m8 := 0x00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff
                let m16 := 0x0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff
                let m32 := 0x00000000ffffffff00000000ffffffff00000000ffffffff00000000ffffffff
                for { let i := 0 } lt(i, words) { i := add(i, 1) } {
                    let x := calldataload(add(off, shl(5, i)))
                    x := or(shl(8, and(x, m8)), and(shr(8, x), m8))
                    x := or(shl(16, and(x, m16)), and(shr(16, x), m16))
                    x := or(shl(32, and(x, m32)), and(shr(32, x), m32))
                    mstore(add(buf, shl(5, i)), x)
                }
                switch gt(n, 3)
                case 1 { h := and(keccak256(buf, shl(3, n)), not(0xffffffffffffff)) }
                default {
                    // The little-endian bytes themselves, zero-padded to 25 bytes.
                    h := and(mload(buf), not(sub(shl(sub(256, shl(6, n)), 1), 1)))
                    if iszero(n) { h := 0 }
                }
            }
            // plonky2's verify_merkle_proof_to_cap with KeccakHash::two_to_one.
            function merkleOk(h, idx, off, nsib, cap, buf) -> ok {
                for { let i := 0 } lt(i, nsib) { i := add(i, 1) } {
                    let s := and(calldataload(add(off, mul(i, 25))), not(0xffffffffffffff))
                    // Index bit 0: hash(h ‖ s), 1: hash(s ‖ h) (the left one written first).
                    switch and(idx, 1)
                    case 0 {
                        mstore(buf, h)
                        mstore(add(buf, 25), s)
                    }
                    default {
                        mstore(buf, s)
                        mstore(add(buf, 25), h)
                    }
                    h := and(keccak256(buf, 50), not(0xffffffffffffff))
                    idx := shr(1, idx)
                }
                ok := eq(h, mload(add(cap, shl(5, idx))))
            }

            // Query q's initial-oracle openings; returns the offset after them.
            function initialMerkle(ctx, q, off, idx) -> next {
                let buf := mload(add(ctx, K_BUF))
                let initSib := mload(add(ctx, K_INITSIB))
                for { let j := 0 } lt(j, 4) { j := add(j, 1) } {
                    let n := mload(add(add(ctx, K_OP), shl(5, j)))
                    let h := leafHash(off, n, buf)
                    off := add(off, shl(3, n))
                    let cap := add(mload(add(ctx, K_CAPS)), shl(5, mul(j, mload(add(ctx, K_CAPLEN)))))
                    if iszero(merkleOk(h, idx, off, initSib, cap, buf)) {
                        fail2(0x948906e900000000000000000000000000000000000000000000000000000000, q, j)
                    }
                    off := add(off, mul(initSib, 25))
                }
                next := off
            }
            // Query q's commit-phase openings.
            function stepsMerkle(ctx, q, off, idx) {
                let buf := mload(add(ctx, K_BUF))
                let nred := mload(add(ctx, K_NRED))
                for { let s := 0 } lt(s, nred) { s := add(s, 1) } {
                    let ab := and(shr(shl(3, s), mload(add(ctx, K_ARITY))), 0xff)
                    let nsib := and(shr(shl(3, s), mload(add(ctx, K_STEPSIB))), 0xff)
                    idx := shr(ab, idx)
                    // The coset's 2^ab extension evaluations: 2^(ab+1) base elements.
                    let h := leafHash(off, shl(add(ab, 1), 1), buf)
                    off := add(off, shl(add(ab, 4), 1))
                    let cap := add(mload(add(ctx, K_CAPS)), shl(5, mul(add(4, s), mload(add(ctx, K_CAPLEN)))))
                    if iszero(merkleOk(h, idx, off, nsib, cap, buf)) {
                        fail2(0xfe98883300000000000000000000000000000000000000000000000000000000, q, s)
                    }
                    off := add(off, mul(nsib, 25))
                }
            }
            for { let q := 0 } lt(q, mload(add(k, K_NQ))) { q := add(q, 1) } {
                let off :=
                    add(
                        add(mload(add(k, K_BASE)), mload(add(k, K_OFF_QUERIES))),
                        mul(q, mload(add(k, K_QBYTES)))
                    )
                let idx := mload(add(mload(add(k, K_INDICES)), shl(5, q)))
                stepsMerkle(k, q, initialMerkle(k, q, off, idx), idx)
            }
        }
    }

    /// @notice Every query's alpha-combined initial evaluation, the folding steps and the final
    /// polynomial check. Reverts FoldMismatch / FinalPolynomial. Assumes verifyMerkle passed.
    function verifyFolding(uint256 ctx) internal pure {
        assembly ("memory-safe") {
            function f_pow(a, e) -> r {
                r := 1
                for {} e {} {
                    if and(e, 1) { r := mulmod(r, a, 0xffffffff00000001) }
                    a := mulmod(a, a, 0xffffffff00000001)
                    e := shr(1, e)
                }
            }
            function e_add(a, b) -> r {
                r := or(
                    addmod(
                        and(a, 0xffffffffffffffffffffffffffffffff),
                        and(b, 0xffffffffffffffffffffffffffffffff),
                        0xffffffff00000001
                    ),
                    shl(128, addmod(shr(128, a), shr(128, b), 0xffffffff00000001))
                )
            }
            function e_sub(a, b) -> r {
                r := or(
                    addmod(
                        and(a, 0xffffffffffffffffffffffffffffffff),
                        sub(0xffffffff00000001, and(b, 0xffffffffffffffffffffffffffffffff)),
                        0xffffffff00000001
                    ),
                    shl(128, addmod(shr(128, a), sub(0xffffffff00000001, shr(128, b)), 0xffffffff00000001))
                )
            }
            function e_mul(a, b) -> r {
                let a0 := and(a, 0xffffffffffffffffffffffffffffffff)
                let a1 := shr(128, a)
                let b0 := and(b, 0xffffffffffffffffffffffffffffffff)
                let b1 := shr(128, b)
                r := or(
                    addmod(mul(a0, b0), mul(7, mul(a1, b1)), 0xffffffff00000001),
                    shl(128, addmod(mul(a0, b1), mul(a1, b0), 0xffffffff00000001))
                )
            }
            function e_smul(a, s) -> r {
                r := or(
                    mulmod(and(a, 0xffffffffffffffffffffffffffffffff), s, 0xffffffff00000001),
                    shl(128, mulmod(shr(128, a), s, 0xffffffff00000001))
                )
            }
            function e_inv(a) -> r {
                let a0 := and(a, 0xffffffffffffffffffffffffffffffff)
                let a1 := shr(128, a)
                let p := 0xffffffff00000001
                let n := addmod(mulmod(a0, a0, p), sub(p, mulmod(7, mulmod(a1, a1, p), p)), p)
                let ni := f_pow(n, 0xfffffffeffffffff)
                r := or(mulmod(a0, ni, p), shl(128, mulmod(sub(p, a1), ni, p)))
            }
            function rev(x, bits) -> r {
                for { let i := 0 } lt(i, bits) { i := add(i, 1) } {
                    r := or(shl(1, r), and(x, 1))
                    x := shr(1, x)
                }
            }
            function extAt(off) -> r {
                r := or(shr(192, calldataload(off)), shl(128, shr(192, calldataload(add(off, 8)))))
            }
            function fail2(sel, a, b) {
                mstore(0, sel)
                mstore(4, a)
                mstore(0x24, b)
                revert(0, 0x44)
            }
            // sum_i alpha^i v_i over the 4 initial leaves (lazy: products < 2^128, reduced once)
            // and sum_{i < nc} alpha^i z_i over the zs (oracle 2's first nc values).
            // sum_i alpha^i v_i over the 4 initial leaves (lazy: products < 2^128, reduced once);
            // returns the offset after the initial openings.
            function reduceLeaves(k, off) -> r0, next {
                let apows := mload(add(k, K_APOWS))
                let acc0 := 0
                let acc1 := 0
                // Masks in variables: the optimizer computes these literals at every use.
                let m64 := 0xffffffffffffffff
                let m128 := 0xffffffffffffffffffffffffffffffff
                for { let j := 0 } lt(j, 4) { j := add(j, 1) } {
                    let n := mload(add(add(k, K_OP), shl(5, j)))
                    // 4 elements per calldata word, then the rest one by one.
                    let end := add(off, shl(5, shr(2, n)))
                    for {} lt(off, end) { off := add(off, 32) } {
                        let d := calldataload(off)
                        let a := mload(apows)
                        let v := shr(192, d)
                        acc0 := add(acc0, mul(and(a, m128), v))
                        acc1 := add(acc1, mul(shr(128, a), v))
                        a := mload(add(apows, 0x20))
                        v := and(shr(128, d), m64)
                        acc0 := add(acc0, mul(and(a, m128), v))
                        acc1 := add(acc1, mul(shr(128, a), v))
                        a := mload(add(apows, 0x40))
                        v := and(shr(64, d), m64)
                        acc0 := add(acc0, mul(and(a, m128), v))
                        acc1 := add(acc1, mul(shr(128, a), v))
                        a := mload(add(apows, 0x60))
                        v := and(d, m64)
                        acc0 := add(acc0, mul(and(a, m128), v))
                        acc1 := add(acc1, mul(shr(128, a), v))
                        apows := add(apows, 0x80)
                    }
                    end := add(off, shl(3, and(n, 3)))
                    for {} lt(off, end) { off := add(off, 8) } {
                        let v := shr(192, calldataload(off))
                        let a := mload(apows)
                        acc0 := add(acc0, mul(and(a, m128), v))
                        acc1 := add(acc1, mul(shr(128, a), v))
                        apows := add(apows, 0x20)
                    }
                    off := add(off, mul(mload(add(k, K_INITSIB)), 25))
                }
                r0 := or(mod(acc0, 0xffffffff00000001), shl(128, mod(acc1, 0xffffffff00000001)))
                next := off
            }
            // sum_{i < nc} alpha^i z_i over the zs (the first nc values of oracle 2's leaf at off).
            function reduceZs(k, off) -> r1 {
                let apows := mload(add(k, K_APOWS))
                let z0 := 0
                let z1 := 0
                for { let i := 0 } lt(i, mload(add(k, K_NC))) { i := add(i, 1) } {
                    let v := shr(192, calldataload(add(off, shl(3, i))))
                    let a := mload(add(apows, shl(5, i)))
                    z0 := add(z0, mul(and(a, 0xffffffffffffffffffffffffffffffff), v))
                    z1 := add(z1, mul(shr(128, a), v))
                }
                r1 := or(mod(z0, 0xffffffff00000001), shl(128, mod(z1, 0xffffffff00000001)))
            }
            // plonky2's fri_combine_initial for the batches at zeta and g·zeta.
            // inv = 1 / ((x - zeta)(x - g·zeta)), from prepare.
            function combine(k, x, inv, r0, r1) -> sum {
                let d0 := e_sub(x, mload(add(k, K_ZETA)))
                let d1 := e_sub(x, mload(add(k, K_ZETA_NEXT)))
                let t0 := e_mul(e_mul(e_sub(r0, mload(add(k, K_RED0))), d1), inv)
                let t1 := e_mul(e_mul(e_sub(r1, mload(add(k, K_RED1))), d0), inv)
                sum := e_add(e_mul(t0, mload(add(k, K_SHIFT))), t1)
            }
            // In place: a[k] = sum_i v_i w0^(ik) for the n = 2^ab base words at a holding v in
            // bit-reversed order (radix-2 decimation in time; w0 of order n), and the same for the
            // n words at a + 32n. The transform is linear over the base field, so an extension
            // vector is transformed as its c0 halves (at a) and c1 halves (at a + 32n).
            function ifft2(a, ab, w0) {
                let n32 := shl(add(ab, 5), 1)
                let end := add(a, n32)
                // Stage s uses w0^(n / 2^s): w0, w0^2, w0^4, ... for s = ab, ab - 1, ... (stored
                // after the two vectors, word s).
                let roots := add(a, shl(1, n32))
                {
                    let r := w0
                    for { let s := ab } s { s := sub(s, 1) } {
                        mstore(add(roots, shl(5, s)), r)
                        r := mulmod(r, r, 0xffffffff00000001)
                    }
                }
                for { let s := 1 } iszero(gt(s, ab)) { s := add(s, 1) } {
                    let half := shl(sub(s, 1), 0x20)
                    let wm := mload(add(roots, shl(5, s)))
                    for { let blk := a } lt(blk, end) { blk := add(blk, shl(1, half)) } {
                        let w := 1
                        for { let p0 := blk } lt(p0, add(blk, half)) { p0 := add(p0, 0x20) } {
                            let u := mload(p0)
                            let v := mulmod(mload(add(p0, half)), w, 0xffffffff00000001)
                            mstore(p0, addmod(u, v, 0xffffffff00000001))
                            mstore(add(p0, half), addmod(u, sub(0xffffffff00000001, v), 0xffffffff00000001))
                            let p1 := add(p0, n32)
                            u := mload(p1)
                            v := mulmod(mload(add(p1, half)), w, 0xffffffff00000001)
                            mstore(p1, addmod(u, v, 0xffffffff00000001))
                            mstore(add(p1, half), addmod(u, sub(0xffffffff00000001, v), 0xffffffff00000001))
                            w := mulmod(w, wm, 0xffffffff00000001)
                        }
                    }
                }
            }
            // sum_k a[k] z^k over n base words a (c-th half of the result) and their partner
            // half at a + 32n, as one extension element.
            function horner(a, n, z) -> r {
                let b := add(a, shl(5, n))
                let z0 := and(z, 0xffffffffffffffffffffffffffffffff)
                let z1 := shr(128, z)
                let r0 := 0
                let r1 := 0
                for { let j := shl(5, n) } j {} {
                    j := sub(j, 0x20)
                    // (r0 + r1·X)·(z0 + z1·X) + (a_j + b_j·X), X^2 = 7; products < 2^131.
                    let t :=
                        addmod(add(mul(r0, z0), mul(7, mul(r1, z1))), mload(add(a, j)), 0xffffffff00000001)
                    r1 := addmod(add(mul(r0, z1), mul(r1, z0)), mload(add(b, j)), 0xffffffff00000001)
                    r0 := t
                }
                r := or(r0, shl(128, r1))
            }
            // plonky2's compute_evaluation: P of degree < n = 2^ab with P(c·g^i) = e_rev(i) (the
            // coset's evaluations at off, g of order n, c = x·g^(n - rev(within))), evaluated at
            // beta; a: 2n words of scratch. With
            // Q(Y) = P(c·Y) = (1/n) sum_k A_k Y^k, A = the inverse DFT of the evaluations:
            // P(beta) = Q(beta / c), and 1/c = x^-1 · g^rev(within).
            function fold(a, off, xinv, within, ab, g, beta) -> r {
                let n := shl(ab, 1)
                // c0 halves at a, c1 halves at a + 32n.
                let b := add(a, shl(5, n))
                for { let j := 0 } lt(j, n) { j := add(j, 1) } {
                    let e := add(off, shl(4, j))
                    mstore(add(a, shl(5, j)), shr(192, calldataload(e)))
                    mstore(add(b, shl(5, j)), shr(192, calldataload(add(e, 8))))
                }
                ifft2(a, ab, f_pow(g, sub(n, 1)))
                let z := e_smul(beta, mulmod(xinv, f_pow(g, rev(within, ab)), 0xffffffff00000001))
                // 1/n = p - (p - 1)/n.
                r := e_smul(horner(a, n, z), sub(0xffffffff00000001, shr(ab, 0xffffffff00000000)))
            }
            function finalEval(k, x) -> acc {
                let fin := mload(add(k, K_FINAL))
                let a0 := 0
                let a1 := 0
                let m128 := 0xffffffffffffffffffffffffffffffff
                for { let i := mload(add(k, K_FINLEN)) } i {} {
                    i := sub(i, 1)
                    let c := mload(add(fin, shl(5, i)))
                    a0 := addmod(mul(a0, x), and(c, m128), 0xffffffff00000001)
                    a1 := addmod(mul(a1, x), shr(128, c), 0xffffffff00000001)
                }
                acc := or(a0, shl(128, a1))
            }
            // The reduction steps of query q from the combined initial evaluation `sum` at x.
            function steps(k, q, off, idx, x, sum) {
                // x^-1 = g^-1 · w^(2^LDE_BITS - rev(idx)), followed along with x.
                let lb := mload(add(k, K_LDE_BITS))
                let xinv :=
                    mulmod(
                        mload(add(k, K_GEN_INV)),
                        f_pow(mload(add(k, K_LDEROOT)), sub(shl(lb, 1), rev(idx, lb))),
                        0xffffffff00000001
                    )
                for { let s := 0 } lt(s, mload(add(k, K_NRED))) { s := add(s, 1) } {
                    let ab := and(shr(shl(3, s), mload(add(k, K_ARITY))), 0xff)
                    let within := and(idx, sub(shl(ab, 1), 1))
                    if iszero(eq(extAt(add(off, shl(4, within))), sum)) {
                        fail2(0x4f79c62700000000000000000000000000000000000000000000000000000000, q, s)
                    }
                    sum := fold(
                        mload(add(k, K_BUF)),
                        off,
                        xinv,
                        within,
                        ab,
                        mload(add(mload(add(k, K_STEP_G)), shl(5, s))),
                        mload(add(mload(add(k, K_BETAS)), shl(5, s)))
                    )
                    x := f_pow(x, shl(ab, 1))
                    xinv := f_pow(xinv, shl(ab, 1))
                    idx := shr(ab, idx)
                    off := add(
                        off,
                        add(shl(add(ab, 4), 1), mul(and(shr(shl(3, s), mload(add(k, K_STEPSIB))), 0xff), 25))
                    )
                }
                if iszero(eq(finalEval(k, x), sum)) {
                    mstore(0, 0x97412f5a00000000000000000000000000000000000000000000000000000000)
                    mstore(4, q)
                    revert(0, 0x24)
                }
            }
            // (x - zeta)(x - g·zeta)
            function denom(k, x) -> d {
                d := e_mul(e_sub(x, mload(add(k, K_ZETA))), e_sub(x, mload(add(k, K_ZETA_NEXT))))
            }
            // Every query's x = g·w^rev(idx) (plonky2's subgroup_x) at qs[q], and the inverse of
            // its denom at qs[nq + q]: one inversion for all (Montgomery's trick; prefix products
            // at qs[2nq + q]).
            function prepare(k, qs) {
                let nq := mload(add(k, K_NQ))
                let lb := mload(add(k, K_LDE_BITS))
                let acc := 1
                for { let q := 0 } lt(q, nq) { q := add(q, 1) } {
                    let idx := mload(add(mload(add(k, K_INDICES)), shl(5, q)))
                    let x :=
                        mulmod(
                            mload(add(k, K_GEN)),
                            f_pow(mload(add(k, K_LDEROOT)), rev(idx, lb)),
                            0xffffffff00000001
                        )
                    mstore(add(qs, shl(5, q)), x)
                    acc := e_mul(acc, denom(k, x))
                    mstore(add(qs, shl(5, add(shl(1, nq), q))), acc)
                }
                let inv := e_inv(acc)
                for { let q := nq } q {} {
                    q := sub(q, 1)
                    let before := 1
                    if q { before := mload(add(qs, shl(5, sub(add(shl(1, nq), q), 1)))) }
                    mstore(add(qs, shl(5, add(nq, q))), e_mul(inv, before))
                    inv := e_mul(inv, denom(k, mload(add(qs, shl(5, q)))))
                }
            }
            function query(k, q, qs) {
                let off :=
                    add(
                        add(mload(add(k, K_BASE)), mload(add(k, K_OFF_QUERIES))),
                        mul(q, mload(add(k, K_QBYTES)))
                    )
                let x := mload(add(qs, shl(5, q)))
                let zsOff :=
                    add(
                        off,
                        add(
                            shl(3, add(mload(add(k, K_OP)), mload(add(k, add(K_OP, 0x20))))),
                            mul(50, mload(add(k, K_INITSIB)))
                        )
                    )
                let r0, next := reduceLeaves(k, off)
                let sum :=
                    combine(k, x, mload(add(qs, shl(5, add(mload(add(k, K_NQ)), q)))), r0, reduceZs(k, zsOff))
                steps(k, q, next, mload(add(mload(add(k, K_INDICES)), shl(5, q))), x, sum)
            }

            let qs := mload(0x40)
            mstore(0x40, add(qs, mul(96, mload(add(ctx, K_NQ)))))
            prepare(ctx, qs)
            for { let q := 0 } lt(q, mload(add(ctx, K_NQ))) { q := add(q, 1) } { query(ctx, q, qs) }
        }
    }
}
