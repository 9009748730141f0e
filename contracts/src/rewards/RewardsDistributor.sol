// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {IRewardsPool} from "../interfaces/IRewardsPool.sol";

/// @title RewardsDistributor
/// @notice The rewards pool. Inference fees (from InferencePayments) and slashed stakes (from Staking) are
/// {fund}ed into it. Each epoch the backend's settler computes, off chain, every beneficiary's cumulative reward
/// (model owners, data contributors, stakers, protocol, split by {feeSplit}) and posts the Merkle root of
/// `(account, cumulativeAmount)` leaves with {postEpoch}. Anyone may then {claim} for an account against the
/// current root; the account receives its cumulative amount minus what it already claimed.
/// @dev Leaves follow OpenZeppelin's StandardMerkleTree for `["address", "uint256"]`:
/// `keccak256(bytes.concat(keccak256(abi.encode(account, cumulativeAmount))))`, sorted-pair hashing.
/// Invariants: `totalClaimed <= totalAllocated <= totalFunded` and
/// `token.balanceOf(address(this)) >= totalFunded - totalClaimed` (equal unless OPEN is sent directly).
/// Because amounts are cumulative and `claimed` only grows, a proof never pays twice, and an older root's
/// proofs stop working as soon as a new root is posted.
contract RewardsDistributor is AccessControl, ReentrancyGuardTransient, IRewardsPool {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    // ── Types ────────────────────────────────────────────────────────────────────────────────

    /// @notice How fees are split between beneficiaries, in basis points summing to 10,000. Informational for
    /// the off-chain settlement (and recorded with each epoch); claims follow the posted tree.
    struct FeeSplit {
        uint16 modelOwnerBps;
        uint16 contributorsBps;
        uint16 stakersBps;
        uint16 protocolBps;
    }

    // ── Constants and immutables ─────────────────────────────────────────────────────────────

    /// @notice The role allowed to {postEpoch} (the backend's service account).
    bytes32 public constant SETTLER_ROLE = keccak256("SETTLER_ROLE");

    /// @notice The basis-point total a {FeeSplit} must reach.
    uint256 public constant BPS_DENOMINATOR = 10_000;

    /// @notice The OPEN token.
    IERC20 public immutable token;

    // ── Storage ──────────────────────────────────────────────────────────────────────────────

    /// @dev The fee split (one slot: 4 × uint16).
    FeeSplit private _feeSplit;

    /// @dev The latest posted epoch (0 before the first).
    uint64 private _currentEpoch;

    /// @dev The Merkle root of the latest posted epoch.
    bytes32 private _merkleRoot;

    /// @dev Everything ever funded.
    uint256 private _totalFunded;

    /// @dev Sum of all cumulative amounts of the latest tree, and everything claimed. One slot: a claim reads
    /// both and writes the latter. Both are bounded by `_totalFunded`, far below 2^128 for an 18-decimal token.
    uint128 private _totalAllocated;
    uint128 private _totalClaimed;

    /// @dev What each account has claimed so far (its cumulative amount at its last claim).
    mapping(address account => uint256 amount) private _claimed;

    // ── Events ───────────────────────────────────────────────────────────────────────────────

    /// @notice `from` funded the pool with `amount` OPEN.
    event Funded(address indexed from, uint256 amount);

    /// @notice The fee split changed to `split`.
    event FeeSplitSet(FeeSplit split);

    /// @notice Epoch `epoch` was posted with Merkle `root`, whose cumulative amounts sum to `totalAllocated`,
    /// settled under `split`.
    event EpochPosted(uint64 indexed epoch, bytes32 root, uint256 totalAllocated, FeeSplit split);

    /// @notice `account` received `amount` OPEN, bringing its claimed total to `cumulativeAmount`.
    event Claimed(address indexed account, uint256 amount, uint256 cumulativeAmount);

    // ── Errors ───────────────────────────────────────────────────────────────────────────────

    /// @notice The fee split's basis points do not sum to 10,000.
    error InvalidSplit();

    /// @notice `epoch` is not above the current epoch `currentEpoch`.
    error EpochNotIncreasing(uint64 epoch, uint64 currentEpoch);

    /// @notice The posted `totalAllocated` exceeds everything funded (`totalFunded`).
    error AllocationExceedsFunding(uint256 totalAllocated, uint256 totalFunded);

    /// @notice The posted `totalAllocated` is below the previous epoch's `previousTotalAllocated`.
    error AllocationDecreasing(uint256 totalAllocated, uint256 previousTotalAllocated);

    /// @notice A posted root of zero.
    error EmptyRoot();

    /// @notice The proof does not prove `(account, cumulativeAmount)` against the current root.
    error InvalidProof();

    /// @notice The account already claimed its cumulative amount (or more).
    error NothingToClaim();

    /// @notice Paying `amount` would exceed the allocation not yet claimed (`unclaimedAllocation`): the posted
    /// tree's amounts sum to more than its `totalAllocated`.
    error ClaimExceedsAllocation(uint256 amount, uint256 unclaimedAllocation);

    /// @notice A constructor argument is the zero address.
    error ZeroAddress();

    // ── Constructor ──────────────────────────────────────────────────────────────────────────

    /// @param token_ The OPEN token.
    /// @param admin Receives `DEFAULT_ADMIN_ROLE` (sets the fee split, grants `SETTLER_ROLE`; the timelock after
    /// deployment).
    /// @param initialSplit The initial fee split; must sum to 10,000 bps.
    constructor(IERC20 token_, address admin, FeeSplit memory initialSplit) {
        if (address(token_) == address(0) || admin == address(0)) revert ZeroAddress();
        token = token_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _setFeeSplit(initialSplit);
    }

    // ── Funding ──────────────────────────────────────────────────────────────────────────────

    /// @inheritdoc IRewardsPool
    /// @dev Anyone may fund; the caller must have approved `amount`. Zero is accepted (a no-op transfer).
    function fund(uint256 amount) external nonReentrant {
        _totalFunded += amount;
        emit Funded(msg.sender, amount);
        token.safeTransferFrom(msg.sender, address(this), amount);
    }

    // ── Governance ───────────────────────────────────────────────────────────────────────────

    /// @notice Sets the fee split used by subsequent settlements.
    /// @param split The new split; its basis points must sum to 10,000.
    function setFeeSplit(FeeSplit calldata split) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setFeeSplit(split);
    }

    // ── Settlement ───────────────────────────────────────────────────────────────────────────

    /// @notice Posts a new epoch's Merkle root of cumulative rewards, replacing the previous root.
    /// @param epoch The epoch number; strictly above {currentEpoch} (so the first epoch is at least 1).
    /// @param root The Merkle root of `(address account, uint256 cumulativeAmount)` leaves; non-zero.
    /// @param newTotalAllocated The sum of all cumulative amounts in the tree: not below the previous epoch's and
    /// not above {totalFunded}.
    function postEpoch(uint64 epoch, bytes32 root, uint256 newTotalAllocated) external onlyRole(SETTLER_ROLE) {
        uint64 previousEpoch = _currentEpoch;
        if (epoch <= previousEpoch) revert EpochNotIncreasing(epoch, previousEpoch);
        if (root == bytes32(0)) revert EmptyRoot();
        uint256 previousAllocated = _totalAllocated;
        if (newTotalAllocated < previousAllocated) {
            revert AllocationDecreasing(newTotalAllocated, previousAllocated);
        }
        uint256 funded = _totalFunded;
        if (newTotalAllocated > funded) revert AllocationExceedsFunding(newTotalAllocated, funded);

        _currentEpoch = epoch;
        _merkleRoot = root;
        _totalAllocated = newTotalAllocated.toUint128();
        emit EpochPosted(epoch, root, newTotalAllocated, _feeSplit);
    }

    // ── Claims ───────────────────────────────────────────────────────────────────────────────

    /// @notice Pays `account` the part of `cumulativeAmount` it has not claimed yet. Anyone may submit; the
    /// tokens always go to `account`.
    /// @param account The beneficiary in the current tree.
    /// @param cumulativeAmount The account's cumulative amount in the current tree.
    /// @param proof The StandardMerkleTree proof of `(account, cumulativeAmount)` against {merkleRoot}.
    function claim(address account, uint256 cumulativeAmount, bytes32[] calldata proof) external nonReentrant {
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(account, cumulativeAmount))));
        if (!MerkleProof.verifyCalldata(proof, _merkleRoot, leaf)) revert InvalidProof();

        uint256 alreadyClaimed = _claimed[account];
        if (cumulativeAmount <= alreadyClaimed) revert NothingToClaim();
        uint256 amount;
        unchecked {
            amount = cumulativeAmount - alreadyClaimed;
        }
        uint256 claimedTotal = _totalClaimed;
        uint256 unclaimed;
        unchecked {
            unclaimed = _totalAllocated - claimedTotal; // totalClaimed <= totalAllocated always holds
        }
        if (amount > unclaimed) revert ClaimExceedsAllocation(amount, unclaimed);

        _claimed[account] = cumulativeAmount;
        unchecked {
            _totalClaimed = uint128(claimedTotal + amount); // <= totalAllocated, a uint128
        }
        emit Claimed(account, amount, cumulativeAmount);
        token.safeTransfer(account, amount);
    }

    // ── Views ────────────────────────────────────────────────────────────────────────────────

    /// @notice The latest posted epoch (0 before the first).
    function currentEpoch() external view returns (uint64) {
        return _currentEpoch;
    }

    /// @notice The Merkle root claims are checked against (zero before the first epoch).
    function merkleRoot() external view returns (bytes32) {
        return _merkleRoot;
    }

    /// @notice Everything ever funded into the pool.
    function totalFunded() external view returns (uint256) {
        return _totalFunded;
    }

    /// @notice The sum of all cumulative amounts in the current tree.
    function totalAllocated() external view returns (uint256) {
        return _totalAllocated;
    }

    /// @notice Everything claimed so far.
    function totalClaimed() external view returns (uint256) {
        return _totalClaimed;
    }

    /// @notice What `account` has claimed so far.
    function claimed(address account) external view returns (uint256) {
        return _claimed[account];
    }

    /// @notice The current fee split.
    function feeSplit() external view returns (FeeSplit memory) {
        return _feeSplit;
    }

    // ── Internal ─────────────────────────────────────────────────────────────────────────────

    /// @dev Validates (sum of 10,000 bps, computed without uint16 overflow) and stores `split`.
    function _setFeeSplit(FeeSplit memory split) private {
        uint256 sum = uint256(split.modelOwnerBps) + split.contributorsBps + split.stakersBps + split.protocolBps;
        if (sum != BPS_DENOMINATOR) revert InvalidSplit();
        _feeSplit = split;
        emit FeeSplitSet(split);
    }
}
