// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Test} from "../utils/Test.sol";
import {OpenToken} from "../../src/token/OpenToken.sol";
import {Staking} from "../../src/staking/Staking.sol";
import {IRewardsPool} from "../../src/interfaces/IRewardsPool.sol";
import {MockRewardsPool, ShortPullPool} from "./MockRewardsPool.sol";
import {StakingHandler} from "./StakingHandler.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

abstract contract StakingTestBase is Test {
    uint256 internal constant SUPPLY = 1_000_000_000e18;
    uint64 internal constant COOLDOWN = 7 days;
    uint256 internal constant MIN_REVIEWER = 1_000e18;

    OpenToken internal token;
    MockRewardsPool internal pool;
    Staking internal staking;
    address internal admin;
    address internal slasher;

    function _deploy(address[] memory holders, uint256[] memory amounts) internal {
        admin = makeAddr("admin");
        slasher = makeAddr("slasher");
        token = new OpenToken(holders, amounts);
        pool = new MockRewardsPool(token);
        staking = new Staking(token, pool, admin, COOLDOWN, MIN_REVIEWER);
        bytes32 slasherRole = staking.SLASHER_ROLE();
        vm.prank(admin);
        staking.grantRole(slasherRole, slasher);
    }
}

contract StakingTest is StakingTestBase {
    address internal alice;
    address internal bob;
    address internal stranger;

    function setUp() public {
        alice = makeAddr("alice");
        bob = makeAddr("bob");
        stranger = makeAddr("stranger");
        address[] memory holders = new address[](2);
        uint256[] memory amounts = new uint256[](2);
        (holders[0], amounts[0]) = (alice, SUPPLY / 2);
        (holders[1], amounts[1]) = (bob, SUPPLY / 2);
        vm.warp(1_750_000_000);
        _deploy(holders, amounts);
        vm.prank(alice);
        token.approve(address(staking), type(uint256).max);
        vm.prank(bob);
        token.approve(address(staking), type(uint256).max);
    }

    // ── constructor ─────────────────────────────────────────────────────────────────────────────

    function test_constructor_setsParametersAndRoles() public view {
        assertEq(address(staking.token()), address(token));
        assertEq(address(staking.rewardsPool()), address(pool));
        assertEq(staking.cooldown(), COOLDOWN);
        assertEq(staking.minimumReviewerStake(), MIN_REVIEWER);
        assertTrue(staking.hasRole(staking.DEFAULT_ADMIN_ROLE(), admin));
        assertTrue(staking.hasRole(staking.SLASHER_ROLE(), slasher));
        assertFalse(staking.hasRole(staking.DEFAULT_ADMIN_ROLE(), address(this)));
        assertEq(staking.SLASHER_ROLE(), keccak256("SLASHER_ROLE"));
        assertEq(staking.totalStaked(), 0);
        assertEq(staking.totalPending(), 0);
    }

    function test_constructor_emitsParameterEvents() public {
        vm.expectEmit();
        emit Staking.CooldownSet(3 days);
        vm.expectEmit();
        emit Staking.MinimumReviewerStakeSet(5e18);
        new Staking(token, pool, admin, 3 days, 5e18);
    }

    function test_constructor_revertsZeroAddress() public {
        vm.expectRevert(Staking.ZeroAddress.selector);
        new Staking(OpenToken(address(0)), pool, admin, COOLDOWN, MIN_REVIEWER);
        vm.expectRevert(Staking.ZeroAddress.selector);
        new Staking(token, IRewardsPool(address(0)), admin, COOLDOWN, MIN_REVIEWER);
        vm.expectRevert(Staking.ZeroAddress.selector);
        new Staking(token, pool, address(0), COOLDOWN, MIN_REVIEWER);
    }

    function test_constructor_revertsBadParameters() public {
        vm.expectRevert(abi.encodeWithSelector(Staking.CooldownTooLong.selector, 366 days, 365 days));
        new Staking(token, pool, admin, 366 days, MIN_REVIEWER);
        vm.expectRevert(Staking.ZeroAmount.selector);
        new Staking(token, pool, admin, COOLDOWN, 0);
    }

    // ── stake ───────────────────────────────────────────────────────────────────────────────────

    function test_stake_pullsTokensAndCredits() public {
        vm.expectEmit(address(staking));
        emit Staking.Staked(alice, 500e18);
        vm.prank(alice);
        staking.stake(500e18);
        vm.prank(alice);
        staking.stake(700e18);

        assertEq(staking.stakeOf(alice), 1_200e18);
        assertEq(staking.totalStaked(), 1_200e18);
        assertEq(token.balanceOf(address(staking)), 1_200e18);
        assertEq(token.balanceOf(alice), SUPPLY / 2 - 1_200e18);
    }

    function test_stake_revertsZeroAmount() public {
        vm.expectRevert(Staking.ZeroAmount.selector);
        vm.prank(alice);
        staking.stake(0);
    }

    function test_stake_revertsWithoutAllowance() public {
        vm.prank(alice);
        assertTrue(token.transfer(stranger, 10e18));
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(staking), 0, 10e18)
        );
        vm.prank(stranger);
        staking.stake(10e18);
    }

    function test_stake_revertsAboveBalance() public {
        vm.prank(stranger);
        token.approve(address(staking), 1);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, stranger, 0, 1));
        vm.prank(stranger);
        staking.stake(1);
    }

    // ── requestUnstake ──────────────────────────────────────────────────────────────────────────

    function test_requestUnstake_movesActiveToPending() public {
        _stake(alice, 1_000e18);
        uint64 unlockAt = uint64(block.timestamp) + COOLDOWN;
        vm.expectEmit(address(staking));
        emit Staking.UnstakeRequested(alice, 400e18, 400e18, unlockAt);
        vm.prank(alice);
        staking.requestUnstake(400e18);

        assertEq(staking.stakeOf(alice), 600e18);
        (uint256 pending, uint64 at) = staking.pendingOf(alice);
        assertEq(pending, 400e18);
        assertEq(at, unlockAt);
        assertEq(staking.totalStaked(), 600e18);
        assertEq(staking.totalPending(), 400e18);
        assertEq(token.balanceOf(address(staking)), 1_000e18);
    }

    function test_requestUnstake_addsUpAndRestartsTheCooldown() public {
        _stake(alice, 1_000e18);
        vm.prank(alice);
        staking.requestUnstake(100e18);
        vm.warp(block.timestamp + 5 days);
        uint64 unlockAt = uint64(block.timestamp) + COOLDOWN;
        vm.expectEmit(address(staking));
        emit Staking.UnstakeRequested(alice, 200e18, 300e18, unlockAt);
        vm.prank(alice);
        staking.requestUnstake(200e18);
        (uint256 pending, uint64 at) = staking.pendingOf(alice);
        assertEq(pending, 300e18);
        assertEq(at, unlockAt);
    }

    function test_requestUnstake_revertsZeroAmount() public {
        _stake(alice, 1e18);
        vm.expectRevert(Staking.ZeroAmount.selector);
        vm.prank(alice);
        staking.requestUnstake(0);
    }

    function test_requestUnstake_revertsInsufficientStake() public {
        _stake(alice, 1e18);
        vm.expectRevert(abi.encodeWithSelector(Staking.InsufficientStake.selector, 1e18, 1e18 + 1));
        vm.prank(alice);
        staking.requestUnstake(1e18 + 1);
        vm.expectRevert(abi.encodeWithSelector(Staking.InsufficientStake.selector, 0, 1));
        vm.prank(bob);
        staking.requestUnstake(1);
    }

    // ── withdraw ────────────────────────────────────────────────────────────────────────────────

    function test_withdraw_afterTheCooldown() public {
        _stake(alice, 1_000e18);
        vm.prank(alice);
        staking.requestUnstake(400e18);
        vm.warp(block.timestamp + COOLDOWN); // exactly at unlockAt
        vm.expectEmit(address(staking));
        emit Staking.Withdrawn(alice, 400e18);
        vm.prank(alice);
        staking.withdraw();

        (uint256 pending, uint64 at) = staking.pendingOf(alice);
        assertEq(pending, 0);
        assertEq(at, 0);
        assertEq(staking.totalPending(), 0);
        assertEq(staking.stakeOf(alice), 600e18);
        assertEq(token.balanceOf(alice), SUPPLY / 2 - 600e18);
        assertEq(token.balanceOf(address(staking)), 600e18);
    }

    function test_withdraw_revertsCooldownActive() public {
        _stake(alice, 1_000e18);
        vm.prank(alice);
        staking.requestUnstake(400e18);
        uint64 unlockAt = uint64(block.timestamp) + COOLDOWN;
        vm.warp(unlockAt - 1);
        vm.expectRevert(abi.encodeWithSelector(Staking.CooldownActive.selector, unlockAt));
        vm.prank(alice);
        staking.withdraw();
    }

    function test_withdraw_revertsNothingPending() public {
        vm.expectRevert(Staking.NothingPending.selector);
        vm.prank(alice);
        staking.withdraw();
        _stake(alice, 1e18);
        vm.expectRevert(Staking.NothingPending.selector);
        vm.prank(alice);
        staking.withdraw();
    }

    function test_withdraw_revertsTheSecondTime() public {
        _stake(alice, 1e18);
        vm.prank(alice);
        staking.requestUnstake(1e18);
        vm.warp(block.timestamp + COOLDOWN);
        vm.prank(alice);
        staking.withdraw();
        vm.expectRevert(Staking.NothingPending.selector);
        vm.prank(alice);
        staking.withdraw();
    }

    function test_cooldownChangeKeepsExistingUnlockTimes() public {
        _stake(alice, 10e18);
        vm.prank(alice);
        staking.requestUnstake(5e18);
        uint64 unlockAt = uint64(block.timestamp) + COOLDOWN;
        vm.prank(admin);
        staking.setCooldown(30 days);
        (, uint64 at) = staking.pendingOf(alice);
        assertEq(at, unlockAt);
        vm.warp(unlockAt);
        vm.prank(alice);
        staking.withdraw();
        // A new request uses the new cooldown.
        vm.prank(alice);
        staking.requestUnstake(5e18);
        (, at) = staking.pendingOf(alice);
        assertEq(at, block.timestamp + 30 days);
    }

    function test_zeroCooldownWithdrawsAtOnce() public {
        vm.prank(admin);
        staking.setCooldown(0);
        _stake(alice, 10e18);
        vm.startPrank(alice);
        staking.requestUnstake(10e18);
        staking.withdraw();
        vm.stopPrank();
        assertEq(token.balanceOf(alice), SUPPLY / 2);
    }

    // ── slash ───────────────────────────────────────────────────────────────────────────────────

    function test_slash_takesActiveFirst() public {
        _stake(alice, 1_000e18);
        vm.prank(alice);
        staking.requestUnstake(300e18);
        bytes32 evidence = keccak256("bad review #12");

        vm.expectEmit(address(staking));
        emit Staking.Slashed(alice, 500e18, evidence, slasher);
        vm.expectEmit(address(pool));
        emit MockRewardsPool.Funded(address(staking), 500e18);
        vm.prank(slasher);
        staking.slash(alice, 500e18, evidence);

        assertEq(staking.stakeOf(alice), 200e18);
        (uint256 pending,) = staking.pendingOf(alice);
        assertEq(pending, 300e18);
        assertEq(staking.totalStaked(), 200e18);
        assertEq(staking.totalPending(), 300e18);
        assertEq(token.balanceOf(address(pool)), 500e18);
        assertEq(pool.totalReceived(), 500e18);
        assertEq(token.balanceOf(address(staking)), 500e18);
        assertEq(token.allowance(address(staking), address(pool)), 0);
    }

    function test_slash_thenPendingKeepingTheUnlockTime() public {
        _stake(alice, 1_000e18);
        vm.prank(alice);
        staking.requestUnstake(300e18);
        uint64 unlockAt = uint64(block.timestamp) + COOLDOWN;
        vm.prank(slasher);
        staking.slash(alice, 800e18, bytes32(0));

        assertEq(staking.stakeOf(alice), 0);
        (uint256 pending, uint64 at) = staking.pendingOf(alice);
        assertEq(pending, 200e18);
        assertEq(at, unlockAt);
        assertEq(staking.totalStaked(), 0);
        assertEq(staking.totalPending(), 200e18);
        assertEq(token.balanceOf(address(pool)), 800e18);
    }

    function test_slash_everythingClearsTheUnlockTime() public {
        _stake(alice, 1_000e18);
        vm.prank(alice);
        staking.requestUnstake(1_000e18);
        vm.prank(slasher);
        staking.slash(alice, 1_000e18, bytes32(0));
        (uint256 pending, uint64 at) = staking.pendingOf(alice);
        assertEq(pending, 0);
        assertEq(at, 0);
        assertEq(token.balanceOf(address(staking)), 0);
        vm.expectRevert(Staking.NothingPending.selector);
        vm.prank(alice);
        staking.withdraw();
    }

    function test_slash_doesNotTouchOtherStakers() public {
        _stake(alice, 100e18);
        _stake(bob, 100e18);
        vm.prank(slasher);
        staking.slash(alice, 100e18, bytes32(0));
        assertEq(staking.stakeOf(bob), 100e18);
        assertEq(staking.totalStaked(), 100e18);
    }

    function test_slash_revertsZeroAmount() public {
        _stake(alice, 1e18);
        vm.expectRevert(Staking.ZeroAmount.selector);
        vm.prank(slasher);
        staking.slash(alice, 0, bytes32(0));
    }

    function test_slash_revertsInsufficientStake() public {
        _stake(alice, 10e18);
        vm.prank(alice);
        staking.requestUnstake(4e18);
        vm.expectRevert(abi.encodeWithSelector(Staking.InsufficientStake.selector, 10e18, 10e18 + 1));
        vm.prank(slasher);
        staking.slash(alice, 10e18 + 1, bytes32(0));
    }

    function test_slash_revertsForNonSlasher() public {
        _stake(alice, 10e18);
        bytes32 role = staking.SLASHER_ROLE();
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, admin, role));
        vm.prank(admin); // not even the admin slashes without the role
        staking.slash(alice, 1e18, bytes32(0));
    }

    function test_slash_revertsIncompleteFunding() public {
        ShortPullPool shortPool = new ShortPullPool(token, 1);
        Staking faulty = new Staking(token, shortPool, admin, COOLDOWN, MIN_REVIEWER);
        bytes32 role = faulty.SLASHER_ROLE();
        vm.prank(admin);
        faulty.grantRole(role, slasher);
        vm.startPrank(alice);
        token.approve(address(faulty), 10e18);
        faulty.stake(10e18);
        vm.stopPrank();

        vm.expectRevert(abi.encodeWithSelector(Staking.IncompleteFunding.selector, 1));
        vm.prank(slasher);
        faulty.slash(alice, 5e18, bytes32(0));
        assertEq(faulty.stakeOf(alice), 10e18);
    }

    function test_slasherRoleIsManagedByTheAdmin() public {
        bytes32 role = staking.SLASHER_ROLE();
        vm.prank(admin);
        staking.revokeRole(role, slasher);
        _stake(alice, 1e18);
        bytes4 unauthorized = IAccessControl.AccessControlUnauthorizedAccount.selector;
        vm.expectRevert(abi.encodeWithSelector(unauthorized, slasher, role));
        vm.prank(slasher);
        staking.slash(alice, 1, bytes32(0));

        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, slasher, staking.DEFAULT_ADMIN_ROLE()
            )
        );
        vm.prank(slasher);
        staking.grantRole(role, slasher);
    }

    // ── Parameters ──────────────────────────────────────────────────────────────────────────────

    function test_setCooldown_byAdmin() public {
        vm.expectEmit(address(staking));
        emit Staking.CooldownSet(14 days);
        vm.prank(admin);
        staking.setCooldown(14 days);
        assertEq(staking.cooldown(), 14 days);
        vm.prank(admin);
        staking.setCooldown(365 days);
        assertEq(staking.cooldown(), 365 days);
    }

    function test_setCooldown_revertsTooLong() public {
        vm.expectRevert(abi.encodeWithSelector(Staking.CooldownTooLong.selector, 365 days + 1, 365 days));
        vm.prank(admin);
        staking.setCooldown(365 days + 1);
    }

    function test_setCooldown_revertsForNonAdmin() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, slasher, staking.DEFAULT_ADMIN_ROLE()
            )
        );
        vm.prank(slasher);
        staking.setCooldown(1);
    }

    function test_setMinimumReviewerStake_byAdmin() public {
        vm.expectEmit(address(staking));
        emit Staking.MinimumReviewerStakeSet(5_000e18);
        vm.prank(admin);
        staking.setMinimumReviewerStake(5_000e18);
        assertEq(staking.minimumReviewerStake(), 5_000e18);
    }

    function test_setMinimumReviewerStake_revertsZero() public {
        vm.expectRevert(Staking.ZeroAmount.selector);
        vm.prank(admin);
        staking.setMinimumReviewerStake(0);
    }

    function test_setMinimumReviewerStake_revertsForNonAdmin() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, staking.DEFAULT_ADMIN_ROLE()
            )
        );
        vm.prank(stranger);
        staking.setMinimumReviewerStake(1);
    }

    // ── isReviewer ──────────────────────────────────────────────────────────────────────────────

    function test_isReviewer_followsActiveStake() public {
        assertFalse(staking.isReviewer(alice));
        _stake(alice, MIN_REVIEWER - 1);
        assertFalse(staking.isReviewer(alice));
        _stake(alice, 1);
        assertTrue(staking.isReviewer(alice)); // exactly the minimum

        vm.prank(alice);
        staking.requestUnstake(1); // pending stake does not count
        assertFalse(staking.isReviewer(alice));

        _stake(alice, 10e18);
        assertTrue(staking.isReviewer(alice));
        vm.prank(slasher);
        staking.slash(alice, 10e18, bytes32(0));
        assertFalse(staking.isReviewer(alice));

        vm.prank(admin);
        staking.setMinimumReviewerStake(1e18);
        assertTrue(staking.isReviewer(alice));
    }

    // ── Fuzz ────────────────────────────────────────────────────────────────────────────────────

    function testFuzz_stakeUnstakeWithdraw(uint256 stakeAmount, uint256 unstakeAmount, uint256 wait) public {
        stakeAmount = bound(stakeAmount, 1, SUPPLY / 2);
        unstakeAmount = bound(unstakeAmount, 1, stakeAmount);
        wait = bound(wait, 0, 2 * COOLDOWN);
        _stake(alice, stakeAmount);
        vm.prank(alice);
        staking.requestUnstake(unstakeAmount);
        uint64 unlockAt = uint64(block.timestamp) + COOLDOWN;
        vm.warp(block.timestamp + wait);

        if (block.timestamp < unlockAt) {
            vm.expectRevert(abi.encodeWithSelector(Staking.CooldownActive.selector, unlockAt));
            vm.prank(alice);
            staking.withdraw();
        } else {
            vm.prank(alice);
            staking.withdraw();
            assertEq(token.balanceOf(alice), SUPPLY / 2 - stakeAmount + unstakeAmount);
        }
        assertEq(staking.stakeOf(alice), stakeAmount - unstakeAmount);
        assertEq(staking.totalStaked() + staking.totalPending(), token.balanceOf(address(staking)));
    }

    function testFuzz_slashSplitsActiveThenPending(uint256 active, uint256 pending, uint256 amount) public {
        active = bound(active, 0, SUPPLY / 4);
        pending = bound(pending, 0, SUPPLY / 4);
        vm.assume(active + pending > 0);
        amount = bound(amount, 1, active + pending);
        _stake(alice, active + pending);
        if (pending != 0) {
            vm.prank(alice);
            staking.requestUnstake(pending);
        }
        vm.prank(slasher);
        staking.slash(alice, amount, keccak256("evidence"));

        uint256 fromActive = amount < active ? amount : active;
        (uint256 pendingAfter,) = staking.pendingOf(alice);
        assertEq(staking.stakeOf(alice), active - fromActive);
        assertEq(pendingAfter, pending - (amount - fromActive));
        assertEq(token.balanceOf(address(pool)), amount);
        assertEq(staking.totalStaked() + staking.totalPending(), token.balanceOf(address(staking)));
    }

    function testFuzz_slashAboveStakeReverts(uint256 staked, uint256 amount) public {
        staked = bound(staked, 0, SUPPLY / 2);
        amount = bound(amount, staked + 1, type(uint256).max);
        if (staked != 0) _stake(alice, staked);
        vm.expectRevert(abi.encodeWithSelector(Staking.InsufficientStake.selector, staked, amount));
        vm.prank(slasher);
        staking.slash(alice, amount, bytes32(0));
    }

    function testFuzz_requestsRestartTheCooldown(uint256 gap, uint64 cooldown) public {
        cooldown = uint64(bound(cooldown, 0, 365 days));
        gap = bound(gap, 0, 400 days);
        vm.prank(admin);
        staking.setCooldown(cooldown);
        _stake(alice, 2e18);
        vm.prank(alice);
        staking.requestUnstake(1e18);
        vm.warp(block.timestamp + gap);
        vm.prank(alice);
        staking.requestUnstake(1e18);
        (uint256 pending, uint64 unlockAt) = staking.pendingOf(alice);
        assertEq(pending, 2e18);
        assertEq(unlockAt, block.timestamp + cooldown);
    }

    function testFuzz_onlyAdminSetsParameters(address caller) public {
        vm.assume(caller != admin);
        bytes memory unauthorized = abi.encodeWithSelector(
            IAccessControl.AccessControlUnauthorizedAccount.selector, caller, staking.DEFAULT_ADMIN_ROLE()
        );
        vm.expectRevert(unauthorized);
        vm.prank(caller);
        staking.setCooldown(1);
        vm.expectRevert(unauthorized);
        vm.prank(caller);
        staking.setMinimumReviewerStake(1);
    }

    function _stake(address account, uint256 amount) internal {
        vm.prank(account);
        staking.stake(amount);
    }
}

contract StakingInvariantTest is StakingTestBase {
    StakingHandler internal handler;
    address[] internal actors;

    function setUp() public {
        actors = new address[](4);
        uint256[] memory amounts = new uint256[](4);
        string[4] memory names = ["staker0", "staker1", "staker2", "staker3"];
        for (uint256 i; i < 4; ++i) {
            actors[i] = makeAddr(names[i]);
            amounts[i] = SUPPLY / 4;
        }
        _deploy(actors, amounts);
        handler = new StakingHandler(token, staking, slasher, admin, actors);
        targetContract(address(handler));
    }

    /// @dev The contract holds exactly the active plus pending stake.
    function invariant_totalsMatchTheBalance() public view {
        assertEq(staking.totalStaked() + staking.totalPending(), token.balanceOf(address(staking)));
    }

    /// @dev Each total is the sum over the accounts.
    function invariant_totalsAreSumsOverAccounts() public view {
        uint256 active;
        uint256 pending;
        for (uint256 i; i < actors.length; ++i) {
            active += staking.stakeOf(actors[i]);
            (uint256 p, uint64 unlockAt) = staking.pendingOf(actors[i]);
            pending += p;
            if (p == 0) assertEq(unlockAt, 0);
        }
        assertEq(staking.totalStaked(), active);
        assertEq(staking.totalPending(), pending);
    }

    /// @dev Everything slashed reached the pool, through its fund().
    function invariant_slashedReachedThePool() public view {
        assertEq(pool.totalReceived(), handler.totalSlashed());
        assertEq(token.balanceOf(address(pool)), handler.totalSlashed());
        assertEq(token.allowance(address(staking), address(pool)), 0);
    }

    /// @dev No OPEN is created or lost: stakers, staking and pool hold the supply.
    function invariant_conservation() public view {
        uint256 held = token.balanceOf(address(staking)) + token.balanceOf(address(pool));
        for (uint256 i; i < actors.length; ++i) {
            held += token.balanceOf(actors[i]);
        }
        assertEq(held, SUPPLY);
        assertEq(
            handler.totalStakedIn(),
            token.balanceOf(address(staking)) + handler.totalWithdrawn() + handler.totalSlashed()
        );
    }
}
