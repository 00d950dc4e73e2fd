// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {BridgeInvariantBase} from "./base/BridgeInvariantBase.sol";

/// @title HeldEqualsOutstandingInvariant
contract HeldEqualsOutstandingInvariant is BridgeInvariantBase {
    /// @notice Whatever deposits, hook re-entries and withdrawals happen, the bridge holds exactly the
    ///         outstanding amount of every asset: its ETH balance is outstanding(0) * 1 gwei, and its
    ///         USDC and hook-token balances are outstanding(1) and outstanding(2) (scale 1).
    /// forge-config: default.invariant.fail-on-revert = true
    /// forge-config: ci.invariant.fail-on-revert = true
    function invariant_heldEqualsOutstanding() public view {
        assertEq(address(bridge).balance, uint256(bridge.getAsset(0).outstanding) * 1 gwei, "ETH");
        assertEq(h.usdc().balanceOf(address(bridge)), bridge.getAsset(1).outstanding, "USDC");
        assertEq(h.hook().balanceOf(address(bridge)), bridge.getAsset(2).outstanding, "hook token");
    }
}

/// @title OneMessagePerNonceInvariant
contract OneMessagePerNonceInvariant is BridgeInvariantBase {
    /// @notice The queue has one message per nonce: the logged `MessageEnqueued` nonces are 0, 1, 2, ...
    ///         with no gap or repeat, `messageCount` is the number of messages logged, and
    ///         `messageChain(messageCount)` is the fold of the logged records; and no re-entrant call
    ///         from a token hook is ever accepted.
    /// forge-config: default.invariant.fail-on-revert = true
    /// forge-config: ci.invariant.fail-on-revert = true
    function invariant_oneMessagePerNonce() public view {
        assertFalse(h.ghostNonceBroken(), "logged nonces are 0, 1, 2, ...");
        assertEq(bridge.messageCount(), h.ghostNextNonce(), "messageCount = messages logged");
        assertEq(bridge.messageChain(bridge.messageCount()), h.ghostChain(), "chain = fold of the records");
        assertEq(h.ghostReentriesAccepted(), 0, "no re-entry accepted");
    }
}
