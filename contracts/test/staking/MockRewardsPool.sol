// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IRewardsPool} from "../../src/interfaces/IRewardsPool.sol";

/// @notice A stand-in rewards pool that pulls what it is funded with, as the RewardsDistributor does.
contract MockRewardsPool is IRewardsPool {
    IERC20 public immutable token;
    uint256 public totalReceived;
    uint256 public fundCalls;

    event Funded(address indexed from, uint256 amount);

    constructor(IERC20 token_) {
        token = token_;
    }

    function fund(uint256 amount) external {
        totalReceived += amount;
        ++fundCalls;
        emit Funded(msg.sender, amount);
        require(token.transferFrom(msg.sender, address(this), amount), "MockRewardsPool: pull failed");
    }
}

/// @notice A faulty pool that pulls only part of what it is funded with.
contract ShortPullPool is IRewardsPool {
    IERC20 public immutable token;
    uint256 public immutable shortBy;

    constructor(IERC20 token_, uint256 shortBy_) {
        token = token_;
        shortBy = shortBy_;
    }

    function fund(uint256 amount) external {
        require(token.transferFrom(msg.sender, address(this), amount - shortBy), "ShortPullPool: pull failed");
    }
}
