// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @notice Where charged inference fees and slashed stakes go: the RewardsDistributor.
interface IRewardsPool {
    /// @notice Pulls `amount` OPEN from the caller (who approved it) into the pool.
    function fund(uint256 amount) external;
}
