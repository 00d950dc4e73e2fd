// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title IEquivocationSlasher
/// @notice Slashes an operator that signed two different soft confirmations for one L2 block number.
/// @dev Soft confirmations are EIP-712 signatures (domain name "Janus", version "1", this contract,
///      the L1 chain id) over
///      `SoftConfirmation(uint64 l2BlockNumber,bytes32 l2BlockHash,bytes32 parentHash,uint256 chainId)`
///      where `chainId` is the L2 chain id. Signatures come from the operator's signer key (current, or
///      retired less than `unbondingDelay` ago). Each signer key is slashed at most once.
interface IEquivocationSlasher {
    struct SoftConfirmation {
        uint64 l2BlockNumber;
        bytes32 l2BlockHash;
        bytes32 parentHash;
        uint256 chainId;
    }

    /// @notice `operator` signed two different headers for `l2BlockNumber`; it was slashed.
    event EquivocationReported(
        address indexed operator,
        uint64 indexed l2BlockNumber,
        address indexed reporter,
        bytes32 hashA,
        bytes32 hashB
    );

    error ZeroAddress();
    error WrongChainId(uint256 chainId);
    error DifferentHeights(uint64 a, uint64 b);
    error SameHeader();
    error InvalidSignature();
    error SignersDiffer(address a, address b);
    error UnknownSigner(address signer);
    error SignerRetired(address signer, uint64 retiredAt);
    /// @notice `signer` was already slashed for equivocation (one slash per signer key: one incident).
    error SignerAlreadySlashed(address signer);

    /// @notice Submit two conflicting soft confirmations by one operator; slashes it (heavy), pays
    ///         the caller the reporter reward.
    function reportEquivocation(
        SoftConfirmation calldata a,
        bytes calldata sigA,
        SoftConfirmation calldata b,
        bytes calldata sigB
    ) external;

    /// @notice EIP-712 digest of a soft confirmation (what the signer signs).
    function hashSoftConfirmation(SoftConfirmation calldata c) external view returns (bytes32);

    /// @notice Whether signer key `signer` was already slashed for equivocation (it can never be again).
    function slashedSigner(address signer) external view returns (bool);

    /// @notice The L2 chain id soft confirmations must carry.
    function l2ChainId() external view returns (uint256);
}
