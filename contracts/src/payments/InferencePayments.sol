// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {IRewardsPool} from "../interfaces/IRewardsPool.sol";

/// @title InferencePayments
/// @notice Prepaid OPEN balances for inference. Users deposit OPEN (plain `approve` + {deposit}, or one
/// transaction with an EIP-2612 signature through {depositWithPermit}) and may withdraw whatever has not been
/// spent. The backend's service account (`OPERATOR_ROLE`) settles metered usage in batches with {charge}: each
/// account is debited (never below zero) and the batch total is sent to the rewards pool, which later pays model
/// owners, data contributors, stakers and the protocol.
/// @dev Invariant: `token.balanceOf(address(this)) == totalDeposits == Σ balanceOf(account)`, as long as nobody
/// transfers OPEN to this contract directly (such tokens are not credited to anyone and cannot be recovered).
/// The token must be a plain ERC-20 (no fee on transfer, no rebasing) with EIP-2612 permit, such as OpenToken.
contract InferencePayments is AccessControl, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    // ── Constants and immutables ─────────────────────────────────────────────────────────────

    /// @notice The role allowed to {charge} prepaid balances (the backend's service account).
    bytes32 public constant OPERATOR_ROLE = keccak256("OPERATOR_ROLE");

    /// @notice The OPEN token (ERC-20 with EIP-2612 permit).
    IERC20 public immutable token;

    /// @notice Where charged fees go (the RewardsDistributor).
    IRewardsPool public immutable distributor;

    // ── Storage ──────────────────────────────────────────────────────────────────────────────

    /// @notice The unspent prepaid balance of each account.
    mapping(address account => uint256 balance) public balanceOf;

    /// @notice The sum of all prepaid balances; equals the OPEN held by this contract.
    uint256 public totalDeposits;

    /// @notice The total charged in each settlement epoch (over all batches of that epoch).
    mapping(uint64 epoch => uint256 total) public chargedInEpoch;

    // ── Events ───────────────────────────────────────────────────────────────────────────────

    /// @notice `account` prepaid `amount` OPEN.
    event Deposited(address indexed account, uint256 amount);

    /// @notice `account` withdrew `amount` OPEN of its unspent balance.
    event Withdrawn(address indexed account, uint256 amount);

    /// @notice A batch of `accounts` accounts was charged `total` OPEN in `epoch`; `total` went to the rewards pool.
    event Charged(uint64 indexed epoch, uint256 accounts, uint256 total);

    /// @notice `account` was debited `amount` OPEN in `epoch` (one per account of a {charge} batch, before
    /// {Charged}), so every prepaid balance can be rebuilt from logs alone.
    event AccountCharged(uint64 indexed epoch, address indexed account, uint256 amount);

    // ── Errors ───────────────────────────────────────────────────────────────────────────────

    /// @notice Debiting `amount` from `account` would exceed its `balance`.
    error InsufficientBalance(address account, uint256 balance, uint256 amount);

    /// @notice The permit was rejected (invalid, expired, wrong signer or already used) and the existing
    /// `allowance` of `owner` to this contract does not cover `amount`.
    error PermitFailed(address owner, uint256 allowance, uint256 amount);

    /// @notice A deposit or withdrawal of zero.
    error ZeroAmount();

    /// @notice A constructor argument is the zero address.
    error ZeroAddress();

    /// @notice {charge} got `accounts` and `amounts` arrays of different lengths.
    error LengthMismatch(uint256 accounts, uint256 amounts);

    /// @notice {charge} got no accounts.
    error EmptyBatch();

    // ── Constructor ──────────────────────────────────────────────────────────────────────────

    /// @param token_ The OPEN token (ERC-20 with EIP-2612 permit).
    /// @param distributor_ The rewards pool that receives charged fees.
    /// @param admin Receives `DEFAULT_ADMIN_ROLE` (grants `OPERATOR_ROLE`; the timelock after deployment).
    constructor(IERC20 token_, IRewardsPool distributor_, address admin) {
        if (address(token_) == address(0) || address(distributor_) == address(0) || admin == address(0)) {
            revert ZeroAddress();
        }
        token = token_;
        distributor = distributor_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    // ── User functions ───────────────────────────────────────────────────────────────────────

    /// @notice Prepays `amount` OPEN, pulled from the caller (who must have approved this contract).
    /// @param amount The amount of OPEN wei to deposit; non-zero.
    function deposit(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        _deposit(msg.sender, amount);
    }

    /// @notice Prepays `amount` OPEN in one transaction: applies the caller's EIP-2612 permit for this contract,
    /// then pulls the tokens.
    /// @dev Front-running safe: anyone can submit a permit signature seen in the mempool first, which makes this
    /// contract's own `permit` call revert (nonce used). The revert is therefore ignored when the allowance
    /// already covers `amount`; otherwise the deposit reverts with {PermitFailed}.
    /// @param amount The amount of OPEN wei to deposit (the permit's value); non-zero.
    /// @param deadline The permit's deadline.
    /// @param v The permit signature's `v`.
    /// @param r The permit signature's `r`.
    /// @param s The permit signature's `s`.
    function depositWithPermit(uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        try IERC20Permit(address(token)).permit(msg.sender, address(this), amount, deadline, v, r, s) {}
        catch {
            uint256 allowance = token.allowance(msg.sender, address(this));
            if (allowance < amount) revert PermitFailed(msg.sender, allowance, amount);
        }
        _deposit(msg.sender, amount);
    }

    /// @notice Withdraws `amount` OPEN of the caller's unspent prepaid balance.
    /// @param amount The amount of OPEN wei to withdraw; non-zero and at most {balanceOf}(caller).
    function withdraw(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        uint256 balance = balanceOf[msg.sender];
        if (amount > balance) revert InsufficientBalance(msg.sender, balance, amount);
        unchecked {
            // amount <= balance <= totalDeposits
            balanceOf[msg.sender] = balance - amount;
            totalDeposits -= amount;
        }
        emit Withdrawn(msg.sender, amount);
        token.safeTransfer(msg.sender, amount);
    }

    // ── Operator functions ───────────────────────────────────────────────────────────────────

    /// @notice Debits a batch of prepaid balances for `epoch` and sends the batch total to the rewards pool.
    /// @dev All or nothing: reverts {InsufficientBalance} naming the first account whose charge exceeds its balance
    /// (an account may appear more than once; each entry is checked against what is left). Zero amounts are
    /// allowed. Emits one {AccountCharged} per entry, then {Charged}.
    /// @param epoch The settlement epoch the usage belongs to (several batches may share an epoch).
    /// @param accounts The accounts to debit.
    /// @param amounts The OPEN wei to debit from each account, in the same order.
    function charge(uint64 epoch, address[] calldata accounts, uint256[] calldata amounts)
        external
        onlyRole(OPERATOR_ROLE)
        nonReentrant
    {
        uint256 count = accounts.length;
        if (count == 0) revert EmptyBatch();
        if (count != amounts.length) revert LengthMismatch(count, amounts.length);

        uint256 total;
        for (uint256 i; i < count;) {
            address account = accounts[i];
            uint256 amount = amounts[i];
            uint256 balance = balanceOf[account];
            if (amount > balance) revert InsufficientBalance(account, balance, amount);
            unchecked {
                // amount <= balance; total <= Σ debited balances <= totalDeposits
                balanceOf[account] = balance - amount;
                total += amount;
                ++i;
            }
            emit AccountCharged(epoch, account, amount);
        }

        unchecked {
            totalDeposits -= total; // total <= totalDeposits (see above)
        }
        chargedInEpoch[epoch] += total;
        emit Charged(epoch, count, total);

        if (total != 0) {
            IRewardsPool pool = distributor;
            token.forceApprove(address(pool), total);
            pool.fund(total);
        }
    }

    // ── Internal ─────────────────────────────────────────────────────────────────────────────

    /// @dev Credits `amount` to `account`, then pulls it (checks-effects-interactions; the pull reverts if the
    /// allowance or balance is short, undoing the credit).
    function _deposit(address account, uint256 amount) private {
        totalDeposits += amount;
        unchecked {
            balanceOf[account] += amount; // <= totalDeposits, which did not overflow
        }
        emit Deposited(account, amount);
        token.safeTransferFrom(account, address(this), amount);
    }
}
