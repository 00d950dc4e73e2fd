// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

/// @title JanusToken
/// @notice The devnet staking token: a plain ERC-20 with EIP-2612 `permit`, so that a wallet can
///         approve and stake in one transaction. Production deployments may use any ERC-20; the
///         staking contract only relies on `transfer`/`transferFrom` (and `permit` when offered).
/// @dev The whole supply is minted once to `holder`; there is no owner and no further minting.
contract JanusToken is ERC20, ERC20Permit {
    /// @param name_ Token name (also the EIP-712 domain name).
    /// @param symbol_ Token symbol.
    /// @param holder Receives the fixed supply.
    /// @param supply Total supply, in wei of the token.
    constructor(string memory name_, string memory symbol_, address holder, uint256 supply)
        ERC20(name_, symbol_)
        ERC20Permit(name_)
    {
        _mint(holder, supply);
    }
}
