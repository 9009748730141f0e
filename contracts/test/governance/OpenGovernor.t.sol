// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Test} from "../utils/Test.sol";
import {OpenToken} from "../../src/token/OpenToken.sol";
import {OpenGovernor} from "../../src/governance/OpenGovernor.sol";
import {OpenTimelock} from "../../src/governance/OpenTimelock.sol";
import {Staking} from "../../src/staking/Staking.sol";
import {MockRewardsPool} from "../staking/MockRewardsPool.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

/// @dev Governance with the deploy's default settings: 1 day voting delay, 2 weeks voting, 100 OPEN to propose,
/// 25 % quorum, 1 day timelock; the timelock administers a Staking contract.
contract OpenGovernorTest is Test {
    uint256 internal constant SUPPLY = 1_000_000_000e18;
    uint48 internal constant VOTING_DELAY = 1 days;
    uint32 internal constant VOTING_PERIOD = 2 weeks;
    uint256 internal constant THRESHOLD = 100e18;
    uint256 internal constant QUORUM_PERCENT = 25;
    uint256 internal constant TIMELOCK_DELAY = 1 days;

    uint8 internal constant AGAINST = 0;
    uint8 internal constant FOR = 1;
    uint8 internal constant ABSTAIN = 2;

    OpenToken internal token;
    OpenTimelock internal timelock;
    OpenGovernor internal governor;
    Staking internal staking;

    address internal alice; // 300M
    address internal bob; // 200M
    address internal dave; // 100M
    address internal carol; // exactly the threshold
    address internal eve; // just below the threshold
    address internal treasury; // the rest, never delegated

    address[] internal targets;
    uint256[] internal values;
    bytes[] internal calldatas;
    string internal description;

    function setUp() public {
        alice = makeAddr("alice");
        bob = makeAddr("bob");
        dave = makeAddr("dave");
        carol = makeAddr("carol");
        eve = makeAddr("eve");
        treasury = makeAddr("treasury");
        vm.warp(1_750_000_000);

        address[] memory recipients = new address[](6);
        uint256[] memory amounts = new uint256[](6);
        (recipients[0], amounts[0]) = (alice, 300_000_000e18);
        (recipients[1], amounts[1]) = (bob, 200_000_000e18);
        (recipients[2], amounts[2]) = (dave, 100_000_000e18);
        (recipients[3], amounts[3]) = (carol, THRESHOLD);
        (recipients[4], amounts[4]) = (eve, THRESHOLD - 1);
        (recipients[5], amounts[5]) = (treasury, SUPPLY - 600_000_000e18 - 2 * THRESHOLD + 1);
        token = new OpenToken(recipients, amounts);

        // The deploy's wiring: the timelock starts with a temporary admin, the governor becomes its proposer and
        // canceller, anyone may execute, and the temporary admin renounces.
        timelock = new OpenTimelock(TIMELOCK_DELAY, new address[](0), _one(address(0)), address(this));
        governor = new OpenGovernor(token, timelock, VOTING_DELAY, VOTING_PERIOD, THRESHOLD, QUORUM_PERCENT);
        timelock.grantRole(timelock.PROPOSER_ROLE(), address(governor));
        timelock.grantRole(timelock.CANCELLER_ROLE(), address(governor));
        timelock.renounceRole(timelock.DEFAULT_ADMIN_ROLE(), address(this));

        MockRewardsPool pool = new MockRewardsPool(token);
        staking = new Staking(token, pool, address(timelock), 7 days, 1_000e18);

        _delegateSelf(alice);
        _delegateSelf(bob);
        _delegateSelf(dave);
        _delegateSelf(carol);
        _delegateSelf(eve);
        vm.warp(block.timestamp + 1); // the delegations are now in the past

        targets.push(address(staking));
        values.push(0);
        calldatas.push(abi.encodeCall(Staking.setCooldown, (3 days)));
        description = "Shorten the unstaking cooldown to 3 days";
    }

    // ── Configuration ───────────────────────────────────────────────────────────────────────────

    function test_settings() public view {
        assertEq(governor.name(), "OpenLedger Governor");
        assertEq(governor.votingDelay(), VOTING_DELAY);
        assertEq(governor.votingPeriod(), VOTING_PERIOD);
        assertEq(governor.proposalThreshold(), THRESHOLD);
        assertEq(governor.quorumNumerator(), QUORUM_PERCENT);
        assertEq(governor.quorumDenominator(), 100);
        assertEq(address(governor.token()), address(token));
        assertEq(governor.timelock(), address(timelock));
        assertEq(governor.clock(), block.timestamp);
        assertEq(governor.CLOCK_MODE(), "mode=timestamp");
        assertEq(governor.COUNTING_MODE(), "support=bravo&quorum=for,abstain");
        assertEq(governor.quorum(block.timestamp - 1), SUPPLY / 4);
    }

    function test_timelockWiring() public view {
        assertEq(timelock.getMinDelay(), TIMELOCK_DELAY);
        assertTrue(timelock.hasRole(timelock.PROPOSER_ROLE(), address(governor)));
        assertTrue(timelock.hasRole(timelock.CANCELLER_ROLE(), address(governor)));
        assertTrue(timelock.hasRole(timelock.EXECUTOR_ROLE(), address(0))); // anyone executes
        assertFalse(timelock.hasRole(timelock.DEFAULT_ADMIN_ROLE(), address(this)));
        assertTrue(timelock.hasRole(timelock.DEFAULT_ADMIN_ROLE(), address(timelock)));
        assertTrue(staking.hasRole(staking.DEFAULT_ADMIN_ROLE(), address(timelock)));
    }

    function test_timelockConstructorGrantsProposersAndExecutors() public {
        OpenTimelock other = new OpenTimelock(2 days, _one(alice), _one(bob), address(0));
        assertEq(other.getMinDelay(), 2 days);
        assertTrue(other.hasRole(other.PROPOSER_ROLE(), alice));
        assertTrue(other.hasRole(other.CANCELLER_ROLE(), alice));
        assertTrue(other.hasRole(other.EXECUTOR_ROLE(), bob));
        assertFalse(other.hasRole(other.EXECUTOR_ROLE(), address(0)));
    }

    // ── Lifecycle ───────────────────────────────────────────────────────────────────────────────

    /// @dev delegate → propose → delay → vote → period → queue → timelock → execute: Staking.setCooldown(3 days).
    function test_fullLifecycle_setsTheStakingCooldown() public {
        vm.prank(carol); // exactly the threshold suffices to propose
        uint256 proposalId = governor.propose(targets, values, calldatas, description);
        assertEq(uint8(governor.state(proposalId)), uint8(IGovernor.ProposalState.Pending));
        assertEq(governor.proposalSnapshot(proposalId), block.timestamp + VOTING_DELAY);
        assertEq(governor.proposalDeadline(proposalId), block.timestamp + VOTING_DELAY + VOTING_PERIOD);
        assertEq(governor.proposalProposer(proposalId), carol);
        assertTrue(governor.proposalNeedsQueuing(proposalId));

        vm.warp(governor.proposalSnapshot(proposalId) + 1);
        assertEq(uint8(governor.state(proposalId)), uint8(IGovernor.ProposalState.Active));
        vm.prank(alice);
        assertEq(governor.castVote(proposalId, FOR), 300_000_000e18);
        vm.prank(bob);
        governor.castVote(proposalId, AGAINST);
        (uint256 against, uint256 forVotes, uint256 abstain) = governor.proposalVotes(proposalId);
        assertEq(forVotes, 300_000_000e18);
        assertEq(against, 200_000_000e18);
        assertEq(abstain, 0);
        assertTrue(governor.hasVoted(proposalId, alice));

        vm.warp(governor.proposalDeadline(proposalId) + 1);
        assertEq(uint8(governor.state(proposalId)), uint8(IGovernor.ProposalState.Succeeded));

        bytes32 descriptionHash = keccak256(bytes(description));
        governor.queue(targets, values, calldatas, descriptionHash);
        assertEq(uint8(governor.state(proposalId)), uint8(IGovernor.ProposalState.Queued));
        assertEq(governor.proposalEta(proposalId), block.timestamp + TIMELOCK_DELAY);

        // Not before the timelock delay.
        vm.warp(block.timestamp + TIMELOCK_DELAY - 1);
        vm.expectPartialRevert(TimelockController.TimelockUnexpectedOperationState.selector);
        governor.execute(targets, values, calldatas, descriptionHash);

        vm.warp(block.timestamp + 1);
        vm.expectEmit(address(staking));
        emit Staking.CooldownSet(3 days);
        vm.prank(eve); // anyone may execute
        governor.execute(targets, values, calldatas, descriptionHash);
        assertEq(uint8(governor.state(proposalId)), uint8(IGovernor.ProposalState.Executed));
        assertEq(staking.cooldown(), 3 days);
    }

    function test_quorumNotMet_defeated() public {
        uint256 proposalId = _proposeAndOpen();
        vm.prank(bob); // 200M For: below the 250M quorum, however unopposed
        governor.castVote(proposalId, FOR);
        vm.warp(governor.proposalDeadline(proposalId) + 1);
        assertEq(uint8(governor.state(proposalId)), uint8(IGovernor.ProposalState.Defeated));
        assertLt(200_000_000e18, governor.quorum(governor.proposalSnapshot(proposalId)));

        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorUnexpectedProposalState.selector,
                proposalId,
                IGovernor.ProposalState.Defeated,
                _stateBitmap(IGovernor.ProposalState.Succeeded)
            )
        );
        governor.queue(targets, values, calldatas, keccak256(bytes(description)));
        assertEq(staking.cooldown(), 7 days);
    }

    function test_abstainCountsTowardQuorum() public {
        uint256 proposalId = _proposeAndOpen();
        vm.prank(bob);
        governor.castVote(proposalId, FOR);
        vm.prank(dave);
        governor.castVote(proposalId, ABSTAIN); // 200M For + 100M Abstain >= 250M
        vm.warp(governor.proposalDeadline(proposalId) + 1);
        assertEq(uint8(governor.state(proposalId)), uint8(IGovernor.ProposalState.Succeeded));
    }

    function test_againstMajority_defeated() public {
        uint256 proposalId = _proposeAndOpen();
        vm.prank(bob);
        governor.castVote(proposalId, FOR);
        vm.prank(alice);
        governor.castVote(proposalId, AGAINST);
        vm.warp(governor.proposalDeadline(proposalId) + 1);
        assertEq(uint8(governor.state(proposalId)), uint8(IGovernor.ProposalState.Defeated));
    }

    function test_tiedVote_defeated() public {
        vm.prank(treasury);
        assertTrue(token.transfer(dave, 100_000_000e18)); // dave 200M, as bob
        vm.warp(block.timestamp + 1);
        uint256 proposalId = _proposeAndOpen();
        vm.prank(bob);
        governor.castVote(proposalId, FOR);
        vm.prank(dave);
        governor.castVote(proposalId, AGAINST);
        vm.prank(alice);
        governor.castVote(proposalId, ABSTAIN);
        vm.warp(governor.proposalDeadline(proposalId) + 1);
        assertEq(uint8(governor.state(proposalId)), uint8(IGovernor.ProposalState.Defeated));
    }

    function test_propose_revertsBelowThreshold() public {
        vm.expectRevert(
            abi.encodeWithSelector(IGovernor.GovernorInsufficientProposerVotes.selector, eve, THRESHOLD - 1, THRESHOLD)
        );
        vm.prank(eve);
        governor.propose(targets, values, calldatas, description);

        // Undelegated balance does not count.
        vm.expectRevert(
            abi.encodeWithSelector(IGovernor.GovernorInsufficientProposerVotes.selector, treasury, 0, THRESHOLD)
        );
        vm.prank(treasury);
        governor.propose(targets, values, calldatas, description);
    }

    function test_propose_needsVotesBeforeTheCurrentTimestamp() public {
        vm.prank(treasury);
        token.delegate(treasury); // same second: not counted yet
        vm.expectRevert(
            abi.encodeWithSelector(IGovernor.GovernorInsufficientProposerVotes.selector, treasury, 0, THRESHOLD)
        );
        vm.prank(treasury);
        governor.propose(targets, values, calldatas, description);
        vm.warp(block.timestamp + 1);
        vm.prank(treasury);
        governor.propose(targets, values, calldatas, description);
    }

    function test_votesAreTakenAtTheSnapshot() public {
        uint256 proposalId = _proposeAndOpen();
        // Moving tokens after the snapshot neither adds nor removes weight for this proposal.
        vm.prank(alice);
        assertTrue(token.transfer(bob, 300_000_000e18));
        vm.prank(alice);
        assertEq(governor.castVote(proposalId, FOR), 300_000_000e18);
        vm.prank(bob);
        assertEq(governor.castVote(proposalId, FOR), 200_000_000e18);
    }

    function test_castVote_revertsTwice() public {
        uint256 proposalId = _proposeAndOpen();
        vm.prank(alice);
        governor.castVote(proposalId, FOR);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorAlreadyCastVote.selector, alice));
        vm.prank(alice);
        governor.castVote(proposalId, AGAINST);
    }

    function test_castVote_revertsBeforeTheVotingDelay() public {
        vm.prank(alice);
        uint256 proposalId = governor.propose(targets, values, calldatas, description);
        vm.warp(governor.proposalSnapshot(proposalId)); // still Pending at the snapshot itself
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorUnexpectedProposalState.selector,
                proposalId,
                IGovernor.ProposalState.Pending,
                _stateBitmap(IGovernor.ProposalState.Active)
            )
        );
        vm.prank(alice);
        governor.castVote(proposalId, FOR);
    }

    function test_castVote_revertsAfterTheDeadline() public {
        uint256 proposalId = _proposeAndOpen();
        vm.warp(governor.proposalDeadline(proposalId) + 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorUnexpectedProposalState.selector,
                proposalId,
                IGovernor.ProposalState.Defeated,
                _stateBitmap(IGovernor.ProposalState.Active)
            )
        );
        vm.prank(alice);
        governor.castVote(proposalId, FOR);
    }

    // ── Governance-only changes ─────────────────────────────────────────────────────────────────

    function test_parametersOnlyThroughGovernance() public {
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorOnlyExecutor.selector, alice));
        vm.prank(alice);
        governor.setVotingDelay(1);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorOnlyExecutor.selector, alice));
        vm.prank(alice);
        governor.updateQuorumNumerator(1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, alice, staking.DEFAULT_ADMIN_ROLE()
            )
        );
        vm.prank(alice);
        staking.setCooldown(0);
        // Nobody schedules on the timelock but the governor.
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, alice, timelock.PROPOSER_ROLE()
            )
        );
        vm.prank(alice);
        timelock.schedule(address(staking), 0, calldatas[0], bytes32(0), bytes32(0), TIMELOCK_DELAY);
    }

    function test_governanceUpdatesItsOwnSettings() public {
        targets[0] = address(governor);
        calldatas[0] = abi.encodeCall(governor.updateQuorumNumerator, (10));
        description = "Lower the quorum to 10 %";
        uint256 proposalId = _proposeAndOpen();
        vm.prank(alice);
        governor.castVote(proposalId, FOR);
        vm.warp(governor.proposalDeadline(proposalId) + 1);
        bytes32 descriptionHash = keccak256(bytes(description));
        governor.queue(targets, values, calldatas, descriptionHash);
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        governor.execute(targets, values, calldatas, descriptionHash);
        assertEq(governor.quorumNumerator(), 10);
    }

    function test_cancelByProposerWhilePending() public {
        vm.prank(alice);
        uint256 proposalId = governor.propose(targets, values, calldatas, description);
        vm.prank(alice);
        governor.cancel(targets, values, calldatas, keccak256(bytes(description)));
        assertEq(uint8(governor.state(proposalId)), uint8(IGovernor.ProposalState.Canceled));
    }

    // ── Fuzz ────────────────────────────────────────────────────────────────────────────────────

    /// @dev An unopposed proposal passes exactly when its For votes reach 25 % of the supply.
    function testFuzz_quorumDecidesAnUnopposedProposal(uint256 forVotes) public {
        forVotes = bound(forVotes, 1, token.balanceOf(treasury));
        address voter = makeAddr("voter");
        vm.prank(treasury);
        assertTrue(token.transfer(voter, forVotes));
        _delegateSelf(voter);
        vm.warp(block.timestamp + 1);

        uint256 proposalId = _proposeAndOpen();
        vm.prank(voter);
        governor.castVote(proposalId, FOR);
        vm.warp(governor.proposalDeadline(proposalId) + 1);

        IGovernor.ProposalState expected =
            forVotes >= SUPPLY / 4 ? IGovernor.ProposalState.Succeeded : IGovernor.ProposalState.Defeated;
        assertEq(uint8(governor.state(proposalId)), uint8(expected));
    }

    /// @dev Votes are accepted strictly after the snapshot and up to the deadline included.
    function testFuzz_votingWindow(uint256 elapsed) public {
        vm.prank(alice);
        uint256 proposalId = governor.propose(targets, values, calldatas, description);
        uint256 snapshot = governor.proposalSnapshot(proposalId);
        uint256 deadline = governor.proposalDeadline(proposalId);
        elapsed = bound(elapsed, 0, VOTING_DELAY + VOTING_PERIOD + 2 days);
        vm.warp(block.timestamp + elapsed);
        bool open = block.timestamp > snapshot && block.timestamp <= deadline;
        if (!open) vm.expectPartialRevert(IGovernor.GovernorUnexpectedProposalState.selector);
        vm.prank(bob);
        governor.castVote(proposalId, FOR);
    }

    // ── Helpers ─────────────────────────────────────────────────────────────────────────────────

    function _proposeAndOpen() internal returns (uint256 proposalId) {
        vm.prank(alice);
        proposalId = governor.propose(targets, values, calldatas, description);
        vm.warp(governor.proposalSnapshot(proposalId) + 1);
    }

    function _delegateSelf(address account) internal {
        vm.prank(account);
        token.delegate(account);
    }

    function _one(address account) internal pure returns (address[] memory list) {
        list = new address[](1);
        list[0] = account;
    }

    function _stateBitmap(IGovernor.ProposalState state) internal pure returns (bytes32) {
        return bytes32(1 << uint8(state));
    }
}
