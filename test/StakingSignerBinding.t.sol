// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {Staking} from "../contracts/Staking.sol";
import {IStaking} from "../contracts/interfaces/IStaking.sol";
import {StakingBase} from "./Staking.t.sol";
import {SignerBinding} from "./utils/SignerBinding.sol";

/// @notice Signer squatting (review item 13): naming a signer needs an EIP-712 signature by that key
///         over `SignerBinding(operator, signer)` on this chain and contract.
contract StakingSignerBindingTest is StakingBase {
    uint256 internal constant SECP256K1_N =
        0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;

    address internal victim = makeAddr("victim");
    address internal attacker = makeAddr("attacker");

    function _signDigest(uint256 key, bytes32 digest) internal pure returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, digest);
        return abi.encodePacked(r, s, v);
    }

    function test_signerBindingDigest_matchesReference_succeeds() public {
        address signer = makeAddr("anySigner");
        assertEq(
            staking.signerBindingDigest(victim, signer),
            SignerBinding.digest(address(staking), block.chainid, victim, signer)
        );
        assertEq(
            staking.SIGNER_BINDING_TYPEHASH(), keccak256("SignerBinding(address operator,address signer)")
        );
        (, string memory name, string memory version, uint256 chainId, address verifying,,) =
            staking.eip712Domain();
        assertEq(name, "Janus Staking");
        assertEq(version, "1");
        assertEq(chainId, block.chainid);
        assertEq(verifying, address(staking));
    }

    /// @dev The review's squat: the attacker names the victim's signer address (whose key it does
    ///      not hold), which would bar the victim from ever using it. Empty, garbage, and the
    ///      attacker's own signatures all revert; the victim then registers with its key.
    function test_registerOperator_squatSomeoneElsesSigner_reverts() public {
        (address victimSigner, uint256 victimKey) = makeAddrAndKey("victimSigner");
        (, uint256 attackerKey) = makeAddrAndKey("attackerKey");
        _fund(attacker, MIN);
        bytes memory own = _signDigest(attackerKey, staking.signerBindingDigest(attacker, victimSigner));
        bytes[3] memory sigs = [bytes(""), new bytes(65), own];
        for (uint256 i; i < sigs.length; ++i) {
            vm.expectRevert(abi.encodeWithSelector(IStaking.InvalidSignerSignature.selector, victimSigner));
            vm.prank(attacker);
            staking.registerOperator(victimSigner, sigs[i], 0, "", MIN);
        }
        // Nothing was squatted: the victim uses its key.
        _fund(victim, MIN);
        bytes memory sig = SignerBinding.sign(address(staking), victim, victimKey);
        vm.prank(victim);
        staking.registerOperator(victimSigner, sig, 0, "", MIN);
        assertEq(staking.signerOf(victim), victimSigner);
    }

    /// @dev The victim's own binding signature seen in the mempool cannot be used by another
    ///      operator to front-run its `setSigner`: the digest names the operator.
    function test_setSigner_frontRunWithVictimSignature_reverts() public {
        _register(victim, MIN);
        _register(attacker, MIN);
        address fresh = _newSigner();
        bytes memory victimSig = _sig(victim, fresh);
        vm.expectRevert(abi.encodeWithSelector(IStaking.InvalidSignerSignature.selector, fresh));
        vm.prank(attacker);
        staking.setSigner(fresh, victimSig);
        vm.prank(victim);
        staking.setSigner(fresh, victimSig);
        assertEq(staking.signerOf(victim), fresh);
    }

    /// @dev Same for a registration: a not-yet-registered attacker replays the victim's signature.
    function test_registerOperator_frontRunWithVictimSignature_reverts() public {
        address signer = _newSigner();
        bytes memory victimSig = _sig(victim, signer);
        _fund(attacker, MIN);
        vm.expectRevert(abi.encodeWithSelector(IStaking.InvalidSignerSignature.selector, signer));
        vm.prank(attacker);
        staking.registerOperator(signer, victimSig, 0, "", MIN);
        _fund(victim, MIN);
        vm.prank(victim);
        staking.registerOperator(signer, victimSig, 0, "", MIN);
    }

    /// @dev A binding signed for another chain, or for another staking contract, is not accepted.
    function test_registerOperator_signatureForOtherChainOrContract_reverts() public {
        (address signer, uint256 key) = makeAddrAndKey("crossSigner");
        _fund(victim, MIN);
        bytes memory otherChain =
            _signDigest(key, SignerBinding.digest(address(staking), block.chainid + 1, victim, signer));
        Staking other = new Staking(IERC20(address(token)), _params(), gov);
        bytes memory otherContract = _signDigest(key, other.signerBindingDigest(victim, signer));
        vm.expectRevert(abi.encodeWithSelector(IStaking.InvalidSignerSignature.selector, signer));
        vm.prank(victim);
        staking.registerOperator(signer, otherChain, 0, "", MIN);
        vm.expectRevert(abi.encodeWithSelector(IStaking.InvalidSignerSignature.selector, signer));
        vm.prank(victim);
        staking.registerOperator(signer, otherContract, 0, "", MIN);
        // The same binding signed on this chain for this contract is accepted.
        bytes memory good = _signDigest(key, staking.signerBindingDigest(victim, signer));
        vm.prank(victim);
        staking.registerOperator(signer, good, 0, "", MIN);
    }

    /// @dev Malleable (high-s) and wrong-length signatures are rejected even when they recover.
    function test_setSigner_malleableOrShortSignature_reverts() public {
        _register(victim, MIN);
        (address signer, uint256 key) = makeAddrAndKey("malleable");
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, staking.signerBindingDigest(victim, signer));
        bytes memory highS =
            abi.encodePacked(r, bytes32(SECP256K1_N - uint256(s)), v == 27 ? uint8(28) : uint8(27));
        vm.startPrank(victim);
        vm.expectRevert(abi.encodeWithSelector(IStaking.InvalidSignerSignature.selector, signer));
        staking.setSigner(signer, highS);
        // EIP-2098 compact form (64 bytes) is not accepted either.
        bytes32 vs = bytes32(uint256(v - 27) << 255 | uint256(s));
        vm.expectRevert(abi.encodeWithSelector(IStaking.InvalidSignerSignature.selector, signer));
        staking.setSigner(signer, abi.encodePacked(r, vs));
        staking.setSigner(signer, abi.encodePacked(r, s, v));
        vm.stopPrank();
        assertEq(staking.signerOf(victim), signer);
    }

    /// @dev The signature is checked after the cheap checks: a used key is still `SignerInUse`,
    ///      even with a valid signature by it (a key is bound at most once, so no nonce is needed).
    function test_setSigner_replayOfUsedBinding_reverts() public {
        address first = _register(victim, MIN);
        bytes memory sig = _sig(victim, first);
        address fresh = _newSigner();
        vm.startPrank(victim);
        staking.setSigner(fresh, _sig(victim, fresh));
        vm.expectRevert(abi.encodeWithSelector(IStaking.SignerInUse.selector, first));
        staking.setSigner(first, sig);
        vm.stopPrank();
    }

    /// @dev Random keys: a key's own binding is accepted, another key's never.
    function testFuzz_registerOperator_randomKeys(uint256 key, uint256 otherKey) public {
        key = bound(key, 1, SECP256K1_N - 1);
        otherKey = bound(otherKey, 1, SECP256K1_N - 1);
        address signer = vm.addr(key);
        vm.assume(signer != victim);
        _fund(victim, MIN);
        if (otherKey != key) {
            bytes memory wrong = _signDigest(otherKey, staking.signerBindingDigest(victim, signer));
            vm.expectRevert(abi.encodeWithSelector(IStaking.InvalidSignerSignature.selector, signer));
            vm.prank(victim);
            staking.registerOperator(signer, wrong, 0, "", MIN);
        }
        bytes memory sig = _signDigest(key, staking.signerBindingDigest(victim, signer));
        vm.prank(victim);
        staking.registerOperator(signer, sig, 0, "", MIN);
        assertEq(staking.signerOf(victim), signer);
    }
}
