// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {IEquivocationSlasher} from "./interfaces/IEquivocationSlasher.sol";
import {IStaking} from "./interfaces/IStaking.sol";

/// @title EquivocationSlasher
/// @notice Anyone submits two different soft confirmations signed by one operator's signer key for
///         the same L2 block number; the operator is slashed (`SlashKind.Equivocation`) and the
///         caller receives the reporter reward.
/// @dev Soft confirmations are EIP-712 typed data, domain ("Janus", "1", L1 chain id, this contract).
///      Signatures must be 65-byte (r, s, v) with low `s` (OZ `ECDSA.tryRecover` rejects malleable
///      ones). The signer may be the operator's current key or a key retired less than
///      `staking.unbondingDelay()` ago.
///
///      One incident, one slash. An incident is the signer key: each key is slashed at most once
///      (`slashedSigner`), however many heights it signed twice (a leaked hot key or a keeper bug
///      typically equivocates at many heights at once). Staking then forces the operator to rotate
///      to a fresh key before it may unjail, so evidence held back and replayed later can never
///      slash again (its key is spent), and an equivocation after unjailing is made with a new key:
///      a new incident. Keys are never reused (Staking), so the dedup cannot be dodged or collide.
///      No owner and no parameters: it only needs to be an authorised slasher in Staking.
contract EquivocationSlasher is IEquivocationSlasher, EIP712, ReentrancyGuardTransient {
    /// @notice EIP-712 type hash of `SoftConfirmation`.
    bytes32 public constant SOFT_CONFIRMATION_TYPEHASH = keccak256(
        "SoftConfirmation(uint64 l2BlockNumber,bytes32 l2BlockHash,bytes32 parentHash,uint256 chainId)"
    );

    /// @notice The staking contract that resolves signers and slashes.
    IStaking public immutable staking;

    /// @inheritdoc IEquivocationSlasher
    uint256 public immutable l2ChainId;

    /// @inheritdoc IEquivocationSlasher
    mapping(address signer => bool) public slashedSigner;

    /// @param staking_ The staking contract (must authorise this contract as a slasher).
    /// @param l2ChainId_ The L2 chain id soft confirmations must carry.
    constructor(IStaking staking_, uint256 l2ChainId_) EIP712("Janus", "1") {
        if (address(staking_) == address(0)) revert ZeroAddress();
        staking = staking_;
        l2ChainId = l2ChainId_;
    }

    /// @inheritdoc IEquivocationSlasher
    /// @dev Checks, in order: both chain ids, equal heights, different headers, both signatures
    ///      valid, one signer, a known operator, a signer not retired for `unbondingDelay` or more,
    ///      a signer key never slashed before. The event carries the two EIP-712 digests.
    function reportEquivocation(
        SoftConfirmation calldata a,
        bytes calldata sigA,
        SoftConfirmation calldata b,
        bytes calldata sigB
    ) external nonReentrant {
        if (a.chainId != l2ChainId) revert WrongChainId(a.chainId);
        if (b.chainId != l2ChainId) revert WrongChainId(b.chainId);
        if (a.l2BlockNumber != b.l2BlockNumber) revert DifferentHeights(a.l2BlockNumber, b.l2BlockNumber);
        bytes32 structA = _structHash(a);
        bytes32 structB = _structHash(b);
        if (structA == structB) revert SameHeader();

        bytes32 digestA = _hashTypedDataV4(structA);
        bytes32 digestB = _hashTypedDataV4(structB);
        address signerA = _recover(digestA, sigA);
        address signerB = _recover(digestB, sigB);
        if (signerA != signerB) revert SignersDiffer(signerA, signerB);

        (address operator, uint64 retiredAt) = staking.operatorOfSigner(signerA);
        if (operator == address(0)) revert UnknownSigner(signerA);
        if (retiredAt != 0 && block.timestamp >= uint256(retiredAt) + staking.unbondingDelay()) {
            revert SignerRetired(signerA, retiredAt);
        }
        if (slashedSigner[signerA]) revert SignerAlreadySlashed(signerA);

        slashedSigner[signerA] = true;
        emit EquivocationReported(operator, a.l2BlockNumber, msg.sender, digestA, digestB);
        staking.slash(operator, IStaking.SlashKind.Equivocation, msg.sender);
    }

    /// @inheritdoc IEquivocationSlasher
    function hashSoftConfirmation(SoftConfirmation calldata c) external view returns (bytes32) {
        return _hashTypedDataV4(_structHash(c));
    }

    /// @notice The EIP-712 domain separator (L1 chain id, this contract).
    function domainSeparator() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    /// @dev EIP-712 struct hash of a soft confirmation.
    function _structHash(SoftConfirmation calldata c) internal pure returns (bytes32) {
        return keccak256(
            abi.encode(SOFT_CONFIRMATION_TYPEHASH, c.l2BlockNumber, c.l2BlockHash, c.parentHash, c.chainId)
        );
    }

    /// @dev Signer of `digest`, reverting with `InvalidSignature` on any recovery error.
    function _recover(bytes32 digest, bytes calldata signature) internal pure returns (address signer) {
        ECDSA.RecoverError err;
        (signer, err,) = ECDSA.tryRecoverCalldata(digest, signature);
        if (err != ECDSA.RecoverError.NoError) revert InvalidSignature();
    }
}
