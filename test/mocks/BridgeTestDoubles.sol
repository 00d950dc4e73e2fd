// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IRollup} from "../../contracts/interfaces/IRollup.sol";
import {IBridge} from "../../contracts/interfaces/IBridge.sol";

/// @title RollupWithdrawalsDouble
/// @notice TEST DOUBLE ONLY. The two IRollup views the bridge reads (`isFinalized`,
///         `finalizedWithdrawals`), with batches whose withdrawal root, count and finality the test
///         chooses. `finalizedWithdrawals` reverts `NotFinalizable` for a non-final batch, like the
///         real rollup.
contract RollupWithdrawalsDouble {
    struct Entry {
        bytes32 root;
        uint32 count;
        bool finalized;
    }

    mapping(uint64 => Entry) public entries;

    function setBatch(uint64 batchId, bytes32 root, uint32 count, bool finalized) external {
        entries[batchId] = Entry(root, count, finalized);
    }

    function isFinalized(uint64 batchId) external view returns (bool) {
        return entries[batchId].finalized;
    }

    function finalizedWithdrawals(uint64 batchId) external view returns (bytes32 root, uint32 count) {
        Entry memory e = entries[batchId];
        if (!e.finalized) revert IRollup.NotFinalizable(batchId);
        return (e.root, e.count);
    }
}

/// @title TestERC20
/// @notice TEST DOUBLE ONLY. Plain ERC-20 with chosen decimals and free minting.
contract TestERC20 is ERC20 {
    uint8 internal immutable _decimals;

    constructor(string memory name_, uint8 decimals_) ERC20(name_, name_) {
        _decimals = decimals_;
    }

    function decimals() public view override returns (uint8) {
        return _decimals;
    }

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}

/// @title FeeOnTransferERC20
/// @notice TEST DOUBLE ONLY. Burns `feeBps` of every transfer, so the receiver gets less than sent.
contract FeeOnTransferERC20 is ERC20 {
    uint256 public immutable feeBps;

    constructor(uint256 feeBps_) ERC20("Fee token", "FEE") {
        feeBps = feeBps_;
    }

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function _update(address from, address to, uint256 value) internal override {
        if (from != address(0) && to != address(0)) {
            uint256 fee = value * feeBps / 10_000;
            super._update(from, address(0), fee);
            value -= fee;
        }
        super._update(from, to, value);
    }
}

/// @title ReentrantRecipient
/// @notice TEST DOUBLE ONLY. An ETH withdrawal recipient that, when paid, tries to re-enter
///         `finalizeWithdrawal` with a second withdrawal chosen by the test and records the outcome
///         (it never reverts itself, so the outer withdrawal can complete).
contract ReentrantRecipient {
    IBridge public immutable bridge;
    uint64 internal _batchId;
    uint32 internal _index;
    uint32 internal _asset;
    uint64 internal _amount;
    bytes32[] internal _proof;

    bool public attempted;
    bool public reentered;
    bytes public reentryError;
    uint256 public received;

    constructor(IBridge bridge_) {
        bridge = bridge_;
    }

    function arm(uint64 batchId, uint32 index, uint32 asset, uint64 amount, bytes32[] calldata proof)
        external
    {
        _batchId = batchId;
        _index = index;
        _asset = asset;
        _amount = amount;
        _proof = proof;
    }

    receive() external payable {
        received += msg.value;
        if (attempted) return;
        attempted = true;
        try bridge.finalizeWithdrawal(_batchId, _index, address(this), _asset, _amount, _proof) {
            reentered = true;
        } catch (bytes memory err) {
            reentryError = err;
        }
    }
}

/// @title RevertingRecipient
/// @notice TEST DOUBLE ONLY. Refuses ETH.
contract RevertingRecipient {
    receive() external payable {
        revert("no ETH");
    }
}

/// @title WithdrawalTreeReference
/// @notice TEST HELPER ONLY. An independent, recursive implementation of the withdrawal tree of
///         docs/l2-spec.md §5 (a node whose subtree holds no leaf is the zero word), used to check
///         the contract library and to build proofs in tests.
library WithdrawalTreeReference {
    function leaf(address recipient, uint32 asset, uint64 amount) internal pure returns (bytes32) {
        return keccak256(abi.encodePacked(recipient, asset, amount));
    }

    function depth(uint256 n) internal pure returns (uint256 d) {
        while (2 ** d < n) ++d;
    }

    /// @notice Node `i` of level `level` (level 0 = leaves).
    function node(bytes32[] memory leaves, uint256 level, uint256 i) internal pure returns (bytes32) {
        if (i * 2 ** level >= leaves.length) return bytes32(0);
        if (level == 0) return leaves[i];
        return keccak256(abi.encodePacked(node(leaves, level - 1, 2 * i), node(leaves, level - 1, 2 * i + 1)));
    }

    function root(bytes32[] memory leaves) internal pure returns (bytes32) {
        if (leaves.length == 0) return bytes32(0);
        return node(leaves, depth(leaves.length), 0);
    }

    function proof(bytes32[] memory leaves, uint256 index) internal pure returns (bytes32[] memory p) {
        uint256 d = depth(leaves.length);
        p = new bytes32[](d);
        for (uint256 level; level < d; ++level) {
            p[level] = node(leaves, level, (index >> level) ^ 1);
        }
    }
}
