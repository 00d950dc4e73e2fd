// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IStaking} from "../../contracts/interfaces/IStaking.sol";
import {IBatchVerifier} from "../../contracts/interfaces/IBatchVerifier.sol";

/// @title RollupStakingDouble
/// @notice TEST DOUBLE ONLY. The IStaking calls the rollup makes: `signerOf`, `unbondingDelay`,
///         `epochLength` and `slash` (recorded, optionally reverting or burning all its gas).
contract RollupStakingDouble {
    struct SlashCall {
        address operator;
        IStaking.SlashKind kind;
        address reporter;
    }

    mapping(address => address) public signerOf;
    uint64 public unbondingDelay = 30 days;
    uint64 public epochLength = 20;
    SlashCall[] internal _slashes;
    bool public slashReverts;
    bool public slashBurnsGas;
    /// @notice gasleft() when the last `slash` call started.
    uint256 public lastSlashGas;

    function setSigner(address op, address signer) external {
        signerOf[op] = signer;
    }

    function setUnbondingDelay(uint64 d) external {
        unbondingDelay = d;
    }

    /// @dev Operators are eligible unless marked otherwise.
    mapping(address => bool) public ineligible;

    function setEligible(address op, bool eligible) external {
        ineligible[op] = !eligible;
    }

    function isEligible(address op) external view returns (bool) {
        return !ineligible[op];
    }

    function setSlashBehaviour(bool reverts, bool burnsGas) external {
        slashReverts = reverts;
        slashBurnsGas = burnsGas;
    }

    function slash(address operator, IStaking.SlashKind kind, address reporter) external returns (uint256) {
        lastSlashGas = gasleft();
        if (slashReverts) revert IStaking.NotRegistered(operator);
        if (slashBurnsGas) {
            // Spin until the call runs out of gas.
            uint256 x;
            while (true) {
                x = uint256(keccak256(abi.encode(x)));
            }
        }
        _slashes.push(SlashCall(operator, kind, reporter));
        return 1;
    }

    function slashCount() external view returns (uint256) {
        return _slashes.length;
    }

    function slashAt(uint256 i) external view returns (SlashCall memory) {
        return _slashes[i];
    }
}

/// @title RollupSetDouble
/// @notice TEST DOUBLE ONLY. A settable `currentLeader` and a record of `notifyBatchPosted` calls.
contract RollupSetDouble {
    address public currentLeader;
    address public lastNotified;
    uint256 public notifyCount;

    function setLeader(address leader) external {
        currentLeader = leader;
    }

    function notifyBatchPosted(address operator) external {
        lastNotified = operator;
        ++notifyCount;
    }
}

/// @title RollupBridgeDouble
/// @notice TEST DOUBLE ONLY. The bridge's queue views: a Keccak chain over the records the test
///         enqueues (chain_{n+1} = keccak256(chain_n ‖ record_n)), with enqueue timestamps.
contract RollupBridgeDouble {
    bytes32[] internal _chains;
    uint64[] internal _enqueuedAt;
    uint64 public forcedInclusionDelay = 1 days;

    constructor() {
        _chains.push(bytes32(0));
    }

    function setForcedInclusionDelay(uint64 d) external {
        forcedInclusionDelay = d;
    }

    /// @notice Append `record` (85 bytes, built by the test) at the current timestamp.
    function enqueue(bytes memory record) external returns (bytes32 chain) {
        chain = keccak256(abi.encodePacked(_chains[_chains.length - 1], record));
        _chains.push(chain);
        _enqueuedAt.push(uint64(block.timestamp));
    }

    function messageCount() external view returns (uint64) {
        return uint64(_enqueuedAt.length);
    }

    function messageChain(uint64 n) external view returns (bytes32) {
        require(n < _chains.length, "RollupBridgeDouble: out of range");
        return _chains[n];
    }

    function enqueuedAt(uint64 nonce) external view returns (uint64) {
        require(nonce < _enqueuedAt.length, "RollupBridgeDouble: out of range");
        return _enqueuedAt[nonce];
    }
}

/// @notice Keccak of each data item (what a range double binds its proof to).
function dataHashes(bytes[] memory data) pure returns (bytes32[] memory h) {
    h = new bytes32[](data.length);
    for (uint256 i; i < data.length; ++i) {
        h[i] = keccak256(data[i]);
    }
}

/// @title AcceptingVerifierDouble
/// @notice TEST DOUBLE ONLY. Accepts exactly one chosen proof for chosen public inputs and data, and
///         one chosen range proof for a chosen range (roots, data, prover); every other
///         (inputs, data, proof) is rejected. Ranges are bounded by a settable `maxBatches`.
contract AcceptingVerifierDouble is IBatchVerifier {
    uint256 internal _maxRecords = type(uint256).max;
    uint256 internal _maxBatches = 4;
    bool public capacityReverts;
    bytes32 public acceptedInputs;
    bytes32 public acceptedData;
    bytes32 public acceptedProof;
    bytes32 public acceptedRange;
    bytes32 public acceptedRangeProof;

    /// @notice Capacity reported to the rollup (unbounded unless a test lowers it); reverts while
    ///         `capacityReverts` (a hostile or broken verifier).
    function maxRecords() external view returns (uint256) {
        require(!capacityReverts, "AcceptingVerifierDouble: capacity reverts");
        return _maxRecords;
    }

    function maxBatches() external view returns (uint256) {
        return _maxBatches;
    }

    function setMaxRecords(uint256 n) external {
        _maxRecords = n;
    }

    function setMaxBatches(uint256 n) external {
        _maxBatches = n;
    }

    function setCapacityReverts(bool reverts) external {
        capacityReverts = reverts;
    }

    /// @notice Accept `proof` for exactly `inputs` and `data` (replaces the previous choice).
    function accept(PublicInputs memory inputs, bytes memory data, bytes memory proof) external {
        acceptedInputs = keccak256(abi.encode(inputs));
        acceptedData = keccak256(data);
        acceptedProof = keccak256(proof);
    }

    /// @notice Accept `proof` from `prover` for exactly this range (replaces the previous choice).
    function acceptRange(
        bytes32 prevStateRoot,
        bytes32[] memory newStateRoots,
        bytes[] memory data,
        address prover,
        bytes memory proof
    ) external {
        acceptedRange = rangeKey(prevStateRoot, newStateRoots, data, prover);
        acceptedRangeProof = keccak256(proof);
    }

    function rangeKey(
        bytes32 prevStateRoot,
        bytes32[] memory newStateRoots,
        bytes[] memory data,
        address prover
    ) public pure returns (bytes32) {
        return keccak256(abi.encode(prevStateRoot, newStateRoots, dataHashes(data), prover));
    }

    function verifyBatch(PublicInputs calldata inputs, address, bytes calldata data, bytes calldata proof)
        external
        view
        returns (bool)
    {
        return keccak256(abi.encode(inputs)) == acceptedInputs && keccak256(data) == acceptedData
            && keccak256(proof) == acceptedProof;
    }

    function verifyBatches(
        bytes32 prevStateRoot,
        bytes32[] calldata newStateRoots,
        bytes[] calldata data,
        address prover,
        bytes calldata proof
    ) external view returns (bool) {
        uint256 k = data.length;
        if (k == 0 || k > _maxBatches || newStateRoots.length != k) revert RangeLength(k, _maxBatches);
        return rangeKey(prevStateRoot, newStateRoots, data, prover) == acceptedRange
            && keccak256(proof) == acceptedRangeProof;
    }
}

/// @title ProverBoundVerifierDouble
/// @notice TEST DOUBLE ONLY. Models the generated verifier's prover binding: a proof is the
///         commitment `keccak256(abi.encode(inputs, keccak256(data), prover))` (for a range,
///         `keccak256(abi.encode(prevStateRoot, newStateRoots, dataHashes, prover))`), so it verifies
///         only for the prover it was made for (the real verifier gets this from the prover's
///         address being a public input of the wrapped proof).
contract ProverBoundVerifierDouble is IBatchVerifier {
    uint256 public constant maxRecords = type(uint256).max;
    uint256 public constant maxBatches = 4;

    /// @notice The proof this double accepts from `prover` for `inputs` and `data`.
    function proofFor(PublicInputs memory inputs, bytes memory data, address prover)
        public
        pure
        returns (bytes memory)
    {
        return abi.encodePacked(keccak256(abi.encode(inputs, keccak256(data), prover)));
    }

    /// @notice The proof this double accepts from `prover` for the range.
    function rangeProofFor(
        bytes32 prevStateRoot,
        bytes32[] memory newStateRoots,
        bytes[] memory data,
        address prover
    ) public pure returns (bytes memory) {
        return abi.encodePacked(keccak256(abi.encode(prevStateRoot, newStateRoots, dataHashes(data), prover)));
    }

    function verifyBatch(
        PublicInputs calldata inputs,
        address prover,
        bytes calldata data,
        bytes calldata proof
    ) external pure returns (bool) {
        return keccak256(proof) == keccak256(proofFor(inputs, data, prover));
    }

    function verifyBatches(
        bytes32 prevStateRoot,
        bytes32[] calldata newStateRoots,
        bytes[] calldata data,
        address prover,
        bytes calldata proof
    ) external pure returns (bool) {
        uint256 k = data.length;
        if (k == 0 || k > maxBatches || newStateRoots.length != k) revert RangeLength(k, maxBatches);
        return keccak256(proof) == keccak256(rangeProofFor(prevStateRoot, newStateRoots, data, prover));
    }
}
