// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Script, console2} from "forge-std/Script.sol";
import {JanusToken} from "../contracts/JanusToken.sol";
import {IStaking} from "../contracts/interfaces/IStaking.sol";
import {ISequencerSet} from "../contracts/interfaces/ISequencerSet.sol";

/// @title DevnetSetup
/// @notice Registers the devnet's operators (anvil accounts 1-3, signers 4-6, each signer signing
///         its binding to its operator) and delegators
///         (accounts 7-9, staking with EIP-2612 permit in one transaction each), then records the
///         first sequencer set. Reads the addresses from `deployments/devnet.json`.
contract DevnetSetup is Script {
    string internal constant MNEMONIC = "test test test test test test test test test test test junk";
    uint256 internal constant OPERATORS = 3;

    function run() external {
        string memory json =
            vm.readFile(string.concat("deployments/", vm.envOr("DEPLOY_NAME", string("devnet")), ".json"));
        JanusToken token = JanusToken(vm.parseJsonAddress(json, ".token"));
        IStaking staking = IStaking(vm.parseJsonAddress(json, ".staking"));
        ISequencerSet set = ISequencerSet(vm.parseJsonAddress(json, ".sequencerSet"));
        string memory mnemonic = vm.envOr("DEVNET_MNEMONIC", MNEMONIC);
        uint256 deployerKey = vm.deriveKey(mnemonic, 0);
        uint256 bond = staking.params().minSelfBond;

        // Fund operators and delegators with staking tokens.
        vm.startBroadcast(deployerKey);
        for (uint32 i = 1; i <= OPERATORS; ++i) {
            token.transfer(vm.addr(vm.deriveKey(mnemonic, i)), bond * 4);
            token.transfer(vm.addr(vm.deriveKey(mnemonic, i + 6)), bond * 4);
        }
        vm.stopBroadcast();

        for (uint32 i = 1; i <= OPERATORS; ++i) {
            uint256 ownerKey = vm.deriveKey(mnemonic, i);
            uint256 signerKey = vm.deriveKey(mnemonic, i + 3);
            address signer = vm.addr(signerKey);
            // The signer key proves possession: it signs the EIP-712 binding to its operator.
            (uint8 v, bytes32 r, bytes32 s) =
                vm.sign(signerKey, staking.signerBindingDigest(vm.addr(ownerKey), signer));
            // Different self-bonds so the stake-weighted draw is visibly weighted.
            uint256 selfBond = bond * (1 + i);
            vm.startBroadcast(ownerKey);
            token.approve(address(staking), selfBond);
            staking.registerOperator(
                signer,
                abi.encodePacked(r, s, v),
                500,
                string.concat("http://127.0.0.1:", vm.toString(uint256(8600 + i))),
                selfBond
            );
            vm.stopBroadcast();
        }

        // Delegator i+6 delegates to operator i with a permit signature: one transaction.
        for (uint32 i = 1; i <= OPERATORS; ++i) {
            _delegateWithPermit(
                token, staking, vm.deriveKey(mnemonic, i + 6), vm.addr(vm.deriveKey(mnemonic, i)), bond * 2
            );
        }

        vm.startBroadcast(deployerKey);
        uint64 epoch = set.snapshot();
        vm.stopBroadcast();
        console2.log("sequencer set recorded for epoch", epoch);
    }

    function _delegateWithPermit(JanusToken token, IStaking staking, uint256 key, address op, uint256 amount)
        internal
    {
        address delegator = vm.addr(key);
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256(
                    "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"
                ),
                delegator,
                address(staking),
                amount,
                token.nonces(delegator),
                deadline
            )
        );
        (uint8 v, bytes32 r, bytes32 s) =
            vm.sign(key, keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash)));
        vm.startBroadcast(key);
        staking.delegateWithPermit(op, amount, deadline, v, r, s);
        vm.stopBroadcast();
    }
}
