// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {JanusToken} from "../contracts/JanusToken.sol";

contract JanusTokenTest is Test {
    JanusToken internal token;
    uint256 internal ownerKey = 0xA11CE;
    address internal owner;

    function setUp() public {
        owner = vm.addr(ownerKey);
        token = new JanusToken("Janus", "JNS", owner, 1_000_000 ether);
    }

    function test_constructor_mintsSupplyToHolder_succeeds() public view {
        assertEq(token.totalSupply(), 1_000_000 ether);
        assertEq(token.balanceOf(owner), 1_000_000 ether);
    }

    function test_permit_validSignature_succeeds() public {
        address spender = address(0xB0B);
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256(
                    "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"
                ),
                owner,
                spender,
                5 ether,
                token.nonces(owner),
                deadline
            )
        );
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(ownerKey, digest);
        token.permit(owner, spender, 5 ether, deadline, v, r, s);
        assertEq(token.allowance(owner, spender), 5 ether);
        vm.expectRevert();
        token.permit(owner, spender, 5 ether, deadline, v, r, s); // replay: nonce consumed
    }
}
