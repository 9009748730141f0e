// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {GovernorCountingSimple} from "@openzeppelin/contracts/governance/extensions/GovernorCountingSimple.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {GovernorTimelockControl} from "@openzeppelin/contracts/governance/extensions/GovernorTimelockControl.sol";
import {GovernorVotes} from "@openzeppelin/contracts/governance/extensions/GovernorVotes.sol";
import {
    GovernorVotesQuorumFraction
} from "@openzeppelin/contracts/governance/extensions/GovernorVotesQuorumFraction.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";

/// @title OpenGovernor
/// @notice On-chain governance of ModelFactory by OPEN holders: proposals need `proposalThreshold()` delegated votes,
/// voting opens `votingDelay()` seconds after proposal and lasts `votingPeriod()` seconds, a proposal passes with more
/// For than Against votes and a quorum (For + Abstain) of `quorumNumerator()` % of the supply at the vote's start, and
/// passed proposals run through the timelock.
/// @dev The OpenZeppelin Governor stack. The clock follows the token's (OpenToken: timestamps), so the delay and the
/// period are in seconds. Settings and the quorum are changed by governance itself (through the timelock).
contract OpenGovernor is
    Governor,
    GovernorSettings,
    GovernorCountingSimple,
    GovernorVotes,
    GovernorVotesQuorumFraction,
    GovernorTimelockControl
{
    /// @param token_ The votes token (OpenToken).
    /// @param timelock_ The timelock that executes passed proposals (OpenTimelock).
    /// @param votingDelaySeconds Seconds between a proposal and the start of its vote.
    /// @param votingPeriodSeconds Seconds the vote lasts; non-zero.
    /// @param proposalThreshold_ Votes (OPEN wei) a proposer needs.
    /// @param quorumPercent The quorum as a percentage (0-100) of the token's supply.
    constructor(
        IVotes token_,
        TimelockController timelock_,
        uint48 votingDelaySeconds,
        uint32 votingPeriodSeconds,
        uint256 proposalThreshold_,
        uint256 quorumPercent
    )
        Governor("OpenLedger Governor")
        GovernorSettings(votingDelaySeconds, votingPeriodSeconds, proposalThreshold_)
        GovernorVotes(token_)
        GovernorVotesQuorumFraction(quorumPercent)
        GovernorTimelockControl(timelock_)
    {}

    // ── Overrides required by Solidity ──────────────────────────────────────────────────────────

    /// @inheritdoc GovernorTimelockControl
    function state(uint256 proposalId) public view override(Governor, GovernorTimelockControl) returns (ProposalState) {
        return super.state(proposalId);
    }

    /// @inheritdoc GovernorTimelockControl
    function proposalNeedsQueuing(uint256 proposalId)
        public
        view
        override(Governor, GovernorTimelockControl)
        returns (bool)
    {
        return super.proposalNeedsQueuing(proposalId);
    }

    /// @inheritdoc GovernorSettings
    function proposalThreshold() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.proposalThreshold();
    }

    function _queueOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint48) {
        return super._queueOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _executeOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) {
        super._executeOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _cancel(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint256) {
        return super._cancel(targets, values, calldatas, descriptionHash);
    }

    function _executor() internal view override(Governor, GovernorTimelockControl) returns (address) {
        return super._executor();
    }
}
