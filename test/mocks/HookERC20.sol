// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IBridge} from "../../contracts/interfaces/IBridge.sol";

/// @title HookERC20
/// @notice TEST DOUBLE ONLY. A hostile ERC-20 with a sender hook (ERC-777 style): while it moves
///         tokens from a holder to the bridge it calls back into the bridge with the call the test
///         armed (e.g. `depositETH{value: 1 ether}`, paid from the token's own ETH) and records the
///         outcome. The hook never reverts itself, so the outer deposit completes whenever the bridge
///         lets it.
contract HookERC20 is ERC20 {
    IBridge public immutable bridge;
    bytes internal _call;
    uint256 internal _value;
    bool internal _armed;

    /// @notice Whether the armed call ran during a transfer.
    bool public attempted;
    /// @notice Whether the bridge accepted the re-entrant call.
    bool public reentered;
    /// @notice Revert data of the re-entrant call when the bridge refused it.
    bytes public reentryError;

    constructor(IBridge bridge_) ERC20("Hook token", "HOOK") {
        bridge = bridge_;
    }

    receive() external payable {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice Let the token act as a holder (e.g. approve the bridge for another token).
    function exec(address target, bytes calldata data) external {
        (bool ok,) = target.call(data);
        require(ok, "exec");
    }

    /// @notice Arm one re-entrant call (`value` wei, `data` calldata) for the next transfer to the bridge.
    function arm(bytes calldata data, uint256 value) external {
        _call = data;
        _value = value;
        _armed = true;
        attempted = false;
        reentered = false;
        reentryError = "";
    }

    function _update(address from, address to, uint256 value) internal override {
        if (_armed && from != address(0) && to == address(bridge)) {
            _armed = false;
            attempted = true;
            (bool ok, bytes memory ret) = address(bridge).call{value: _value}(_call);
            if (ok) reentered = true;
            else reentryError = ret;
        }
        super._update(from, to, value);
    }
}
