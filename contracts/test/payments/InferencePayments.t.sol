// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {IRewardsPool} from "../../src/interfaces/IRewardsPool.sol";
import {InferencePayments} from "../../src/payments/InferencePayments.sol";
import {RewardsDistributor} from "../../src/rewards/RewardsDistributor.sol";
import {Test} from "../utils/Test.sol";
import {GasMeter} from "../utils/GasMeter.sol";
import {TestToken} from "./TestToken.sol";

/// @notice Shared setup: payments funding a real RewardsDistributor, on the test token; an operator; users with
/// signing keys and OPEN.
abstract contract InferencePaymentsBase is Test {
    TestToken internal token;
    RewardsDistributor internal distributor;
    InferencePayments internal payments;

    address internal admin = makeAddr("admin");
    address internal operator = makeAddr("operator");
    address internal alice;
    uint256 internal aliceKey;
    address internal bob;
    uint256 internal bobKey;
    address internal mallory;
    uint256 internal malloryKey;

    bytes32 internal constant OPERATOR_ROLE = keccak256("OPERATOR_ROLE");
    bytes32 internal constant DEFAULT_ADMIN_ROLE = 0x00;
    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");
    uint256 internal constant INITIAL = 1_000_000 ether;

    function setUp() public virtual {
        (alice, aliceKey) = makeAddrAndKey("alice");
        (bob, bobKey) = makeAddrAndKey("bob");
        (mallory, malloryKey) = makeAddrAndKey("mallory");

        token = new TestToken();
        distributor =
            new RewardsDistributor(IERC20(address(token)), admin, RewardsDistributor.FeeSplit(3000, 5000, 1000, 1000));
        payments = new InferencePayments(IERC20(address(token)), IRewardsPool(address(distributor)), admin);
        vm.prank(admin);
        payments.grantRole(OPERATOR_ROLE, operator);

        token.mint(alice, INITIAL);
        token.mint(bob, INITIAL);
        token.mint(mallory, INITIAL);
    }

    function _deposit(address account, uint256 amount) internal {
        vm.startPrank(account);
        token.approve(address(payments), amount);
        payments.deposit(amount);
        vm.stopPrank();
    }

    function _signPermit(uint256 key, address owner, uint256 value, uint256 nonce, uint256 deadline)
        internal
        view
        returns (uint8 v, bytes32 r, bytes32 s)
    {
        bytes32 structHash = keccak256(abi.encode(PERMIT_TYPEHASH, owner, address(payments), value, nonce, deadline));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash));
        (v, r, s) = vm.sign(key, digest);
    }

    function _one(address account) internal pure returns (address[] memory accounts) {
        accounts = new address[](1);
        accounts[0] = account;
    }

    function _two(address a, address b) internal pure returns (address[] memory accounts) {
        accounts = new address[](2);
        accounts[0] = a;
        accounts[1] = b;
    }

    function _amounts(uint256 a) internal pure returns (uint256[] memory amounts) {
        amounts = new uint256[](1);
        amounts[0] = a;
    }

    function _amounts(uint256 a, uint256 b) internal pure returns (uint256[] memory amounts) {
        amounts = new uint256[](2);
        amounts[0] = a;
        amounts[1] = b;
    }

    function _charge(uint64 epoch, address[] memory accounts, uint256[] memory amounts) internal {
        vm.prank(operator);
        payments.charge(epoch, accounts, amounts);
    }

    function _assertSolvent() internal view {
        assertEq(token.balanceOf(address(payments)), payments.totalDeposits(), "balance != totalDeposits");
    }
}

/// @notice Unit and fuzz tests of InferencePayments: constructor, deposit, depositWithPermit, withdraw, charge.
contract InferencePaymentsTest is InferencePaymentsBase {
    // ── Constructor ──────────────────────────────────────────────────────────────────────────

    function test_Constructor_SetsState() public view {
        assertEq(address(payments.token()), address(token));
        assertEq(address(payments.distributor()), address(distributor));
        assertTrue(payments.hasRole(DEFAULT_ADMIN_ROLE, admin));
        assertFalse(payments.hasRole(DEFAULT_ADMIN_ROLE, address(this)));
        assertTrue(payments.hasRole(OPERATOR_ROLE, operator));
        assertEq(payments.OPERATOR_ROLE(), OPERATOR_ROLE);
        assertEq(payments.totalDeposits(), 0);
    }

    function test_Constructor_RevertsOnZeroAddresses() public {
        IERC20 t = IERC20(address(token));
        IRewardsPool d = IRewardsPool(address(distributor));
        vm.expectRevert(abi.encodeWithSelector(InferencePayments.ZeroAddress.selector));
        new InferencePayments(IERC20(address(0)), d, admin);
        vm.expectRevert(abi.encodeWithSelector(InferencePayments.ZeroAddress.selector));
        new InferencePayments(t, IRewardsPool(address(0)), admin);
        vm.expectRevert(abi.encodeWithSelector(InferencePayments.ZeroAddress.selector));
        new InferencePayments(t, d, address(0));
    }

    // ── deposit ──────────────────────────────────────────────────────────────────────────────

    function test_Deposit_CreditsAndEmits() public {
        vm.startPrank(alice);
        token.approve(address(payments), 100 ether);
        vm.expectEmit(true, false, false, true, address(payments));
        emit InferencePayments.Deposited(alice, 100 ether);
        payments.deposit(100 ether);
        vm.stopPrank();

        assertEq(payments.balanceOf(alice), 100 ether);
        assertEq(payments.totalDeposits(), 100 ether);
        assertEq(token.balanceOf(alice), INITIAL - 100 ether);
        _assertSolvent();
    }

    function test_Deposit_RevertsOnZero() public {
        vm.expectRevert(abi.encodeWithSelector(InferencePayments.ZeroAmount.selector));
        vm.prank(alice);
        payments.deposit(0);
    }

    function test_Deposit_RevertsWithoutAllowance() public {
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(payments), 0, 1 ether)
        );
        vm.prank(alice);
        payments.deposit(1 ether);
    }

    function test_Deposit_RevertsBeyondWalletBalance() public {
        vm.startPrank(alice);
        token.approve(address(payments), INITIAL + 1);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, alice, INITIAL, INITIAL + 1)
        );
        payments.deposit(INITIAL + 1);
        vm.stopPrank();
    }

    function testFuzz_Deposit(uint256 a, uint256 b) public {
        a = bound(a, 1, INITIAL / 2);
        b = bound(b, 1, INITIAL / 2);
        _deposit(alice, a);
        _deposit(bob, b);
        _deposit(alice, b);
        assertEq(payments.balanceOf(alice), a + b);
        assertEq(payments.balanceOf(bob), b);
        assertEq(payments.totalDeposits(), a + 2 * b);
        _assertSolvent();
    }

    // ── depositWithPermit ────────────────────────────────────────────────────────────────────

    function test_DepositWithPermit_Valid() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(aliceKey, alice, 100 ether, 0, deadline);
        vm.expectEmit(true, false, false, true, address(payments));
        emit InferencePayments.Deposited(alice, 100 ether);
        vm.prank(alice);
        payments.depositWithPermit(100 ether, deadline, v, r, s);

        assertEq(payments.balanceOf(alice), 100 ether);
        assertEq(token.nonces(alice), 1);
        assertEq(token.allowance(alice, address(payments)), 0);
        _assertSolvent();
    }

    /// @dev Someone copies the signature from the mempool and submits the permit first: the deposit still works.
    function test_DepositWithPermit_FrontRunPermitDoesNotBlock() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(aliceKey, alice, 100 ether, 0, deadline);
        vm.prank(mallory);
        token.permit(alice, address(payments), 100 ether, deadline, v, r, s);

        vm.prank(alice);
        payments.depositWithPermit(100 ether, deadline, v, r, s);
        assertEq(payments.balanceOf(alice), 100 ether);
        assertEq(token.allowance(alice, address(payments)), 0);
    }

    /// @dev Replaying a used signature: works only while a (separate) allowance covers the amount.
    function test_DepositWithPermit_ReplayNeedsRemainingAllowance() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(aliceKey, alice, 100 ether, 0, deadline);
        vm.prank(alice);
        payments.depositWithPermit(100 ether, deadline, v, r, s);

        // Allowance used up: the replay's permit fails (nonce used) and the deposit reverts.
        vm.expectRevert(abi.encodeWithSelector(InferencePayments.PermitFailed.selector, alice, 0, 100 ether));
        vm.prank(alice);
        payments.depositWithPermit(100 ether, deadline, v, r, s);

        // With a remaining allowance the replay's failed permit is ignored and the deposit goes through.
        vm.prank(alice);
        token.approve(address(payments), 150 ether);
        vm.prank(alice);
        payments.depositWithPermit(100 ether, deadline, v, r, s);
        assertEq(payments.balanceOf(alice), 200 ether);
        assertEq(token.allowance(alice, address(payments)), 50 ether);

        // Only 50 left: replaying for 100 reverts, naming the allowance.
        vm.expectRevert(abi.encodeWithSelector(InferencePayments.PermitFailed.selector, alice, 50 ether, 100 ether));
        vm.prank(alice);
        payments.depositWithPermit(100 ether, deadline, v, r, s);
        assertEq(token.nonces(alice), 1);
        _assertSolvent();
    }

    function test_DepositWithPermit_RevertsWhenExpired() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(aliceKey, alice, 100 ether, 0, deadline);
        vm.warp(deadline + 1);
        // The permit itself is rejected as expired ...
        vm.expectRevert(abi.encodeWithSelector(ERC20Permit.ERC2612ExpiredSignature.selector, deadline));
        token.permit(alice, address(payments), 100 ether, deadline, v, r, s);
        // ... so the deposit reverts.
        vm.expectRevert(abi.encodeWithSelector(InferencePayments.PermitFailed.selector, alice, 0, 100 ether));
        vm.prank(alice);
        payments.depositWithPermit(100 ether, deadline, v, r, s);
        assertEq(payments.balanceOf(alice), 0);
    }

    function test_DepositWithPermit_ExpiredButAllowanceSuffices() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(aliceKey, alice, 100 ether, 0, deadline);
        vm.warp(deadline + 1);
        vm.prank(alice);
        token.approve(address(payments), 100 ether);
        vm.prank(alice);
        payments.depositWithPermit(100 ether, deadline, v, r, s);
        assertEq(payments.balanceOf(alice), 100 ether);
    }

    function test_DepositWithPermit_RevertsForWrongSigner() public {
        uint256 deadline = block.timestamp + 1 hours;
        // Signed by mallory's key for alice's tokens.
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(malloryKey, alice, 100 ether, 0, deadline);
        vm.expectRevert(abi.encodeWithSelector(ERC20Permit.ERC2612InvalidSigner.selector, mallory, alice));
        token.permit(alice, address(payments), 100 ether, deadline, v, r, s);
        vm.expectRevert(abi.encodeWithSelector(InferencePayments.PermitFailed.selector, alice, 0, 100 ether));
        vm.prank(alice);
        payments.depositWithPermit(100 ether, deadline, v, r, s);
    }

    /// @dev A permit signed by alice cannot be used by anyone else: the permit is applied to the caller.
    function test_DepositWithPermit_SomeoneElsesSignatureReverts() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(aliceKey, alice, 100 ether, 0, deadline);
        vm.expectRevert(abi.encodeWithSelector(InferencePayments.PermitFailed.selector, mallory, 0, 100 ether));
        vm.prank(mallory);
        payments.depositWithPermit(100 ether, deadline, v, r, s);
        assertEq(token.balanceOf(alice), INITIAL);
        assertEq(token.nonces(alice), 0);
    }

    function test_DepositWithPermit_RevertsForOtherAmount() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(aliceKey, alice, 100 ether, 0, deadline);
        vm.expectRevert(abi.encodeWithSelector(InferencePayments.PermitFailed.selector, alice, 0, 101 ether));
        vm.prank(alice);
        payments.depositWithPermit(101 ether, deadline, v, r, s);
    }

    function test_DepositWithPermit_RevertsOnZero() public {
        vm.expectRevert(abi.encodeWithSelector(InferencePayments.ZeroAmount.selector));
        vm.prank(alice);
        payments.depositWithPermit(0, block.timestamp, 0, bytes32(0), bytes32(0));
    }

    /// @dev Fuzzed amount, deadline and submission time: succeeds iff the permit is still valid.
    function testFuzz_DepositWithPermit_Timing(uint256 amount, uint32 validFor, uint32 delay) public {
        amount = bound(amount, 1, INITIAL);
        uint256 deadline = block.timestamp + validFor;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(aliceKey, alice, amount, 0, deadline);
        vm.warp(block.timestamp + delay);
        bool valid = block.timestamp <= deadline;
        if (!valid) {
            vm.expectRevert(abi.encodeWithSelector(InferencePayments.PermitFailed.selector, alice, 0, amount));
        }
        vm.prank(alice);
        payments.depositWithPermit(amount, deadline, v, r, s);
        assertEq(payments.balanceOf(alice), valid ? amount : 0);
        _assertSolvent();
    }

    /// @dev Fuzzed pre-existing allowance with an unusable (replayed) permit: succeeds iff the allowance covers.
    function testFuzz_DepositWithPermit_FallbackAllowance(uint256 amount, uint256 allowance) public {
        amount = bound(amount, 1, INITIAL);
        allowance = bound(allowance, 0, INITIAL);
        uint256 deadline = block.timestamp + 1 days;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(aliceKey, alice, amount, 0, deadline);
        vm.prank(alice);
        token.permit(alice, address(payments), amount, deadline, v, r, s); // use the nonce
        vm.prank(alice);
        token.approve(address(payments), allowance);
        if (allowance < amount) {
            vm.expectRevert(abi.encodeWithSelector(InferencePayments.PermitFailed.selector, alice, allowance, amount));
        }
        vm.prank(alice);
        payments.depositWithPermit(amount, deadline, v, r, s);
        assertEq(payments.balanceOf(alice), allowance < amount ? 0 : amount);
    }

    // ── withdraw ─────────────────────────────────────────────────────────────────────────────

    function test_Withdraw_PaysAndEmits() public {
        _deposit(alice, 100 ether);
        vm.expectEmit(true, false, false, true, address(payments));
        emit InferencePayments.Withdrawn(alice, 40 ether);
        vm.prank(alice);
        payments.withdraw(40 ether);
        assertEq(payments.balanceOf(alice), 60 ether);
        assertEq(payments.totalDeposits(), 60 ether);
        assertEq(token.balanceOf(alice), INITIAL - 60 ether);
        _assertSolvent();
    }

    function test_Withdraw_All() public {
        _deposit(alice, 100 ether);
        vm.prank(alice);
        payments.withdraw(100 ether);
        assertEq(payments.balanceOf(alice), 0);
        assertEq(token.balanceOf(alice), INITIAL);
        assertEq(token.balanceOf(address(payments)), 0);
    }

    function test_Withdraw_RevertsBeyondBalance() public {
        _deposit(alice, 100 ether);
        _deposit(bob, 100 ether);
        vm.expectRevert(
            abi.encodeWithSelector(InferencePayments.InsufficientBalance.selector, alice, 100 ether, 100 ether + 1)
        );
        vm.prank(alice);
        payments.withdraw(100 ether + 1);
    }

    function test_Withdraw_RevertsOnSpentBalance() public {
        _deposit(alice, 100 ether);
        _charge(1, _one(alice), _amounts(30 ether));
        vm.expectRevert(
            abi.encodeWithSelector(InferencePayments.InsufficientBalance.selector, alice, 70 ether, 100 ether)
        );
        vm.prank(alice);
        payments.withdraw(100 ether);
        vm.prank(alice);
        payments.withdraw(70 ether);
        assertEq(token.balanceOf(alice), INITIAL - 30 ether);
    }

    function test_Withdraw_RevertsOnZero() public {
        vm.expectRevert(abi.encodeWithSelector(InferencePayments.ZeroAmount.selector));
        vm.prank(alice);
        payments.withdraw(0);
    }

    function testFuzz_DepositWithdraw(uint256 deposited, uint256 withdrawn) public {
        deposited = bound(deposited, 1, INITIAL);
        withdrawn = bound(withdrawn, 1, type(uint256).max);
        _deposit(alice, deposited);
        if (withdrawn > deposited) {
            vm.expectRevert(
                abi.encodeWithSelector(InferencePayments.InsufficientBalance.selector, alice, deposited, withdrawn)
            );
        }
        vm.prank(alice);
        payments.withdraw(withdrawn);
        uint256 left = withdrawn > deposited ? deposited : deposited - withdrawn;
        assertEq(payments.balanceOf(alice), left);
        assertEq(token.balanceOf(alice), INITIAL - left);
        _assertSolvent();
    }

    // ── charge ───────────────────────────────────────────────────────────────────────────────

    function test_Charge_DebitsFundsAndEmits() public {
        _deposit(alice, 100 ether);
        _deposit(bob, 50 ether);

        vm.expectEmit(true, true, false, true, address(payments));
        emit InferencePayments.AccountCharged(7, alice, 30 ether);
        vm.expectEmit(true, true, false, true, address(payments));
        emit InferencePayments.AccountCharged(7, bob, 50 ether);
        vm.expectEmit(true, false, false, true, address(payments));
        emit InferencePayments.Charged(7, 2, 80 ether);
        vm.expectEmit(true, false, false, true, address(distributor));
        emit RewardsDistributor.Funded(address(payments), 80 ether);
        _charge(7, _two(alice, bob), _amounts(30 ether, 50 ether));

        assertEq(payments.balanceOf(alice), 70 ether);
        assertEq(payments.balanceOf(bob), 0);
        assertEq(payments.totalDeposits(), 70 ether);
        assertEq(payments.chargedInEpoch(7), 80 ether);
        assertEq(distributor.totalFunded(), 80 ether);
        assertEq(token.balanceOf(address(distributor)), 80 ether);
        assertEq(token.allowance(address(payments), address(distributor)), 0);
        _assertSolvent();
    }

    function test_Charge_AccumulatesPerEpoch() public {
        _deposit(alice, 100 ether);
        _charge(1, _one(alice), _amounts(10 ether));
        _charge(1, _one(alice), _amounts(5 ether));
        _charge(2, _one(alice), _amounts(1 ether));
        assertEq(payments.chargedInEpoch(1), 15 ether);
        assertEq(payments.chargedInEpoch(2), 1 ether);
        assertEq(payments.chargedInEpoch(3), 0);
        assertEq(distributor.totalFunded(), 16 ether);
    }

    function test_Charge_RevertsForNonOperator() public {
        _deposit(alice, 100 ether);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, admin, OPERATOR_ROLE)
        );
        vm.prank(admin);
        payments.charge(1, _one(alice), _amounts(1 ether));
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, OPERATOR_ROLE)
        );
        vm.prank(alice);
        payments.charge(1, _one(alice), _amounts(1 ether));
    }

    /// @dev The whole batch reverts, naming the account that would go negative, and nothing is debited.
    function test_Charge_RevertsNamingTheAccountOverItsBalance() public {
        _deposit(alice, 100 ether);
        _deposit(bob, 50 ether);
        vm.expectRevert(
            abi.encodeWithSelector(InferencePayments.InsufficientBalance.selector, bob, 50 ether, 50 ether + 1)
        );
        _charge(1, _two(alice, bob), _amounts(10 ether, 50 ether + 1));
        assertEq(payments.balanceOf(alice), 100 ether);
        assertEq(payments.totalDeposits(), 150 ether);
        assertEq(payments.chargedInEpoch(1), 0);
        assertEq(distributor.totalFunded(), 0);
    }

    function test_Charge_RevertsForAccountWithoutDeposit() public {
        vm.expectRevert(abi.encodeWithSelector(InferencePayments.InsufficientBalance.selector, mallory, 0, 1));
        _charge(1, _one(mallory), _amounts(1));
    }

    /// @dev A repeated account is checked against what its earlier entries left.
    function test_Charge_RepeatedAccountCannotOverdraw() public {
        _deposit(alice, 100 ether);
        vm.expectRevert(
            abi.encodeWithSelector(InferencePayments.InsufficientBalance.selector, alice, 40 ether, 41 ether)
        );
        _charge(1, _two(alice, alice), _amounts(60 ether, 41 ether));
        _charge(1, _two(alice, alice), _amounts(60 ether, 40 ether));
        assertEq(payments.balanceOf(alice), 0);
        assertEq(distributor.totalFunded(), 100 ether);
    }

    function test_Charge_RevertsOnLengthMismatch() public {
        vm.expectRevert(abi.encodeWithSelector(InferencePayments.LengthMismatch.selector, 2, 1));
        _charge(1, _two(alice, bob), _amounts(1));
    }

    function test_Charge_RevertsOnEmptyBatch() public {
        vm.expectRevert(abi.encodeWithSelector(InferencePayments.EmptyBatch.selector));
        _charge(1, new address[](0), new uint256[](0));
    }

    function test_Charge_ZeroTotalDoesNotFund() public {
        _deposit(alice, 100 ether);
        vm.expectEmit(true, false, false, true, address(payments));
        emit InferencePayments.Charged(3, 2, 0);
        _charge(3, _two(alice, bob), _amounts(0, 0));
        assertEq(payments.balanceOf(alice), 100 ether);
        assertEq(distributor.totalFunded(), 0);
        assertEq(token.allowance(address(payments), address(distributor)), 0);
    }

    /// @dev The pool is called last and cannot re-enter payments.
    function test_Charge_PoolCannotReenter() public {
        ReentrantPool pool = new ReentrantPool();
        InferencePayments guarded = new InferencePayments(IERC20(address(token)), IRewardsPool(address(pool)), admin);
        pool.setTarget(guarded);
        vm.prank(admin);
        guarded.grantRole(OPERATOR_ROLE, operator);
        vm.startPrank(alice);
        token.approve(address(guarded), 100 ether);
        guarded.deposit(100 ether);
        vm.stopPrank();

        vm.expectRevert(abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector));
        vm.prank(operator);
        guarded.charge(1, _one(alice), _amounts(10 ether));
    }

    /// @dev Random batches never charge more than a balance, and what leaves equals what the distributor gets.
    function testFuzz_Charge(uint256[4] memory deposits, uint256[4] memory charges, uint64 epoch) public {
        address[] memory accounts = new address[](4);
        uint256[] memory amounts = new uint256[](4);
        bool over;
        uint256 firstOver;
        uint256 total;
        for (uint256 i; i < 4; ++i) {
            accounts[i] = address(uint160(0xA000 + i));
            deposits[i] = bound(deposits[i], 1, INITIAL);
            token.mint(accounts[i], deposits[i]);
            _deposit(accounts[i], deposits[i]);
            amounts[i] = bound(charges[i], 0, deposits[i] + deposits[i] / 8); // sometimes over the balance
            if (amounts[i] > deposits[i] && !over) {
                over = true;
                firstOver = i;
            }
            total += amounts[i];
        }
        uint256 depositsTotal = payments.totalDeposits();
        if (over) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    InferencePayments.InsufficientBalance.selector,
                    accounts[firstOver],
                    deposits[firstOver],
                    amounts[firstOver]
                )
            );
        }
        _charge(epoch, accounts, amounts);
        if (over) {
            assertEq(payments.totalDeposits(), depositsTotal);
            assertEq(distributor.totalFunded(), 0);
        } else {
            for (uint256 i; i < 4; ++i) {
                assertEq(payments.balanceOf(accounts[i]), deposits[i] - amounts[i]);
            }
            assertEq(payments.totalDeposits(), depositsTotal - total);
            assertEq(payments.chargedInEpoch(epoch), total);
            assertEq(distributor.totalFunded(), total);
            assertEq(token.balanceOf(address(distributor)), total);
        }
        _assertSolvent();
    }
}

/// @notice A rewards pool that tries to re-enter payments when funded.
contract ReentrantPool is IRewardsPool {
    InferencePayments internal target;

    function setTarget(InferencePayments target_) external {
        target = target_;
    }

    function fund(uint256) external {
        target.withdraw(1);
    }
}

/// @notice Gas budget of {InferencePayments.charge}: a batch of 100 accounts costs at most 30,000 gas per account.
/// @dev Measured with gasleft() around the external call from the test, after a setUp transaction, so the accounts'
/// balance slots, the token and the distributor are cold as in a real transaction. The figure is execution gas: it
/// excludes the transaction's intrinsic gas (21,000 base + calldata bytes, ~6,500 bytes for 100 accounts; see
/// {GasMeter}). Under plain `forge test` it includes the 2,600-gas cold access to the payments address that a real
/// transaction pre-warms.
contract InferencePaymentsChargeGasTest is InferencePaymentsBase, GasMeter {
    uint256 internal constant ACCOUNTS = 100;
    uint256 internal constant PER_ACCOUNT_BUDGET = 30_000;

    address[] internal batch;
    uint256[] internal batchAmounts;

    function setUp() public override {
        super.setUp();
        for (uint256 i; i < ACCOUNTS; ++i) {
            address account = address(uint160(uint256(keccak256(abi.encode("payer", i)))));
            token.mint(account, 100 ether);
            vm.startPrank(account);
            token.approve(address(payments), 100 ether);
            payments.deposit(100 ether);
            vm.stopPrank();
            batch.push(account);
            batchAmounts.push(1 ether + i * 1e15);
        }
        // The distributor has been funded before (realistic: non-zero totals and balance).
        _deposit(alice, 1 ether);
        _charge(1, _one(alice), _amounts(1 ether));
    }

    function test_Gas_ChargeBatchOfHundred() public {
        address[] memory accounts = batch;
        uint256[] memory amounts = batchAmounts;
        vm.prank(operator);
        uint256 before = gasleft();
        payments.charge(2, accounts, amounts);
        uint256 used = before - gasleft();
        used = _executionGas(used, abi.encodeCall(InferencePayments.charge, (2, accounts, amounts)));

        assertEq(payments.balanceOf(accounts[99]), 100 ether - amounts[99]);
        uint256 perAccount = used / ACCOUNTS;
        assertLe(perAccount, PER_ACCOUNT_BUDGET, "charge over its per-account gas budget");
        _log("charge gas, batch of 100 (total)", used);
        _log("charge gas, batch of 100 (per account)", perAccount);
    }
}
