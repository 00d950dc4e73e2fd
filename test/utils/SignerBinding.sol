// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Vm} from "forge-std/Vm.sol";

/// @title SignerBinding
/// @notice Test helper: the EIP-712 `SignerBinding(address operator,address signer)` digest of
///         Staking, computed independently of the contract (domain "Janus Staking", "1"), and the
///         65-byte signature `registerOperator`/`setSigner` take. Pure (no call to the staking
///         contract), so it can be used between `vm.prank` and the pranked call.
library SignerBinding {
    Vm private constant VM = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    bytes32 internal constant TYPEHASH = keccak256("SignerBinding(address operator,address signer)");
    bytes32 internal constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");

    /// @notice Digest for `operator` naming `signer` on the staking contract `staking` of `chainId`.
    function digest(address staking, uint256 chainId, address operator, address signer)
        internal
        pure
        returns (bytes32)
    {
        bytes32 domain = keccak256(
            abi.encode(DOMAIN_TYPEHASH, keccak256("Janus Staking"), keccak256("1"), chainId, staking)
        );
        return
            keccak256(abi.encodePacked("\x19\x01", domain, keccak256(abi.encode(TYPEHASH, operator, signer))));
    }

    /// @notice `signerKey`'s signature binding its address to `operator` on `staking` (this chain).
    function sign(address staking, address operator, uint256 signerKey) internal view returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) =
            VM.sign(signerKey, digest(staking, block.chainid, operator, VM.addr(signerKey)));
        return abi.encodePacked(r, s, v);
    }
}
