// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {RewardsDistributor} from "../../src/rewards/RewardsDistributor.sol";
import {TestToken} from "../payments/TestToken.sol";
import {Test} from "../utils/Test.sol";
import {MerkleHelper} from "./MerkleHelper.sol";

/// @notice Drives RewardsDistributor like the backend and its users would: random funding, epochs with growing
/// cumulative allocations (never above the funding), honest claims, and hostile ones (stale proofs from the
/// previous epoch, tampered amounts, repeats).
contract RewardsDistributorHandler is Test {
    uint256 internal constant ACTORS = 8;

    TestToken internal immutable token;
    RewardsDistributor internal immutable distributor;
    address internal immutable funder;

    address[] public actors;
    /// @dev Each actor's cumulative amount in the current tree, and in the previous one.
    uint256[] public cumulative;
    uint256[] internal previous;
    bool public posted;
    bool public previousPosted;

    /// @dev Set if a tampered or stale claim paid anything it should not have.
    bool public ghostBadClaimPaid;
    uint256 public ghostClaims;

    constructor(TestToken token_, RewardsDistributor distributor_) {
        token = token_;
        distributor = distributor_;
        funder = makeAddr("invariant funder");
        for (uint256 i; i < ACTORS; ++i) {
            actors.push(makeAddr(string(abi.encodePacked("beneficiary", bytes1(uint8(65 + i))))));
            cumulative.push(0);
            previous.push(0);
        }
        token.mint(funder, type(uint128).max);
        vm.prank(funder);
        token.approve(address(distributor), type(uint256).max);
    }

    function actorCount() external pure returns (uint256) {
        return ACTORS;
    }

    function fund(uint256 amount) external {
        amount = bound(amount, 0, 1_000_000 ether);
        vm.prank(funder);
        distributor.fund(amount);
    }

    /// @dev Posts the next epoch: every actor's cumulative amount grows by a random share of the unallocated
    /// funding (possibly zero), so the new total never exceeds what is funded.
    function postEpoch(uint256 seed, uint8 gap) external {
        uint256 available = distributor.totalFunded() - distributor.totalAllocated();
        uint256 total;
        for (uint256 i; i < ACTORS; ++i) {
            previous[i] = cumulative[i];
            uint256 share = available / ACTORS;
            cumulative[i] += share == 0 ? 0 : uint256(keccak256(abi.encode(seed, i))) % (share + 1);
            total += cumulative[i];
        }
        uint64 epoch = distributor.currentEpoch() + uint64(bound(gap, 1, 3));
        distributor.postEpoch(epoch, MerkleHelper.root(MerkleHelper.build(actors, cumulative)), total);
        previousPosted = posted;
        posted = true;
    }

    /// @dev An honest claim of an actor's current cumulative amount (reverts NothingToClaim when nothing is new).
    function claim(uint256 actorSeed) external {
        if (!posted) return;
        uint256 index = actorSeed % ACTORS;
        bytes32[] memory proof = MerkleHelper.proof(MerkleHelper.build(actors, cumulative), index);
        distributor.claim(actors[index], cumulative[index], proof);
        ++ghostClaims;
    }

    /// @dev Replays a proof of the previous epoch's tree: may only succeed if it is also valid now (same tree).
    function claimStale(uint256 actorSeed) external {
        if (!previousPosted) return;
        uint256 index = actorSeed % ACTORS;
        MerkleHelper.Tree memory stale = MerkleHelper.build(actors, previous);
        bool validNow = MerkleHelper.root(stale) == distributor.merkleRoot();
        try distributor.claim(actors[index], previous[index], MerkleHelper.proof(stale, index)) {
            if (!validNow) ghostBadClaimPaid = true;
        } catch {}
    }

    /// @dev A claim of a wrong amount with a valid proof must never succeed.
    function claimTampered(uint256 actorSeed, uint256 delta) external {
        if (!posted) return;
        uint256 index = actorSeed % ACTORS;
        delta = bound(delta, 1, 1_000_000 ether);
        bytes32[] memory proof = MerkleHelper.proof(MerkleHelper.build(actors, cumulative), index);
        try distributor.claim(actors[index], cumulative[index] + delta, proof) {
            ghostBadClaimPaid = true;
        } catch {}
    }

    /// @dev Claiming the same current proof twice in a row: the second must never pay.
    function claimTwice(uint256 actorSeed) external {
        if (!posted) return;
        uint256 index = actorSeed % ACTORS;
        bytes32[] memory proof = MerkleHelper.proof(MerkleHelper.build(actors, cumulative), index);
        try distributor.claim(actors[index], cumulative[index], proof) {} catch {}
        try distributor.claim(actors[index], cumulative[index], proof) {
            ghostBadClaimPaid = true;
        } catch {}
    }
}

/// @notice Invariants of RewardsDistributor: totalClaimed ≤ totalAllocated ≤ totalFunded, the pool holds exactly
/// what is funded and unclaimed, and no account is ever paid beyond its latest cumulative allocation.
contract RewardsDistributorInvariantTest is Test {
    TestToken internal token;
    RewardsDistributor internal distributor;
    RewardsDistributorHandler internal handler;

    function setUp() public {
        address admin = makeAddr("admin");
        token = new TestToken();
        distributor =
            new RewardsDistributor(IERC20(address(token)), admin, RewardsDistributor.FeeSplit(3000, 5000, 1000, 1000));
        handler = new RewardsDistributorHandler(token, distributor);
        bytes32 settlerRole = distributor.SETTLER_ROLE();
        vm.prank(admin);
        distributor.grantRole(settlerRole, address(handler));

        bytes4[] memory selectors = new bytes4[](6);
        selectors[0] = RewardsDistributorHandler.fund.selector;
        selectors[1] = RewardsDistributorHandler.postEpoch.selector;
        selectors[2] = RewardsDistributorHandler.claim.selector;
        selectors[3] = RewardsDistributorHandler.claimStale.selector;
        selectors[4] = RewardsDistributorHandler.claimTampered.selector;
        selectors[5] = RewardsDistributorHandler.claimTwice.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
        targetContract(address(handler));
    }

    function invariant_ClaimedLeAllocatedLeFunded() public view {
        assertLe(distributor.totalClaimed(), distributor.totalAllocated(), "claimed > allocated");
        assertLe(distributor.totalAllocated(), distributor.totalFunded(), "allocated > funded");
    }

    function invariant_BalanceIsFundedMinusClaimed() public view {
        assertEq(
            token.balanceOf(address(distributor)),
            distributor.totalFunded() - distributor.totalClaimed(),
            "balance != funded - claimed"
        );
    }

    /// @dev No double payment: each actor's claimed total (and OPEN received, its only source) never exceeds its
    /// latest cumulative allocation, and the per-account totals add up to totalClaimed.
    function invariant_NoAccountPaidBeyondItsAllocation() public view {
        uint256 n = handler.actorCount();
        uint256 sumClaimed;
        uint256 sumAllocated;
        for (uint256 i; i < n; ++i) {
            address actor = handler.actors(i);
            uint256 claimed = distributor.claimed(actor);
            assertLe(claimed, handler.cumulative(i), "claimed beyond cumulative allocation");
            assertEq(token.balanceOf(actor), claimed, "received != claimed");
            sumClaimed += claimed;
            sumAllocated += handler.cumulative(i);
        }
        assertEq(sumClaimed, distributor.totalClaimed(), "sum of claimed != totalClaimed");
        assertEq(sumAllocated, distributor.totalAllocated(), "sum of cumulative != totalAllocated");
    }

    function invariant_NoBadClaimPaid() public view {
        assertFalse(handler.ghostBadClaimPaid(), "a stale, tampered or repeated claim paid");
    }
}
