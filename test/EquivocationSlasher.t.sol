// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";

import {EquivocationSlasher} from "../contracts/EquivocationSlasher.sol";
import {IEquivocationSlasher} from "../contracts/interfaces/IEquivocationSlasher.sol";
import {IStaking} from "../contracts/interfaces/IStaking.sol";
import {StakingDouble} from "./mocks/SequencerSetTestDoubles.sol";

/// @notice Unit and fuzz tests of EquivocationSlasher with real ECDSA signatures over the EIP-712
///         digest and the staking double.
contract EquivocationSlasherTest is Test {
    uint256 internal constant L2_CHAIN_ID = 424242;
    uint64 internal constant UNBONDING = 3 hours;
    uint256 internal constant SECP256K1_N =
        0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;

    StakingDouble internal stakingD;
    EquivocationSlasher internal slasher;

    uint256 internal signerKey = 0xA11CE;
    address internal signer;
    address internal operator = makeAddr("operator");
    address internal reporter = makeAddr("reporter");

    function setUp() public {
        vm.warp(1_700_000_000);
        stakingD = new StakingDouble(10, UNBONDING);
        slasher = new EquivocationSlasher(IStaking(address(stakingD)), L2_CHAIN_ID);
        signer = vm.addr(signerKey);
        stakingD.setSigner(signer, operator, 0);
    }

    // ------------------------------------------------------------------ helpers

    function _conf(uint64 height, bytes32 blockHash)
        internal
        pure
        returns (IEquivocationSlasher.SoftConfirmation memory)
    {
        return IEquivocationSlasher.SoftConfirmation({
            l2BlockNumber: height,
            l2BlockHash: blockHash,
            parentHash: keccak256(abi.encode("parent", height)),
            chainId: L2_CHAIN_ID
        });
    }

    function _sign(uint256 key, IEquivocationSlasher.SoftConfirmation memory c)
        internal
        view
        returns (bytes memory)
    {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, slasher.hashSoftConfirmation(c));
        return abi.encodePacked(r, s, v);
    }

    /// @dev A conflicting pair at `height` signed by `key`.
    function _pair(uint256 key, uint64 height)
        internal
        view
        returns (
            IEquivocationSlasher.SoftConfirmation memory a,
            bytes memory sigA,
            IEquivocationSlasher.SoftConfirmation memory b,
            bytes memory sigB
        )
    {
        a = _conf(height, keccak256("block-a"));
        b = _conf(height, keccak256("block-b"));
        sigA = _sign(key, a);
        sigB = _sign(key, b);
    }

    /// @dev The EIP-712 digest computed independently of the contract.
    function _referenceDigest(IEquivocationSlasher.SoftConfirmation memory c)
        internal
        view
        returns (bytes32)
    {
        bytes32 domain = keccak256(
            abi.encode(
                keccak256(
                    "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
                ),
                keccak256("Janus"),
                keccak256("1"),
                block.chainid,
                address(slasher)
            )
        );
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256(
                    "SoftConfirmation(uint64 l2BlockNumber,bytes32 l2BlockHash,bytes32 parentHash,uint256 chainId)"
                ),
                c.l2BlockNumber,
                c.l2BlockHash,
                c.parentHash,
                c.chainId
            )
        );
        return keccak256(abi.encodePacked("\x19\x01", domain, structHash));
    }

    // ------------------------------------------------------------------ constructor and views

    function test_constructor_setsState_succeeds() public view {
        assertEq(address(slasher.staking()), address(stakingD));
        assertEq(slasher.l2ChainId(), L2_CHAIN_ID);
        assertEq(
            slasher.SOFT_CONFIRMATION_TYPEHASH(),
            keccak256(
                "SoftConfirmation(uint64 l2BlockNumber,bytes32 l2BlockHash,bytes32 parentHash,uint256 chainId)"
            )
        );
        (, string memory name, string memory version, uint256 chainId, address verifying,,) =
            slasher.eip712Domain();
        assertEq(name, "Janus");
        assertEq(version, "1");
        assertEq(chainId, block.chainid);
        assertEq(verifying, address(slasher));
    }

    function test_constructor_zeroStaking_reverts() public {
        vm.expectRevert(IEquivocationSlasher.ZeroAddress.selector);
        new EquivocationSlasher(IStaking(address(0)), L2_CHAIN_ID);
    }

    function test_hashSoftConfirmation_matchesReference_succeeds() public view {
        IEquivocationSlasher.SoftConfirmation memory c = _conf(9, keccak256("x"));
        assertEq(slasher.hashSoftConfirmation(c), _referenceDigest(c));
        c.parentHash = keccak256("other parent");
        assertEq(slasher.hashSoftConfirmation(c), _referenceDigest(c));
        assertEq(
            slasher.domainSeparator(),
            keccak256(
                abi.encode(
                    keccak256(
                        "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
                    ),
                    keccak256("Janus"),
                    keccak256("1"),
                    block.chainid,
                    address(slasher)
                )
            )
        );
    }

    // ------------------------------------------------------------------ reportEquivocation: success

    function test_reportEquivocation_conflictingHeaders_succeeds() public {
        (
            IEquivocationSlasher.SoftConfirmation memory a,
            bytes memory sigA,
            IEquivocationSlasher.SoftConfirmation memory b,
            bytes memory sigB
        ) = _pair(signerKey, 77);
        vm.expectEmit(true, true, true, true, address(slasher));
        emit IEquivocationSlasher.EquivocationReported(
            operator, 77, reporter, slasher.hashSoftConfirmation(a), slasher.hashSoftConfirmation(b)
        );
        vm.expectEmit(true, true, true, true, address(stakingD));
        emit StakingDouble.SlashCalled(operator, IStaking.SlashKind.Equivocation, reporter);
        vm.prank(reporter);
        slasher.reportEquivocation(a, sigA, b, sigB);

        assertTrue(slasher.slashedSigner(signer));
        assertFalse(slasher.slashedSigner(vm.addr(signerKey + 1)));
        assertEq(stakingD.slashCount(), 1);
        StakingDouble.SlashCall memory c = stakingD.slashAt(0);
        assertEq(c.operator, operator);
        assertEq(uint8(c.kind), uint8(IStaking.SlashKind.Equivocation));
        assertEq(c.reporter, reporter);
    }

    function test_reportEquivocation_differentParentOnly_succeeds() public {
        IEquivocationSlasher.SoftConfirmation memory a = _conf(5, keccak256("same"));
        IEquivocationSlasher.SoftConfirmation memory b = _conf(5, keccak256("same"));
        b.parentHash = keccak256("fork");
        slasher.reportEquivocation(a, _sign(signerKey, a), b, _sign(signerKey, b));
        assertEq(stakingD.slashCount(), 1);
    }

    /// @dev One incident is one key: conflicting confirmations at another height, signed by the
    ///      key already slashed, are not a second incident (the original code slashed per height).
    function test_reportEquivocation_otherHeightSameKey_reverts() public {
        (
            IEquivocationSlasher.SoftConfirmation memory a,
            bytes memory sigA,
            IEquivocationSlasher.SoftConfirmation memory b,
            bytes memory sigB
        ) = _pair(signerKey, 1);
        slasher.reportEquivocation(a, sigA, b, sigB);
        (a, sigA, b, sigB) = _pair(signerKey, 2);
        vm.expectRevert(abi.encodeWithSelector(IEquivocationSlasher.SignerAlreadySlashed.selector, signer));
        slasher.reportEquivocation(a, sigA, b, sigB);
        assertEq(stakingD.slashCount(), 1);
    }

    /// @dev A leaked key (or a keeper bug) equivocating at 8 heights: exactly one slash, whichever
    ///      height is reported first; every other pair reverts.
    function test_reportEquivocation_eightHeightsOneKey_slashesOnce_succeeds() public {
        for (uint64 h = 100; h < 108; ++h) {
            (
                IEquivocationSlasher.SoftConfirmation memory a,
                bytes memory sigA,
                IEquivocationSlasher.SoftConfirmation memory b,
                bytes memory sigB
            ) = _pair(signerKey, h);
            if (h != 100) {
                vm.expectRevert(
                    abi.encodeWithSelector(IEquivocationSlasher.SignerAlreadySlashed.selector, signer)
                );
            }
            vm.prank(reporter);
            slasher.reportEquivocation(a, sigA, b, sigB);
        }
        assertEq(stakingD.slashCount(), 1);
    }

    /// @dev A different key of the same operator (after a rotation) is a new incident.
    function test_reportEquivocation_newKeySameOperator_succeeds() public {
        (
            IEquivocationSlasher.SoftConfirmation memory a,
            bytes memory sigA,
            IEquivocationSlasher.SoftConfirmation memory b,
            bytes memory sigB
        ) = _pair(signerKey, 1);
        slasher.reportEquivocation(a, sigA, b, sigB);
        uint256 newKey = 0xB0B;
        stakingD.setSigner(signer, operator, uint64(block.timestamp));
        stakingD.setSigner(vm.addr(newKey), operator, 0);
        (a, sigA, b, sigB) = _pair(newKey, 1);
        slasher.reportEquivocation(a, sigA, b, sigB);
        assertEq(stakingD.slashCount(), 2);
        assertTrue(slasher.slashedSigner(vm.addr(newKey)));
    }

    function test_reportEquivocation_retiredSignerWithinDelay_succeeds() public {
        uint64 retiredAt = uint64(block.timestamp);
        stakingD.setSigner(signer, operator, retiredAt);
        vm.warp(uint256(retiredAt) + UNBONDING - 1);
        (
            IEquivocationSlasher.SoftConfirmation memory a,
            bytes memory sigA,
            IEquivocationSlasher.SoftConfirmation memory b,
            bytes memory sigB
        ) = _pair(signerKey, 3);
        slasher.reportEquivocation(a, sigA, b, sigB);
        assertEq(stakingD.slashAt(0).operator, operator);
    }

    // ------------------------------------------------------------------ reportEquivocation: reverts

    function test_reportEquivocation_wrongChainId_reverts() public {
        (
            IEquivocationSlasher.SoftConfirmation memory a,
            bytes memory sigA,
            IEquivocationSlasher.SoftConfirmation memory b,
            bytes memory sigB
        ) = _pair(signerKey, 4);
        a.chainId = 1;
        sigA = _sign(signerKey, a);
        vm.expectRevert(abi.encodeWithSelector(IEquivocationSlasher.WrongChainId.selector, uint256(1)));
        slasher.reportEquivocation(a, sigA, b, sigB);

        a.chainId = L2_CHAIN_ID;
        sigA = _sign(signerKey, a);
        b.chainId = 2;
        sigB = _sign(signerKey, b);
        vm.expectRevert(abi.encodeWithSelector(IEquivocationSlasher.WrongChainId.selector, uint256(2)));
        slasher.reportEquivocation(a, sigA, b, sigB);
    }

    function test_reportEquivocation_differentHeights_reverts() public {
        IEquivocationSlasher.SoftConfirmation memory a = _conf(10, keccak256("a"));
        IEquivocationSlasher.SoftConfirmation memory b = _conf(11, keccak256("b"));
        bytes memory sigA = _sign(signerKey, a);
        bytes memory sigB = _sign(signerKey, b);
        vm.expectRevert(
            abi.encodeWithSelector(IEquivocationSlasher.DifferentHeights.selector, uint64(10), uint64(11))
        );
        slasher.reportEquivocation(a, sigA, b, sigB);
    }

    function test_reportEquivocation_sameHeader_reverts() public {
        IEquivocationSlasher.SoftConfirmation memory a = _conf(10, keccak256("a"));
        bytes memory sigA = _sign(signerKey, a);
        vm.expectRevert(IEquivocationSlasher.SameHeader.selector);
        slasher.reportEquivocation(a, sigA, a, sigA);
    }

    function test_reportEquivocation_malleableSignature_reverts() public {
        (
            IEquivocationSlasher.SoftConfirmation memory a,
            bytes memory sigA,
            IEquivocationSlasher.SoftConfirmation memory b,
            bytes memory sigB
        ) = _pair(signerKey, 12);
        // The high-s twin of sigB: ecrecover accepts it and yields the same signer.
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(signerKey, slasher.hashSoftConfirmation(b));
        bytes32 highS = bytes32(SECP256K1_N - uint256(s));
        uint8 flipped = v == 27 ? 28 : 27;
        assertEq(
            ecrecover(slasher.hashSoftConfirmation(b), flipped, r, highS),
            signer,
            "twin is valid for ecrecover"
        );
        bytes memory malleable = abi.encodePacked(r, highS, flipped);
        vm.expectRevert(IEquivocationSlasher.InvalidSignature.selector);
        slasher.reportEquivocation(a, sigA, b, malleable);
        vm.expectRevert(IEquivocationSlasher.InvalidSignature.selector);
        slasher.reportEquivocation(b, malleable, a, sigA);
    }

    function test_reportEquivocation_invalidSignature_reverts() public {
        (
            IEquivocationSlasher.SoftConfirmation memory a,
            bytes memory sigA,
            IEquivocationSlasher.SoftConfirmation memory b,
            bytes memory sigB
        ) = _pair(signerKey, 13);
        // Wrong length (64-byte compact form is not accepted).
        bytes memory short = new bytes(64);
        vm.expectRevert(IEquivocationSlasher.InvalidSignature.selector);
        slasher.reportEquivocation(a, short, b, sigB);
        // Unrecoverable (r = s = 0).
        bytes memory zero = abi.encodePacked(bytes32(0), bytes32(0), uint8(27));
        vm.expectRevert(IEquivocationSlasher.InvalidSignature.selector);
        slasher.reportEquivocation(a, sigA, b, zero);
        // Bad v.
        bytes memory badV = bytes.concat(sigA);
        badV[64] = bytes1(uint8(29));
        vm.expectRevert(IEquivocationSlasher.InvalidSignature.selector);
        slasher.reportEquivocation(a, badV, b, sigB);
        assertEq(stakingD.slashCount(), 0);
    }

    function test_reportEquivocation_signersDiffer_reverts() public {
        uint256 otherKey = 0xB0B;
        IEquivocationSlasher.SoftConfirmation memory a = _conf(14, keccak256("a"));
        IEquivocationSlasher.SoftConfirmation memory b = _conf(14, keccak256("b"));
        bytes memory sigA = _sign(signerKey, a);
        bytes memory sigB = _sign(otherKey, b);
        vm.expectRevert(
            abi.encodeWithSelector(IEquivocationSlasher.SignersDiffer.selector, signer, vm.addr(otherKey))
        );
        slasher.reportEquivocation(a, sigA, b, sigB);
    }

    function test_reportEquivocation_signatureFromOtherDomain_reverts() public {
        // A soft confirmation signed for another deployment (other verifying contract) recovers to an
        // unrelated address here: it cannot be used as evidence.
        EquivocationSlasher other = new EquivocationSlasher(IStaking(address(stakingD)), L2_CHAIN_ID);
        IEquivocationSlasher.SoftConfirmation memory a = _conf(15, keccak256("a"));
        IEquivocationSlasher.SoftConfirmation memory b = _conf(15, keccak256("b"));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(signerKey, other.hashSoftConfirmation(b));
        address recovered = ecrecover(slasher.hashSoftConfirmation(b), v, r, s);
        assertTrue(recovered != signer);
        bytes memory sigA = _sign(signerKey, a);
        vm.expectRevert(
            abi.encodeWithSelector(IEquivocationSlasher.SignersDiffer.selector, signer, recovered)
        );
        slasher.reportEquivocation(a, sigA, b, abi.encodePacked(r, s, v));
    }

    function test_reportEquivocation_unknownSigner_reverts() public {
        uint256 strangerKey = 0xC0FFEE;
        (
            IEquivocationSlasher.SoftConfirmation memory a,
            bytes memory sigA,
            IEquivocationSlasher.SoftConfirmation memory b,
            bytes memory sigB
        ) = _pair(strangerKey, 16);
        vm.expectRevert(
            abi.encodeWithSelector(IEquivocationSlasher.UnknownSigner.selector, vm.addr(strangerKey))
        );
        slasher.reportEquivocation(a, sigA, b, sigB);
    }

    function test_reportEquivocation_signerRetiredPastDelay_reverts() public {
        uint64 retiredAt = uint64(block.timestamp);
        stakingD.setSigner(signer, operator, retiredAt);
        (
            IEquivocationSlasher.SoftConfirmation memory a,
            bytes memory sigA,
            IEquivocationSlasher.SoftConfirmation memory b,
            bytes memory sigB
        ) = _pair(signerKey, 17);
        vm.warp(uint256(retiredAt) + UNBONDING); // exactly at the end of attributability
        vm.expectRevert(
            abi.encodeWithSelector(IEquivocationSlasher.SignerRetired.selector, signer, retiredAt)
        );
        slasher.reportEquivocation(a, sigA, b, sigB);
        vm.warp(uint256(retiredAt) + UNBONDING + 1 days);
        vm.expectRevert(
            abi.encodeWithSelector(IEquivocationSlasher.SignerRetired.selector, signer, retiredAt)
        );
        slasher.reportEquivocation(a, sigA, b, sigB);
    }

    function test_reportEquivocation_replay_reverts() public {
        (
            IEquivocationSlasher.SoftConfirmation memory a,
            bytes memory sigA,
            IEquivocationSlasher.SoftConfirmation memory b,
            bytes memory sigB
        ) = _pair(signerKey, 18);
        slasher.reportEquivocation(a, sigA, b, sigB);
        vm.expectRevert(abi.encodeWithSelector(IEquivocationSlasher.SignerAlreadySlashed.selector, signer));
        slasher.reportEquivocation(a, sigA, b, sigB);
        // Swapped order, or a third conflicting header at the same height: still one slash per key.
        vm.expectRevert(abi.encodeWithSelector(IEquivocationSlasher.SignerAlreadySlashed.selector, signer));
        slasher.reportEquivocation(b, sigB, a, sigA);
        IEquivocationSlasher.SoftConfirmation memory c = _conf(18, keccak256("block-c"));
        bytes memory sigC = _sign(signerKey, c);
        vm.expectRevert(abi.encodeWithSelector(IEquivocationSlasher.SignerAlreadySlashed.selector, signer));
        slasher.reportEquivocation(a, sigA, c, sigC);
        assertEq(stakingD.slashCount(), 1);
    }

    // ------------------------------------------------------------------ fuzz

    /// @dev Any two different headers at one height signed by the operator's key slash it once.
    function testFuzz_reportEquivocation_anyConflict_succeeds(
        uint64 height,
        bytes32 hashA,
        bytes32 hashB,
        bytes32 parentA,
        bytes32 parentB
    ) public {
        vm.assume(hashA != hashB || parentA != parentB);
        IEquivocationSlasher.SoftConfirmation memory a =
            IEquivocationSlasher.SoftConfirmation(height, hashA, parentA, L2_CHAIN_ID);
        IEquivocationSlasher.SoftConfirmation memory b =
            IEquivocationSlasher.SoftConfirmation(height, hashB, parentB, L2_CHAIN_ID);
        bytes memory sigA = _sign(signerKey, a);
        bytes memory sigB = _sign(signerKey, b);
        vm.prank(reporter);
        slasher.reportEquivocation(a, sigA, b, sigB);
        assertTrue(slasher.slashedSigner(signer));
        assertEq(stakingD.slashAt(0).reporter, reporter);
    }

    /// @dev Retirement timing: attributable strictly before retiredAt + unbondingDelay.
    function testFuzz_reportEquivocation_retirementTiming(uint64 retiredAgo) public {
        retiredAgo = uint64(bound(retiredAgo, 0, 2 * UNBONDING));
        uint64 retiredAt = uint64(block.timestamp - retiredAgo);
        stakingD.setSigner(signer, operator, retiredAt);
        (
            IEquivocationSlasher.SoftConfirmation memory a,
            bytes memory sigA,
            IEquivocationSlasher.SoftConfirmation memory b,
            bytes memory sigB
        ) = _pair(signerKey, 99);
        if (retiredAgo >= UNBONDING) {
            vm.expectRevert(
                abi.encodeWithSelector(IEquivocationSlasher.SignerRetired.selector, signer, retiredAt)
            );
            slasher.reportEquivocation(a, sigA, b, sigB);
        } else {
            slasher.reportEquivocation(a, sigA, b, sigB);
            assertEq(stakingD.slashCount(), 1);
        }
    }
}
