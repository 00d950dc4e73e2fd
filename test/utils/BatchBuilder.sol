// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title BatchBuilder
/// @notice Test helper that writes L1 message records and batch data exactly as docs/l2-spec.md
///         §3-§5 specify, independently of the contracts under test.
library BatchBuilder {
    uint8 internal constant KIND_NEW_ACCOUNT = 0;
    uint8 internal constant KIND_EXISTING_ACCOUNT = 1;
    uint8 internal constant TX_NOOP = 0;
    uint8 internal constant TX_TRANSFER = 1;
    uint8 internal constant TX_WITHDRAW = 2;

    struct Withdrawal {
        address recipient;
        uint32 asset;
        uint64 amount;
    }

    /// @notice The 85-byte L1 message record.
    function record(
        uint64 nonce,
        uint8 kind,
        address l1Sender,
        uint32 account,
        bytes memory l2Key,
        uint32 asset,
        uint64 amount
    ) internal pure returns (bytes memory r) {
        bytes memory key = kind == KIND_NEW_ACCOUNT ? l2Key : new bytes(40);
        require(key.length == 40, "key length");
        r = abi.encodePacked(nonce, kind, l1Sender, account, key, asset, amount);
        require(r.length == 85, "record length");
    }

    /// @notice Next chain value.
    function chain(bytes32 prev, bytes memory rec) internal pure returns (bytes32) {
        return keccak256(abi.encodePacked(prev, rec));
    }

    /// @notice A 137-byte withdraw record (signature bytes are opaque to L1).
    function withdrawTx(uint32 from, Withdrawal memory w, uint64 fee, uint64 nonce)
        internal
        pure
        returns (bytes memory t)
    {
        t = abi.encodePacked(
            TX_WITHDRAW, from, uint32(0), w.recipient, w.asset, w.amount, fee, nonce, new bytes(80)
        );
        require(t.length == 137, "tx length");
    }

    /// @notice A 137-byte transfer record.
    function transferTx(uint32 from, uint32 to, uint32 asset, uint64 amount, uint64 fee, uint64 nonce)
        internal
        pure
        returns (bytes memory t)
    {
        t = abi.encodePacked(TX_TRANSFER, from, to, address(0), asset, amount, fee, nonce, new bytes(80));
        require(t.length == 137, "tx length");
    }

    /// @notice Batch data: header ‖ messages ‖ txs.
    function data(uint32 feeAccount, bytes[] memory records, bytes[] memory txs)
        internal
        pure
        returns (bytes memory d)
    {
        d = abi.encodePacked(uint8(1), feeAccount, uint32(records.length), uint32(txs.length));
        for (uint256 i; i < records.length; ++i) {
            d = bytes.concat(d, records[i]);
        }
        for (uint256 i; i < txs.length; ++i) {
            d = bytes.concat(d, txs[i]);
        }
    }

    /// @notice Withdrawal leaf, computed with abi.encodePacked (independent of WithdrawalTree).
    function leaf(Withdrawal memory w) internal pure returns (bytes32) {
        return keccak256(abi.encodePacked(w.recipient, w.asset, w.amount));
    }

    /// @notice Root and the proof of `index`, computed level by level (zero word for missing siblings).
    function rootAndProof(bytes32[] memory leaves, uint256 index)
        internal
        pure
        returns (bytes32 root, bytes32[] memory proof)
    {
        uint256 n = leaves.length;
        if (n == 0) return (bytes32(0), new bytes32[](0));
        uint256 d;
        while ((uint256(1) << d) < n) ++d;
        proof = new bytes32[](d);
        bytes32[] memory level = leaves;
        uint256 idx = index;
        for (uint256 k; k < d; ++k) {
            uint256 m = (level.length + 1) / 2;
            bytes32[] memory next = new bytes32[](m);
            uint256 sib = idx ^ 1;
            proof[k] = sib < level.length ? level[sib] : bytes32(0);
            for (uint256 i; i < m; ++i) {
                bytes32 l = level[2 * i];
                bytes32 r = 2 * i + 1 < level.length ? level[2 * i + 1] : bytes32(0);
                next[i] = keccak256(abi.encodePacked(l, r));
            }
            level = next;
            idx >>= 1;
        }
        root = level[0];
    }
}
