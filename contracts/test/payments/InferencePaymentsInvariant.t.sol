// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IRewardsPool} from "../../src/interfaces/IRewardsPool.sol";
import {InferencePayments} from "../../src/payments/InferencePayments.sol";
import {RewardsDistributor} from "../../src/rewards/RewardsDistributor.sol";
import {Test} from "../utils/Test.sol";
import {TestToken} from "./TestToken.sol";

/// @notice Drives InferencePayments with bounded random deposits (plain and permit), withdrawals and charge batches
/// from a fixed set of actors, and keeps ghost totals of what went in and out.
contract InferencePaymentsHandler is Test {
    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");
    uint256 internal constant ACTORS = 6;

    TestToken internal immutable token;
    InferencePayments internal immutable payments;
    RewardsDistributor internal immutable distributor;

    address[] public actors;
    uint256[] internal keys;

    uint256 public ghostDeposited;
    uint256 public ghostWithdrawn;
    uint256 public ghostCharged;
    uint64[] public epochsCharged;
    mapping(uint64 epoch => bool) internal seenEpoch;
    /// @dev Set if a charge larger than a balance ever went through.
    bool public ghostOvercharged;
    uint256 public calls;

    constructor(TestToken token_, InferencePayments payments_, RewardsDistributor distributor_) {
        token = token_;
        payments = payments_;
        distributor = distributor_;
        for (uint256 i; i < ACTORS; ++i) {
            (address actor, uint256 key) = makeAddrAndKey(string(abi.encodePacked("payer", bytes1(uint8(65 + i)))));
            actors.push(actor);
            keys.push(key);
            token.mint(actor, 1_000_000 ether);
        }
    }

    function actorCount() external pure returns (uint256) {
        return ACTORS;
    }

    function deposit(uint256 actorSeed, uint256 amount) external {
        address actor = actors[actorSeed % ACTORS];
        uint256 wallet = token.balanceOf(actor);
        if (wallet == 0) return;
        amount = bound(amount, 1, wallet);
        vm.startPrank(actor);
        token.approve(address(payments), amount);
        payments.deposit(amount);
        vm.stopPrank();
        ghostDeposited += amount;
        ++calls;
    }

    function depositWithPermit(uint256 actorSeed, uint256 amount, bool frontRun) external {
        uint256 index = actorSeed % ACTORS;
        address actor = actors[index];
        uint256 wallet = token.balanceOf(actor);
        if (wallet == 0) return;
        amount = bound(amount, 1, wallet);
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 structHash =
            keccak256(abi.encode(PERMIT_TYPEHASH, actor, address(payments), amount, token.nonces(actor), deadline));
        (uint8 v, bytes32 r, bytes32 s) =
            vm.sign(keys[index], keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash)));
        if (frontRun) token.permit(actor, address(payments), amount, deadline, v, r, s);
        vm.prank(actor);
        payments.depositWithPermit(amount, deadline, v, r, s);
        ghostDeposited += amount;
        ++calls;
    }

    function withdraw(uint256 actorSeed, uint256 amount) external {
        address actor = actors[actorSeed % ACTORS];
        uint256 balance = payments.balanceOf(actor);
        if (balance == 0) return;
        amount = bound(amount, 1, balance);
        vm.prank(actor);
        payments.withdraw(amount);
        ghostWithdrawn += amount;
        ++calls;
    }

    /// @dev A batch over a random subset of actors (with repeats) charging random parts of their balances; with
    /// `overdraw`, one entry asks for more than is left, and the whole batch must revert.
    function charge(uint64 epoch, uint256 seed, uint8 size, bool overdraw) external {
        epoch = uint64(bound(epoch, 1, 20));
        uint256 count = bound(size, 1, 8);
        address[] memory accounts = new address[](count);
        uint256[] memory amounts = new uint256[](count);
        uint256[] memory left = new uint256[](ACTORS);
        for (uint256 i; i < ACTORS; ++i) {
            left[i] = payments.balanceOf(actors[i]);
        }
        uint256 total;
        for (uint256 i; i < count; ++i) {
            uint256 index = uint256(keccak256(abi.encode(seed, i))) % ACTORS;
            accounts[i] = actors[index];
            amounts[i] = bound(uint256(keccak256(abi.encode(seed, i, "amount"))), 0, left[index]);
            left[index] -= amounts[i];
            total += amounts[i];
        }
        if (overdraw) {
            // Replace the last entry (giving back what it took) by one asking 1 wei more than is left.
            uint256 last = uint256(keccak256(abi.encode(seed, count - 1))) % ACTORS;
            left[last] += amounts[count - 1];
            uint256 index = uint256(keccak256(abi.encode(seed, "overdraw"))) % ACTORS;
            accounts[count - 1] = actors[index];
            amounts[count - 1] = left[index] + 1;
            try payments.charge(epoch, accounts, amounts) {
                ghostOvercharged = true;
            } catch {}
            return;
        }
        payments.charge(epoch, accounts, amounts);
        ghostCharged += total;
        if (!seenEpoch[epoch]) {
            seenEpoch[epoch] = true;
            epochsCharged.push(epoch);
        }
        ++calls;
    }

    function epochCount() external view returns (uint256) {
        return epochsCharged.length;
    }
}

/// @notice Invariants of InferencePayments under random deposits, permit deposits, withdrawals and charges:
/// solvency, balance accounting, and that every charged wei reached the distributor.
contract InferencePaymentsInvariantTest is Test {
    TestToken internal token;
    RewardsDistributor internal distributor;
    InferencePayments internal payments;
    InferencePaymentsHandler internal handler;

    function setUp() public {
        address admin = makeAddr("admin");
        token = new TestToken();
        distributor =
            new RewardsDistributor(IERC20(address(token)), admin, RewardsDistributor.FeeSplit(3000, 5000, 1000, 1000));
        payments = new InferencePayments(IERC20(address(token)), IRewardsPool(address(distributor)), admin);
        handler = new InferencePaymentsHandler(token, payments, distributor);
        vm.startPrank(admin);
        payments.grantRole(payments.OPERATOR_ROLE(), address(handler));
        vm.stopPrank();

        bytes4[] memory selectors = new bytes4[](4);
        selectors[0] = InferencePaymentsHandler.deposit.selector;
        selectors[1] = InferencePaymentsHandler.depositWithPermit.selector;
        selectors[2] = InferencePaymentsHandler.withdraw.selector;
        selectors[3] = InferencePaymentsHandler.charge.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
        targetContract(address(handler));
    }

    function _sumOfBalances() internal view returns (uint256 sum) {
        uint256 n = handler.actorCount();
        for (uint256 i; i < n; ++i) {
            sum += payments.balanceOf(handler.actors(i));
        }
    }

    /// @dev token.balanceOf(payments) == totalDeposits == Σ balances.
    function invariant_SolventAndBalancesSumToTotal() public view {
        assertEq(token.balanceOf(address(payments)), payments.totalDeposits(), "token balance != totalDeposits");
        assertEq(payments.totalDeposits(), _sumOfBalances(), "totalDeposits != sum of balances");
    }

    /// @dev totalDeposits == deposited − withdrawn − charged.
    function invariant_DepositsAccounting() public view {
        assertEq(
            payments.totalDeposits(),
            handler.ghostDeposited() - handler.ghostWithdrawn() - handler.ghostCharged(),
            "deposit accounting"
        );
    }

    /// @dev Everything charged reached the distributor (counted and held), per-epoch totals add up, and no
    /// allowance is left behind.
    function invariant_ChargedEqualsDistributorReceived() public view {
        uint256 charged = handler.ghostCharged();
        assertEq(distributor.totalFunded(), charged, "distributor totalFunded != charged");
        assertEq(token.balanceOf(address(distributor)), charged, "distributor balance != charged");
        uint256 byEpoch;
        uint256 epochs = handler.epochCount();
        for (uint256 i; i < epochs; ++i) {
            byEpoch += payments.chargedInEpoch(handler.epochsCharged(i));
        }
        assertEq(byEpoch, charged, "sum of chargedInEpoch != charged");
        assertEq(token.allowance(address(payments), address(distributor)), 0, "leftover allowance");
    }

    /// @dev A charge above a balance never went through.
    function invariant_NeverOvercharges() public view {
        assertFalse(handler.ghostOvercharged(), "a charge exceeded a balance");
    }
}
