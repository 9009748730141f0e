// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

/// @title OpenTimelock
/// @notice The timelock that executes governance decisions after a delay. It holds `DEFAULT_ADMIN_ROLE` on every
/// ModelFactory contract; the OpenGovernor is its proposer and canceller and anyone may execute.
/// @dev A plain OpenZeppelin {TimelockController}.
contract OpenTimelock is TimelockController {
    /// @param minDelay The minimum delay, in seconds, between queueing and executing an operation.
    /// @param proposers The accounts granted the proposer and canceller roles.
    /// @param executors The accounts granted the executor role (`address(0)` lets anyone execute).
    /// @param admin An optional admin for the initial role setup (`address(0)` for none); it should renounce its role
    /// once the governor is wired in.
    constructor(uint256 minDelay, address[] memory proposers, address[] memory executors, address admin)
        TimelockController(minDelay, proposers, executors, admin)
    {}
}
