// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Vm} from "../utils/Vm.sol";
import {OpenToken} from "../../src/token/OpenToken.sol";

/// @notice Drives OpenToken through random transfers, allowance spends, burns, permits and delegations among a fixed
/// set of actors (who hold the whole supply), tracking what the invariants need.
contract OpenTokenHandler {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");

    OpenToken public immutable token;
    address[] public actors;
    uint256[] internal keys;

    uint256 public totalBurned;
    mapping(address account => uint256) public permitsUsed;

    constructor(OpenToken token_, address[] memory actors_, uint256[] memory keys_) {
        token = token_;
        actors = actors_;
        keys = keys_;
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function transfer(uint256 fromSeed, uint256 toSeed, uint256 amount) external {
        address from = _actor(fromSeed);
        amount = _bound(amount, 0, token.balanceOf(from));
        vm.prank(from);
        require(token.transfer(_actor(toSeed), amount));
    }

    function approveAndTransferFrom(uint256 ownerSeed, uint256 spenderSeed, uint256 toSeed, uint256 amount) external {
        address owner = _actor(ownerSeed);
        address spender = _actor(spenderSeed);
        amount = _bound(amount, 0, token.balanceOf(owner));
        vm.prank(owner);
        token.approve(spender, amount);
        vm.prank(spender);
        require(token.transferFrom(owner, _actor(toSeed), amount));
    }

    function burn(uint256 actorSeed, uint256 amount) external {
        address account = _actor(actorSeed);
        amount = _bound(amount, 0, token.balanceOf(account));
        vm.prank(account);
        token.burn(amount);
        totalBurned += amount;
    }

    function burnFrom(uint256 ownerSeed, uint256 spenderSeed, uint256 amount) external {
        address owner = _actor(ownerSeed);
        address spender = _actor(spenderSeed);
        amount = _bound(amount, 0, token.balanceOf(owner));
        vm.prank(owner);
        token.approve(spender, amount);
        vm.prank(spender);
        token.burnFrom(owner, amount);
        totalBurned += amount;
    }

    /// @dev A signed permit submitted by a third party, then spent by the spender.
    function permitAndSpend(uint256 ownerSeed, uint256 spenderSeed, uint256 amount, uint256 deadlineOffset) external {
        uint256 index = ownerSeed % actors.length;
        address owner = actors[index];
        address spender = _actor(spenderSeed);
        amount = _bound(amount, 0, token.balanceOf(owner));
        uint256 deadline = block.timestamp + _bound(deadlineOffset, 0, 30 days);
        bytes32 structHash =
            keccak256(abi.encode(PERMIT_TYPEHASH, owner, spender, amount, token.nonces(owner), deadline));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(keys[index], digest);
        token.permit(owner, spender, amount, deadline, v, r, s);
        ++permitsUsed[owner];
        vm.prank(spender);
        require(token.transferFrom(owner, spender, amount));
    }

    function delegate(uint256 actorSeed, uint256 delegateeSeed) external {
        vm.prank(_actor(actorSeed));
        token.delegate(_actor(delegateeSeed));
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + _bound(seconds_, 1, 7 days));
    }

    function _actor(uint256 seed) internal view returns (address) {
        return actors[seed % actors.length];
    }

    function _bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        if (x >= min && x <= max) return x;
        return min + (x % (max - min + 1));
    }
}
