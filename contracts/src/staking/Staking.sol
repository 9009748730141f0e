// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {IRewardsPool} from "../interfaces/IRewardsPool.sol";
import {OpenToken} from "../token/OpenToken.sol";

/// @title Staking
/// @notice OPEN staking for reviewers. Stake is active until the staker requests to unstake it; it then waits as
/// pending for the cooldown before it can be withdrawn. Both active and pending stake can be slashed by a
/// `SLASHER_ROLE` holder; slashed OPEN goes to the rewards pool. An account with at least the minimum active stake is
/// a reviewer.
/// @dev Invariant: `totalStaked() + totalPending() == token.balanceOf(this)` (absent direct transfers to this contract,
/// which only add an unaccounted surplus), and each total equals the sum over accounts. An account's state fits in one
/// slot (96 + 96 + 64 bits) and both totals plus the cooldown in another: the whole OPEN supply (1e27) is below 2^96.
contract Staking is AccessControl {
    using SafeERC20 for IERC20;

    /// @notice The role allowed to slash.
    bytes32 public constant SLASHER_ROLE = keccak256("SLASHER_ROLE");

    /// @notice The longest cooldown the admin may set, so a parameter change can never lock stake for good.
    uint64 public constant MAX_COOLDOWN = 365 days;

    /// @dev One slot per account.
    struct Account {
        uint96 active;
        uint96 pending;
        uint64 unlockAt;
    }

    /// @notice The staked token (OPEN).
    IERC20 public immutable token;

    /// @notice Where slashed stake is sent (the RewardsDistributor).
    IRewardsPool public immutable rewardsPool;

    uint96 private _totalStaked;
    uint96 private _totalPending;
    uint64 private _cooldown;
    uint256 private _minimumReviewerStake;
    mapping(address account => Account) private _accounts;

    /// @notice `account` staked `amount`.
    event Staked(address indexed account, uint256 amount);

    /// @notice `account` moved `amount` of active stake to pending; its whole pending stake unlocks at `unlockAt`.
    event UnstakeRequested(address indexed account, uint256 amount, uint256 pending, uint64 unlockAt);

    /// @notice `account` withdrew `amount` of unlocked pending stake.
    event Withdrawn(address indexed account, uint256 amount);

    /// @notice `slasher` slashed `amount` of `account`'s stake (active first, then pending) into the rewards pool.
    event Slashed(address indexed account, uint256 amount, bytes32 evidenceHash, address indexed slasher);

    /// @notice The cooldown for new unstake requests changed.
    event CooldownSet(uint64 cooldown);

    /// @notice The minimum active stake of a reviewer changed.
    event MinimumReviewerStakeSet(uint256 minimumReviewerStake);

    /// @notice The pending stake is still cooling down until `unlockAt`.
    error CooldownActive(uint64 unlockAt);
    /// @notice An amount is zero.
    error ZeroAmount();
    /// @notice An address argument is zero.
    error ZeroAddress();
    /// @notice `requested` exceeds the stake `available` for the operation.
    error InsufficientStake(uint256 available, uint256 requested);
    /// @notice The caller has no pending stake to withdraw.
    error NothingPending();
    /// @notice A cooldown above {MAX_COOLDOWN}.
    error CooldownTooLong(uint64 cooldown, uint64 maxCooldown);
    /// @notice The rewards pool did not pull the whole slashed amount; `allowanceLeft` was left unspent.
    error IncompleteFunding(uint256 allowanceLeft);

    /// @param token_ The OPEN token; non-zero.
    /// @param rewardsPool_ Where slashed stake goes; non-zero.
    /// @param admin Receives `DEFAULT_ADMIN_ROLE` (parameters and roles); non-zero.
    /// @param cooldownSeconds The unstake cooldown; at most {MAX_COOLDOWN}.
    /// @param minimumReviewerStake_ The minimum active stake of a reviewer; non-zero.
    constructor(
        OpenToken token_,
        IRewardsPool rewardsPool_,
        address admin,
        uint64 cooldownSeconds,
        uint256 minimumReviewerStake_
    ) {
        if (address(token_) == address(0) || address(rewardsPool_) == address(0) || admin == address(0)) {
            revert ZeroAddress();
        }
        token = IERC20(address(token_));
        rewardsPool = rewardsPool_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _setCooldown(cooldownSeconds);
        _setMinimumReviewerStake(minimumReviewerStake_);
    }

    // ── Staker actions ──────────────────────────────────────────────────────────────────────────

    /// @notice Stakes `amount` OPEN from the caller, who must have approved it.
    /// @param amount The amount; non-zero.
    function stake(uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        uint96 amount96 = SafeCast.toUint96(amount);
        _accounts[msg.sender].active += amount96;
        _totalStaked += amount96;
        emit Staked(msg.sender, amount);
        token.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @notice Moves `amount` of the caller's active stake to pending. Pending stake adds up, and every request
    /// restarts the cooldown of the whole pending amount: it unlocks at `block.timestamp + cooldown()`.
    /// @param amount The amount; non-zero and at most the active stake.
    function requestUnstake(uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        Account storage account = _accounts[msg.sender];
        uint96 active = account.active;
        if (amount > active) revert InsufficientStake(active, amount);
        // casting to 'uint96' is safe because amount <= active, a uint96
        // forge-lint: disable-next-line(unsafe-typecast)
        uint96 amount96 = uint96(amount);
        uint96 pending = account.pending + amount96;
        uint64 unlockAt = uint64(block.timestamp) + _cooldown;
        unchecked {
            account.active = active - amount96;
            _totalStaked -= amount96; // the total is at least this account's active stake
        }
        account.pending = pending;
        account.unlockAt = unlockAt;
        _totalPending += amount96;
        emit UnstakeRequested(msg.sender, amount, pending, unlockAt);
    }

    /// @notice Withdraws the caller's whole pending stake once its cooldown is over.
    function withdraw() external {
        Account storage account = _accounts[msg.sender];
        uint96 pending = account.pending;
        if (pending == 0) revert NothingPending();
        uint64 unlockAt = account.unlockAt;
        // A cooldown is days long: a validator's few seconds of timestamp leeway do not matter.
        // forge-lint: disable-next-line(block-timestamp)
        if (block.timestamp < unlockAt) revert CooldownActive(unlockAt);
        account.pending = 0;
        account.unlockAt = 0;
        unchecked {
            _totalPending -= pending; // the total is at least this account's pending stake
        }
        emit Withdrawn(msg.sender, pending);
        token.safeTransfer(msg.sender, pending);
    }

    // ── Slashing ────────────────────────────────────────────────────────────────────────────────

    /// @notice Slashes `amount` of `account`'s stake, active first and then pending, and funds the rewards pool with
    /// it. `SLASHER_ROLE` only. The pending stake keeps its unlock time (reset to 0 if nothing stays pending).
    /// @param account The slashed staker.
    /// @param amount The amount; non-zero and at most the account's active plus pending stake.
    /// @param evidenceHash A hash of the off-chain evidence, for the record.
    function slash(address account, uint256 amount, bytes32 evidenceHash) external onlyRole(SLASHER_ROLE) {
        if (amount == 0) revert ZeroAmount();
        Account storage staker = _accounts[account];
        uint96 active = staker.active;
        uint96 pending = staker.pending;
        uint256 available = uint256(active) + pending;
        if (amount > available) revert InsufficientStake(available, amount);

        uint96 amount96 = SafeCast.toUint96(amount);
        uint96 fromActive = amount96 > active ? active : amount96;
        unchecked {
            uint96 fromPending = amount96 - fromActive; // <= pending, as amount <= active + pending
            pending -= fromPending;
            _accounts[account] =
                Account({active: active - fromActive, pending: pending, unlockAt: pending == 0 ? 0 : staker.unlockAt});
            _totalStaked -= fromActive; // the totals are at least this account's stakes
            _totalPending -= fromPending;
        }
        emit Slashed(account, amount, evidenceHash, msg.sender);

        IRewardsPool pool = rewardsPool;
        token.forceApprove(address(pool), amount);
        pool.fund(amount);
        uint256 allowanceLeft = token.allowance(address(this), address(pool));
        if (allowanceLeft != 0) revert IncompleteFunding(allowanceLeft);
    }

    // ── Parameters ──────────────────────────────────────────────────────────────────────────────

    /// @notice Sets the cooldown of future unstake requests (pending requests keep their unlock time).
    /// `DEFAULT_ADMIN_ROLE` only.
    /// @param cooldownSeconds The new cooldown; at most {MAX_COOLDOWN}.
    function setCooldown(uint64 cooldownSeconds) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setCooldown(cooldownSeconds);
    }

    /// @notice Sets the minimum active stake of a reviewer. `DEFAULT_ADMIN_ROLE` only.
    /// @param minimumReviewerStake_ The new minimum; non-zero.
    function setMinimumReviewerStake(uint256 minimumReviewerStake_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setMinimumReviewerStake(minimumReviewerStake_);
    }

    // ── Views ───────────────────────────────────────────────────────────────────────────────────

    /// @notice The active stake of `account`.
    /// @param account The staker.
    /// @return The active stake.
    function stakeOf(address account) external view returns (uint256) {
        return _accounts[account].active;
    }

    /// @notice The pending stake of `account` and when it unlocks (0 when nothing is pending).
    /// @param account The staker.
    /// @return amount The pending stake.
    /// @return unlockAt When it can be withdrawn.
    function pendingOf(address account) external view returns (uint256 amount, uint64 unlockAt) {
        Account storage staker = _accounts[account];
        return (staker.pending, staker.unlockAt);
    }

    /// @notice The sum of all active stake.
    /// @return The total.
    function totalStaked() external view returns (uint256) {
        return _totalStaked;
    }

    /// @notice The sum of all pending stake.
    /// @return The total.
    function totalPending() external view returns (uint256) {
        return _totalPending;
    }

    /// @notice Whether `account`'s active stake is at least the minimum reviewer stake.
    /// @param account The staker.
    /// @return True for a reviewer.
    function isReviewer(address account) external view returns (bool) {
        return _accounts[account].active >= _minimumReviewerStake;
    }

    /// @notice The cooldown of new unstake requests, in seconds.
    /// @return The cooldown.
    function cooldown() external view returns (uint64) {
        return _cooldown;
    }

    /// @notice The minimum active stake of a reviewer.
    /// @return The minimum.
    function minimumReviewerStake() external view returns (uint256) {
        return _minimumReviewerStake;
    }

    // ── Internals ───────────────────────────────────────────────────────────────────────────────

    function _setCooldown(uint64 cooldownSeconds) private {
        if (cooldownSeconds > MAX_COOLDOWN) revert CooldownTooLong(cooldownSeconds, MAX_COOLDOWN);
        _cooldown = cooldownSeconds;
        emit CooldownSet(cooldownSeconds);
    }

    function _setMinimumReviewerStake(uint256 minimumReviewerStake_) private {
        if (minimumReviewerStake_ == 0) revert ZeroAmount();
        _minimumReviewerStake = minimumReviewerStake_;
        emit MinimumReviewerStakeSet(minimumReviewerStake_);
    }
}
