// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Vm} from "../utils/Vm.sol";
import {OpenToken} from "../../src/token/OpenToken.sol";
import {Staking} from "../../src/staking/Staking.sol";

/// @notice Drives Staking through random stakes, unstake requests, withdrawals, slashes, cooldown changes and time,
/// for a fixed set of actors, tracking what the invariants need.
contract StakingHandler {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    OpenToken public immutable token;
    Staking public immutable staking;
    address public immutable slasher;
    address public immutable admin;
    address[] public actors;

    uint256 public totalSlashed;
    uint256 public totalWithdrawn;
    uint256 public totalStakedIn;

    constructor(OpenToken token_, Staking staking_, address slasher_, address admin_, address[] memory actors_) {
        token = token_;
        staking = staking_;
        slasher = slasher_;
        admin = admin_;
        actors = actors_;
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function stake(uint256 actorSeed, uint256 amount) external {
        address account = _actor(actorSeed);
        uint256 balance = token.balanceOf(account);
        if (balance == 0) return;
        amount = _bound(amount, 1, balance);
        vm.startPrank(account);
        token.approve(address(staking), amount);
        staking.stake(amount);
        vm.stopPrank();
        totalStakedIn += amount;
    }

    function requestUnstake(uint256 actorSeed, uint256 amount) external {
        address account = _actor(actorSeed);
        uint256 active = staking.stakeOf(account);
        if (active == 0) return;
        amount = _bound(amount, 1, active);
        vm.prank(account);
        staking.requestUnstake(amount);
    }

    /// @dev Waits out the cooldown when `wait` says so, then withdraws.
    function withdraw(uint256 actorSeed, bool wait) external {
        address account = _actor(actorSeed);
        (uint256 pending, uint64 unlockAt) = staking.pendingOf(account);
        if (pending == 0) return;
        if (block.timestamp < unlockAt) {
            if (!wait) return;
            vm.warp(unlockAt);
        }
        vm.prank(account);
        staking.withdraw();
        totalWithdrawn += pending;
    }

    function slash(uint256 actorSeed, uint256 amount, bytes32 evidence) external {
        address account = _actor(actorSeed);
        (uint256 pending,) = staking.pendingOf(account);
        uint256 available = staking.stakeOf(account) + pending;
        if (available == 0) return;
        amount = _bound(amount, 1, available);
        vm.prank(slasher);
        staking.slash(account, amount, evidence);
        totalSlashed += amount;
    }

    function setCooldown(uint64 cooldown) external {
        vm.prank(admin);
        staking.setCooldown(uint64(_bound(cooldown, 0, 30 days)));
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + _bound(seconds_, 1, 14 days));
    }

    function _actor(uint256 seed) internal view returns (address) {
        return actors[seed % actors.length];
    }

    function _bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        if (x >= min && x <= max) return x;
        return min + (x % (max - min + 1));
    }
}
