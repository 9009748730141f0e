// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

import {RewardsDistributor} from "../../src/rewards/RewardsDistributor.sol";
import {GasMeter} from "../utils/GasMeter.sol";
import {TestToken} from "../payments/TestToken.sol";
import {Test} from "../utils/Test.sol";
import {MerkleHelper} from "./MerkleHelper.sol";

/// @notice Shared setup: a distributor on the test token, an admin, a settler and a funder with OPEN.
abstract contract RewardsDistributorBase is Test {
    TestToken internal token;
    RewardsDistributor internal distributor;

    address internal admin = makeAddr("admin");
    address internal settler = makeAddr("settler");
    address internal funder = makeAddr("funder");
    address internal stranger = makeAddr("stranger");

    bytes32 internal constant SETTLER_ROLE = keccak256("SETTLER_ROLE");
    bytes32 internal constant DEFAULT_ADMIN_ROLE = 0x00;

    function setUp() public virtual {
        token = new TestToken();
        distributor = new RewardsDistributor(IERC20(address(token)), admin, _split(3000, 5000, 1000, 1000));
        vm.prank(admin);
        distributor.grantRole(SETTLER_ROLE, settler);
        token.mint(funder, 1_000_000_000 ether);
        vm.prank(funder);
        token.approve(address(distributor), type(uint256).max);
    }

    function _split(uint16 modelOwner, uint16 contributors, uint16 stakers, uint16 protocol)
        internal
        pure
        returns (RewardsDistributor.FeeSplit memory)
    {
        return RewardsDistributor.FeeSplit(modelOwner, contributors, stakers, protocol);
    }

    function _fund(uint256 amount) internal {
        vm.prank(funder);
        distributor.fund(amount);
    }

    function _post(uint64 epoch, bytes32 root, uint256 allocated) internal {
        vm.prank(settler);
        distributor.postEpoch(epoch, root, allocated);
    }

    function _accounts(uint256 n, string memory salt) internal pure returns (address[] memory accounts) {
        accounts = new address[](n);
        for (uint256 i; i < n; ++i) {
            accounts[i] = address(uint160(uint256(keccak256(abi.encode(salt, i)))));
        }
    }

    function _sum(uint256[] memory amounts) internal pure returns (uint256 total) {
        for (uint256 i; i < amounts.length; ++i) {
            total += amounts[i];
        }
    }

    /// @dev Builds the tree of `(accounts, amounts)`, funds what the tree needs beyond what is funded, posts it.
    function _fundAndPost(uint64 epoch, address[] memory accounts, uint256[] memory amounts)
        internal
        returns (MerkleHelper.Tree memory tree)
    {
        tree = MerkleHelper.build(accounts, amounts);
        uint256 total = _sum(amounts);
        uint256 funded = distributor.totalFunded();
        if (total > funded) _fund(total - funded);
        _post(epoch, MerkleHelper.root(tree), total);
    }
}

/// @notice Unit and fuzz tests of RewardsDistributor: constructor, fund, setFeeSplit, postEpoch, claim, views.
contract RewardsDistributorTest is RewardsDistributorBase {
    // ── Constructor ──────────────────────────────────────────────────────────────────────────

    function test_Constructor_SetsState() public view {
        assertEq(address(distributor.token()), address(token));
        assertTrue(distributor.hasRole(DEFAULT_ADMIN_ROLE, admin));
        assertFalse(distributor.hasRole(DEFAULT_ADMIN_ROLE, address(this)));
        assertTrue(distributor.hasRole(SETTLER_ROLE, settler));
        assertEq(distributor.SETTLER_ROLE(), SETTLER_ROLE);
        RewardsDistributor.FeeSplit memory split = distributor.feeSplit();
        assertEq(split.modelOwnerBps, 3000);
        assertEq(split.contributorsBps, 5000);
        assertEq(split.stakersBps, 1000);
        assertEq(split.protocolBps, 1000);
        assertEq(distributor.currentEpoch(), 0);
        assertEq(distributor.merkleRoot(), bytes32(0));
        assertEq(distributor.totalFunded(), 0);
        assertEq(distributor.totalAllocated(), 0);
        assertEq(distributor.totalClaimed(), 0);
    }

    function test_Constructor_EmitsFeeSplitSet() public {
        vm.expectEmit(false, false, false, true);
        emit RewardsDistributor.FeeSplitSet(_split(10_000, 0, 0, 0));
        new RewardsDistributor(IERC20(address(token)), admin, _split(10_000, 0, 0, 0));
    }

    function test_Constructor_RevertsOnZeroToken() public {
        vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.ZeroAddress.selector));
        new RewardsDistributor(IERC20(address(0)), admin, _split(3000, 5000, 1000, 1000));
    }

    function test_Constructor_RevertsOnZeroAdmin() public {
        vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.ZeroAddress.selector));
        new RewardsDistributor(IERC20(address(token)), address(0), _split(3000, 5000, 1000, 1000));
    }

    function test_Constructor_RevertsOnInvalidSplit() public {
        vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.InvalidSplit.selector));
        new RewardsDistributor(IERC20(address(token)), admin, _split(3000, 5000, 1000, 999));
    }

    // ── fund ─────────────────────────────────────────────────────────────────────────────────

    function test_Fund_PullsTokensAndCounts() public {
        vm.expectEmit(true, false, false, true, address(distributor));
        emit RewardsDistributor.Funded(funder, 100 ether);
        _fund(100 ether);
        _fund(50 ether);
        assertEq(distributor.totalFunded(), 150 ether);
        assertEq(token.balanceOf(address(distributor)), 150 ether);
        assertEq(token.balanceOf(funder), 1_000_000_000 ether - 150 ether);
    }

    function test_Fund_AnyoneMayFund() public {
        token.mint(stranger, 5 ether);
        vm.startPrank(stranger);
        token.approve(address(distributor), 5 ether);
        distributor.fund(5 ether);
        vm.stopPrank();
        assertEq(distributor.totalFunded(), 5 ether);
    }

    function test_Fund_ZeroIsANoOpTransfer() public {
        vm.expectEmit(true, false, false, true, address(distributor));
        emit RewardsDistributor.Funded(stranger, 0);
        vm.prank(stranger);
        distributor.fund(0);
        assertEq(distributor.totalFunded(), 0);
    }

    function test_Fund_RevertsWithoutAllowance() public {
        token.mint(stranger, 5 ether);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(distributor), 0, 5 ether)
        );
        vm.prank(stranger);
        distributor.fund(5 ether);
    }

    function testFuzz_Fund(uint256 a, uint256 b) public {
        a = bound(a, 0, 500_000_000 ether);
        b = bound(b, 0, 500_000_000 ether);
        _fund(a);
        _fund(b);
        assertEq(distributor.totalFunded(), a + b);
        assertEq(token.balanceOf(address(distributor)), a + b);
    }

    // ── setFeeSplit ──────────────────────────────────────────────────────────────────────────

    function test_SetFeeSplit_AdminSetsAndEmits() public {
        RewardsDistributor.FeeSplit memory split = _split(2500, 2500, 2500, 2500);
        vm.expectEmit(false, false, false, true, address(distributor));
        emit RewardsDistributor.FeeSplitSet(split);
        vm.prank(admin);
        distributor.setFeeSplit(split);
        RewardsDistributor.FeeSplit memory stored = distributor.feeSplit();
        assertEq(stored.modelOwnerBps, 2500);
        assertEq(stored.contributorsBps, 2500);
        assertEq(stored.stakersBps, 2500);
        assertEq(stored.protocolBps, 2500);
    }

    function test_SetFeeSplit_RevertsForNonAdmin() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, settler, DEFAULT_ADMIN_ROLE
            )
        );
        vm.prank(settler);
        distributor.setFeeSplit(_split(2500, 2500, 2500, 2500));
    }

    function test_SetFeeSplit_RevertsOnInvalidSplit() public {
        vm.startPrank(admin);
        vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.InvalidSplit.selector));
        distributor.setFeeSplit(_split(2500, 2500, 2500, 2501));
        vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.InvalidSplit.selector));
        distributor.setFeeSplit(_split(0, 0, 0, 0));
        // Would wrap to 10,000 in uint16 arithmetic (4 × 65,535 = 262,140 ≠ 10,000; 65,535 + 10,001 ≡ 10,000).
        vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.InvalidSplit.selector));
        distributor.setFeeSplit(_split(type(uint16).max, 10_001, 0, 0));
        vm.stopPrank();
    }

    function testFuzz_SetFeeSplit(uint16 a, uint16 b, uint16 c, uint16 d) public {
        bool valid = uint256(a) + b + c + d == 10_000;
        if (!valid) vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.InvalidSplit.selector));
        vm.prank(admin);
        distributor.setFeeSplit(_split(a, b, c, d));
        if (valid) assertEq(distributor.feeSplit().protocolBps, d);
    }

    function testFuzz_SetFeeSplit_Valid(uint16 a, uint16 b, uint16 c) public {
        a = uint16(bound(a, 0, 10_000));
        b = uint16(bound(b, 0, 10_000 - a));
        c = uint16(bound(c, 0, 10_000 - a - b));
        uint16 d = 10_000 - a - b - c;
        vm.prank(admin);
        distributor.setFeeSplit(_split(a, b, c, d));
        RewardsDistributor.FeeSplit memory stored = distributor.feeSplit();
        assertEq(
            uint256(stored.modelOwnerBps) + stored.contributorsBps + stored.stakersBps + stored.protocolBps, 10_000
        );
    }

    // ── postEpoch ────────────────────────────────────────────────────────────────────────────

    function test_PostEpoch_StoresAndEmitsWithSplit() public {
        _fund(100 ether);
        vm.expectEmit(true, false, false, true, address(distributor));
        emit RewardsDistributor.EpochPosted(1, keccak256("root1"), 60 ether, _split(3000, 5000, 1000, 1000));
        _post(1, keccak256("root1"), 60 ether);
        assertEq(distributor.currentEpoch(), 1);
        assertEq(distributor.merkleRoot(), keccak256("root1"));
        assertEq(distributor.totalAllocated(), 60 ether);

        // Epochs may skip numbers; equal allocation is allowed; the event carries the split in force.
        vm.prank(admin);
        distributor.setFeeSplit(_split(0, 10_000, 0, 0));
        vm.expectEmit(true, false, false, true, address(distributor));
        emit RewardsDistributor.EpochPosted(7, keccak256("root7"), 60 ether, _split(0, 10_000, 0, 0));
        _post(7, keccak256("root7"), 60 ether);
        assertEq(distributor.currentEpoch(), 7);
        assertEq(distributor.merkleRoot(), keccak256("root7"));
    }

    function test_PostEpoch_AllocationMayEqualFunding() public {
        _fund(100 ether);
        _post(1, keccak256("root"), 100 ether);
        assertEq(distributor.totalAllocated(), 100 ether);
    }

    function test_PostEpoch_RevertsForNonSettler() public {
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, admin, SETTLER_ROLE)
        );
        vm.prank(admin);
        distributor.postEpoch(1, keccak256("root"), 0);
    }

    function test_PostEpoch_RevertsOnEpochZero() public {
        vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.EpochNotIncreasing.selector, uint64(0), uint64(0)));
        _post(0, keccak256("root"), 0);
    }

    function test_PostEpoch_RevertsOnSameOrLowerEpoch() public {
        _post(5, keccak256("root"), 0);
        vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.EpochNotIncreasing.selector, uint64(5), uint64(5)));
        _post(5, keccak256("root2"), 0);
        vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.EpochNotIncreasing.selector, uint64(4), uint64(5)));
        _post(4, keccak256("root2"), 0);
    }

    function test_PostEpoch_RevertsOnEmptyRoot() public {
        vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.EmptyRoot.selector));
        _post(1, bytes32(0), 0);
    }

    function test_PostEpoch_RevertsWhenAllocationExceedsFunding() public {
        _fund(100 ether);
        vm.expectRevert(
            abi.encodeWithSelector(RewardsDistributor.AllocationExceedsFunding.selector, 100 ether + 1, 100 ether)
        );
        _post(1, keccak256("root"), 100 ether + 1);
    }

    function test_PostEpoch_RevertsWhenAllocationDecreases() public {
        _fund(100 ether);
        _post(1, keccak256("root"), 60 ether);
        vm.expectRevert(
            abi.encodeWithSelector(RewardsDistributor.AllocationDecreasing.selector, 60 ether - 1, 60 ether)
        );
        _post(2, keccak256("root2"), 60 ether - 1);
    }

    function testFuzz_PostEpoch_Bounds(uint256 funded, uint256 first, uint256 second, uint64 epoch1, uint64 epoch2)
        public
    {
        funded = bound(funded, 0, 1_000_000_000 ether);
        first = bound(first, 0, funded);
        epoch1 = uint64(bound(epoch1, 1, type(uint64).max));
        _fund(funded);
        _post(epoch1, keccak256("first"), first);

        if (epoch2 <= epoch1) {
            vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.EpochNotIncreasing.selector, epoch2, epoch1));
        } else if (second < first) {
            vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.AllocationDecreasing.selector, second, first));
        } else if (second > funded) {
            vm.expectRevert(
                abi.encodeWithSelector(RewardsDistributor.AllocationExceedsFunding.selector, second, funded)
            );
        }
        _post(epoch2, keccak256("second"), second);
        assertLe(distributor.totalAllocated(), distributor.totalFunded());
    }

    // ── claim ────────────────────────────────────────────────────────────────────────────────

    function _threeAccounts() internal pure returns (address[] memory accounts, uint256[] memory amounts) {
        accounts = _accounts(3, "three");
        amounts = new uint256[](3);
        amounts[0] = 10 ether;
        amounts[1] = 20 ether;
        amounts[2] = 30 ether;
    }

    function test_Claim_PaysAndEmits() public {
        (address[] memory accounts, uint256[] memory amounts) = _threeAccounts();
        MerkleHelper.Tree memory tree = _fundAndPost(1, accounts, amounts);

        vm.expectEmit(true, false, false, true, address(distributor));
        emit RewardsDistributor.Claimed(accounts[1], 20 ether, 20 ether);
        distributor.claim(accounts[1], 20 ether, MerkleHelper.proof(tree, 1));

        assertEq(token.balanceOf(accounts[1]), 20 ether);
        assertEq(distributor.claimed(accounts[1]), 20 ether);
        assertEq(distributor.totalClaimed(), 20 ether);
        assertEq(token.balanceOf(address(distributor)), 40 ether);
    }

    function test_Claim_AnyoneMaySubmitButTheAccountIsPaid() public {
        (address[] memory accounts, uint256[] memory amounts) = _threeAccounts();
        MerkleHelper.Tree memory tree = _fundAndPost(1, accounts, amounts);
        vm.prank(stranger);
        distributor.claim(accounts[2], 30 ether, MerkleHelper.proof(tree, 2));
        assertEq(token.balanceOf(accounts[2]), 30 ether);
        assertEq(token.balanceOf(stranger), 0);
    }

    function test_Claim_SecondClaimWithSameProofReverts() public {
        (address[] memory accounts, uint256[] memory amounts) = _threeAccounts();
        MerkleHelper.Tree memory tree = _fundAndPost(1, accounts, amounts);
        bytes32[] memory proof = MerkleHelper.proof(tree, 0);
        distributor.claim(accounts[0], 10 ether, proof);
        vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.NothingToClaim.selector));
        distributor.claim(accounts[0], 10 ether, proof);
        assertEq(token.balanceOf(accounts[0]), 10 ether);
    }

    function test_Claim_RevertsOnTamperedAmount() public {
        (address[] memory accounts, uint256[] memory amounts) = _threeAccounts();
        MerkleHelper.Tree memory tree = _fundAndPost(1, accounts, amounts);
        bytes32[] memory proof = MerkleHelper.proof(tree, 0);
        vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.InvalidProof.selector));
        distributor.claim(accounts[0], 10 ether + 1, proof);
        vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.InvalidProof.selector));
        distributor.claim(accounts[0], 20 ether, proof); // another leaf's amount
    }

    function test_Claim_RevertsOnTamperedProof() public {
        (address[] memory accounts, uint256[] memory amounts) = _threeAccounts();
        MerkleHelper.Tree memory tree = _fundAndPost(1, accounts, amounts);
        bytes32[] memory proof = MerkleHelper.proof(tree, 0);
        proof[0] = bytes32(uint256(proof[0]) ^ 1);
        vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.InvalidProof.selector));
        distributor.claim(accounts[0], 10 ether, proof);
        vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.InvalidProof.selector));
        distributor.claim(accounts[0], 10 ether, new bytes32[](0));
    }

    function test_Claim_RevertsForAnotherAccountsProof() public {
        (address[] memory accounts, uint256[] memory amounts) = _threeAccounts();
        MerkleHelper.Tree memory tree = _fundAndPost(1, accounts, amounts);
        vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.InvalidProof.selector));
        distributor.claim(stranger, 10 ether, MerkleHelper.proof(tree, 0));
    }

    function test_Claim_RevertsBeforeAnyEpoch() public {
        vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.InvalidProof.selector));
        distributor.claim(stranger, 0, new bytes32[](0));
    }

    function test_Claim_OldRootProofStopsWorking() public {
        (address[] memory accounts, uint256[] memory amounts) = _threeAccounts();
        MerkleHelper.Tree memory first = _fundAndPost(1, accounts, amounts);
        amounts[0] = 15 ether;
        _fundAndPost(2, accounts, amounts);
        vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.InvalidProof.selector));
        distributor.claim(accounts[0], 10 ether, MerkleHelper.proof(first, 0));
    }

    /// @dev A buggy tree whose amounts exceed its posted total pays out at most that total.
    function test_Claim_RevertsWhenTreeExceedsItsAllocation() public {
        (address[] memory accounts, uint256[] memory amounts) = _threeAccounts();
        MerkleHelper.Tree memory tree = MerkleHelper.build(accounts, amounts);
        _fund(60 ether);
        _post(1, MerkleHelper.root(tree), 35 ether); // the tree really sums to 60
        distributor.claim(accounts[2], 30 ether, MerkleHelper.proof(tree, 2));
        vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.ClaimExceedsAllocation.selector, 20 ether, 5 ether));
        distributor.claim(accounts[1], 20 ether, MerkleHelper.proof(tree, 1));
        assertEq(distributor.totalClaimed(), 30 ether);
    }

    /// @dev A tree that lowers an account's cumulative amount below what it claimed pays it nothing more.
    function test_Claim_LowerCumulativeInNewTreeRevertsNothingToClaim() public {
        (address[] memory accounts, uint256[] memory amounts) = _threeAccounts();
        MerkleHelper.Tree memory tree = _fundAndPost(1, accounts, amounts);
        distributor.claim(accounts[2], 30 ether, MerkleHelper.proof(tree, 2));
        amounts[2] = 25 ether;
        amounts[1] = 25 ether;
        tree = _fundAndPost(2, accounts, amounts);
        vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.NothingToClaim.selector));
        distributor.claim(accounts[2], 25 ether, MerkleHelper.proof(tree, 2));
    }

    function test_Claim_ZeroLeafRevertsNothingToClaim() public {
        (address[] memory accounts, uint256[] memory amounts) = _threeAccounts();
        amounts[0] = 0;
        MerkleHelper.Tree memory tree = _fundAndPost(1, accounts, amounts);
        vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.NothingToClaim.selector));
        distributor.claim(accounts[0], 0, MerkleHelper.proof(tree, 0));
    }

    /// @dev Several epochs with growing cumulative amounts: each claim pays exactly the difference, whether the
    /// account claims every epoch or skips some.
    function test_Claim_AcrossEpochsPaysDifferences() public {
        address[] memory accounts = _accounts(5, "epochs");
        uint256[] memory amounts = new uint256[](5);
        uint256[4] memory growth = [uint256(10 ether), 3 ether, 0, 7 ether];

        for (uint64 epoch = 1; epoch <= 4; ++epoch) {
            for (uint256 i; i < 5; ++i) {
                amounts[i] += growth[epoch - 1] * (i + 1);
            }
            MerkleHelper.Tree memory tree = _fundAndPost(epoch, accounts, amounts);

            // Account 0 claims every epoch (nothing new in epoch 3); account 4 only in epochs 2 and 4.
            uint256 before = token.balanceOf(accounts[0]);
            if (growth[epoch - 1] == 0) {
                vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.NothingToClaim.selector));
            }
            distributor.claim(accounts[0], amounts[0], MerkleHelper.proof(tree, 0));
            assertEq(token.balanceOf(accounts[0]) - before, growth[epoch - 1]);
            assertEq(distributor.claimed(accounts[0]), amounts[0]);

            if (epoch % 2 == 0) {
                before = token.balanceOf(accounts[4]);
                uint256 alreadyClaimed = distributor.claimed(accounts[4]);
                vm.expectEmit(true, false, false, true, address(distributor));
                emit RewardsDistributor.Claimed(accounts[4], amounts[4] - alreadyClaimed, amounts[4]);
                distributor.claim(accounts[4], amounts[4], MerkleHelper.proof(tree, 4));
                assertEq(token.balanceOf(accounts[4]) - before, amounts[4] - alreadyClaimed);
            }
        }
        // Account 0: 10 + 3 + 0 + 7 = 20; account 4: 5 × 20 = 100.
        assertEq(token.balanceOf(accounts[0]), 20 ether);
        assertEq(token.balanceOf(accounts[4]), 100 ether);
        assertEq(distributor.totalClaimed(), 120 ether);
        assertEq(distributor.totalAllocated(), 15 * 20 ether);
        assertEq(token.balanceOf(address(distributor)), distributor.totalFunded() - distributor.totalClaimed());
    }

    // ── claim: fuzz ──────────────────────────────────────────────────────────────────────────

    function _randomTree(uint256 n, uint256 seed)
        internal
        pure
        returns (address[] memory accounts, uint256[] memory amounts)
    {
        accounts = _accounts(n, string(abi.encode(seed)));
        amounts = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            amounts[i] = uint256(keccak256(abi.encode(seed, i))) % 1_000_000 ether;
        }
    }

    /// @dev Random trees over several epochs with random growth: every claim pays exactly cumulative − claimed.
    function testFuzz_Claim_MultiEpochPaysExactDifferences(uint256 n, uint256 seed, uint8 epochs) public {
        n = bound(n, 1, 24);
        epochs = uint8(bound(epochs, 1, 5));
        (address[] memory accounts, uint256[] memory amounts) = _randomTree(n, seed);
        for (uint64 epoch = 1; epoch <= epochs; ++epoch) {
            for (uint256 i; i < n; ++i) {
                amounts[i] += uint256(keccak256(abi.encode(seed, epoch, i))) % 100_000 ether;
            }
            MerkleHelper.Tree memory tree = _fundAndPost(epoch * 3, accounts, amounts);
            // A pseudo-random subset claims this epoch.
            for (uint256 i; i < n; ++i) {
                if (uint256(keccak256(abi.encode(seed, "claims", epoch, i))) % 3 == 0) continue;
                uint256 alreadyClaimed = distributor.claimed(accounts[i]);
                uint256 before = token.balanceOf(accounts[i]);
                if (amounts[i] == alreadyClaimed) {
                    vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.NothingToClaim.selector));
                }
                distributor.claim(accounts[i], amounts[i], MerkleHelper.proof(tree, i));
                assertEq(token.balanceOf(accounts[i]) - before, amounts[i] - alreadyClaimed);
                assertEq(token.balanceOf(accounts[i]), amounts[i]);
            }
        }
        assertLe(distributor.totalClaimed(), distributor.totalAllocated());
        assertEq(distributor.totalAllocated(), _sum(amounts));
        assertEq(token.balanceOf(address(distributor)), distributor.totalFunded() - distributor.totalClaimed());
    }

    /// @dev Flipping any bit of any proof element makes the claim revert InvalidProof.
    function testFuzz_Claim_TamperedProofReverts(uint256 n, uint256 seed, uint256 index, uint256 element, uint8 bit)
        public
    {
        n = bound(n, 2, 64);
        index = bound(index, 0, n - 1);
        (address[] memory accounts, uint256[] memory amounts) = _randomTree(n, seed);
        amounts[index] += 1; // non-zero
        MerkleHelper.Tree memory tree = _fundAndPost(1, accounts, amounts);
        bytes32[] memory proof = MerkleHelper.proof(tree, index);
        element = bound(element, 0, proof.length - 1);
        proof[element] = bytes32(uint256(proof[element]) ^ (uint256(1) << bit));
        vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.InvalidProof.selector));
        distributor.claim(accounts[index], amounts[index], proof);
    }

    /// @dev Claiming any other amount, or for any other account, with a valid proof reverts InvalidProof.
    function testFuzz_Claim_TamperedLeafReverts(uint256 n, uint256 seed, uint256 index, uint256 amount, address who)
        public
    {
        n = bound(n, 1, 64);
        index = bound(index, 0, n - 1);
        (address[] memory accounts, uint256[] memory amounts) = _randomTree(n, seed);
        vm.assume(amount != amounts[index]);
        vm.assume(who != accounts[index]);
        MerkleHelper.Tree memory tree = _fundAndPost(1, accounts, amounts);
        bytes32[] memory proof = MerkleHelper.proof(tree, index);
        vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.InvalidProof.selector));
        distributor.claim(accounts[index], amount, proof);
        vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.InvalidProof.selector));
        distributor.claim(who, amounts[index], proof);
    }

    /// @dev Claims submitted at arbitrary times and in arbitrary order never pay more than the current tree says.
    function testFuzz_Claim_TimingAndRepeats(uint256 seed, uint32 delay, uint8 repeats) public {
        (address[] memory accounts, uint256[] memory amounts) = _randomTree(8, seed);
        MerkleHelper.Tree memory tree = _fundAndPost(1, accounts, amounts);
        vm.warp(block.timestamp + delay);
        uint256 index = seed % 8;
        vm.assume(amounts[index] != 0);
        bytes32[] memory proof = MerkleHelper.proof(tree, index);
        distributor.claim(accounts[index], amounts[index], proof);
        repeats = uint8(bound(repeats, 1, 5));
        for (uint256 i; i < repeats; ++i) {
            vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.NothingToClaim.selector));
            distributor.claim(accounts[index], amounts[index], proof);
        }
        assertEq(token.balanceOf(accounts[index]), amounts[index]);
    }
}

/// @notice Gas budget of {RewardsDistributor.claim}: a first-time claimer (no OPEN yet, never claimed) in a tree
/// of 1,000 accounts (proof of 10 siblings) costs at most 90,000 gas.
/// @dev Measured with gasleft() around the external call from the test, after a setUp transaction, so every
/// storage slot and account is cold as in a real transaction. The figure is execution gas: it excludes the
/// transaction's intrinsic gas (21,000 base + calldata bytes; see {GasMeter}). Under plain `forge test` it is
/// slightly pessimistic, since it includes the 2,600-gas cold access to the distributor's address that a real
/// transaction pre-warms (its `to`).
contract RewardsDistributorClaimGasTest is RewardsDistributorBase, GasMeter {
    uint256 internal constant ACCOUNTS = 1000;
    uint256 internal constant CLAIM_BUDGET = 90_000;

    address internal claimant;
    uint256 internal claimantAmount;
    bytes32[] internal claimantProof;

    function setUp() public override {
        super.setUp();
        address[] memory accounts = _accounts(ACCOUNTS, "gas");
        uint256[] memory amounts = new uint256[](ACCOUNTS);
        for (uint256 i; i < ACCOUNTS; ++i) {
            amounts[i] = (i + 1) * 1 ether;
        }
        MerkleHelper.Tree memory tree = _fundAndPost(1, accounts, amounts);
        // Some other accounts already claimed (realistic totals; non-zero totalClaimed slot).
        for (uint256 i; i < 3; ++i) {
            distributor.claim(accounts[i], amounts[i], MerkleHelper.proof(tree, i));
        }
        // The claimant: the last account (depth 10 in a 1,000-leaf tree is the common case: 976 of 1,000).
        uint256 index = ACCOUNTS - 1;
        bytes32[] memory proof = MerkleHelper.proof(tree, index);
        for (; proof.length != 10; proof = MerkleHelper.proof(tree, --index)) {}
        claimant = accounts[index];
        claimantAmount = amounts[index];
        claimantProof = proof;
    }

    function test_Gas_ClaimFirstTimeThousandAccountTree() public {
        address account = claimant;
        uint256 amount = claimantAmount;
        bytes32[] memory proof = claimantProof;
        assertEq(proof.length, 10);

        uint256 before = gasleft();
        distributor.claim(account, amount, proof);
        uint256 used = before - gasleft();
        used = _executionGas(used, abi.encodeCall(RewardsDistributor.claim, (account, amount, proof)));

        assertEq(token.balanceOf(account), amount);
        assertLe(used, CLAIM_BUDGET, "claim over its gas budget");
        _log("claim gas (first-time claimer, 1,000-account tree, proof of 10)", used);
    }
}
