// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IRewardsPool} from "../../src/interfaces/IRewardsPool.sol";
import {InferencePayments} from "../../src/payments/InferencePayments.sol";
import {RewardsDistributor} from "../../src/rewards/RewardsDistributor.sol";
import {OpenToken} from "../../src/token/OpenToken.sol";
import {MerkleHelper} from "../rewards/MerkleHelper.sol";
import {Test} from "../utils/Test.sol";
import {GasMeter} from "../utils/GasMeter.sol";

/// @notice Setup on the real OpenToken: the whole supply to a treasury, a distributor and payments with a service
/// account holding the operational roles, a user with 1,000 OPEN and a signing key.
abstract contract OpenTokenBase is Test {
    OpenToken internal token;
    RewardsDistributor internal distributor;
    InferencePayments internal payments;

    address internal admin = makeAddr("admin");
    address internal service = makeAddr("service");
    address internal treasury = makeAddr("treasury");
    address internal user;
    uint256 internal userKey;

    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");

    function setUp() public virtual {
        (user, userKey) = makeAddrAndKey("user");
        address[] memory recipients = new address[](1);
        recipients[0] = treasury;
        uint256[] memory amounts = new uint256[](1);
        amounts[0] = 1_000_000_000e18;
        token = new OpenToken(recipients, amounts);

        distributor =
            new RewardsDistributor(IERC20(address(token)), admin, RewardsDistributor.FeeSplit(3000, 5000, 1000, 1000));
        payments = new InferencePayments(IERC20(address(token)), IRewardsPool(address(distributor)), admin);
        vm.startPrank(admin);
        payments.grantRole(payments.OPERATOR_ROLE(), service);
        distributor.grantRole(distributor.SETTLER_ROLE(), service);
        vm.stopPrank();

        vm.prank(treasury);
        token.transfer(user, 1_000 ether);
    }
}

/// @notice The money path on the real OpenToken: permit deposit → charge → epoch root → claims, to the wei.
contract OpenTokenIntegrationTest is OpenTokenBase {
    function test_PermitDepositChargePostClaim() public {
        // Permit deposit, one transaction.
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 structHash =
            keccak256(abi.encode(PERMIT_TYPEHASH, user, address(payments), 250 ether, token.nonces(user), deadline));
        (uint8 v, bytes32 r, bytes32 s) =
            vm.sign(userKey, keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash)));
        vm.prank(user);
        payments.depositWithPermit(250 ether, deadline, v, r, s);
        assertEq(payments.balanceOf(user), 250 ether);

        // Charge 120.5 OPEN in epoch 1: it funds the distributor.
        address[] memory accounts = new address[](1);
        accounts[0] = user;
        uint256[] memory charges = new uint256[](1);
        charges[0] = 120.5 ether;
        vm.prank(service);
        payments.charge(1, accounts, charges);
        assertEq(payments.balanceOf(user), 129.5 ether);
        assertEq(distributor.totalFunded(), 120.5 ether);
        assertEq(token.balanceOf(address(payments)), payments.totalDeposits());

        // Post the epoch's cumulative earnings; the contributor claims exactly once.
        address contributor = makeAddr("contributor");
        address modelOwner = makeAddr("modelOwner");
        address[] memory beneficiaries = new address[](2);
        beneficiaries[0] = contributor;
        beneficiaries[1] = modelOwner;
        uint256[] memory earnings = new uint256[](2);
        earnings[0] = 60.25 ether;
        earnings[1] = 36.15 ether;
        MerkleHelper.Tree memory tree = MerkleHelper.build(beneficiaries, earnings);
        vm.prank(service);
        distributor.postEpoch(1, MerkleHelper.root(tree), 96.4 ether);

        bytes32[] memory proof = MerkleHelper.proof(tree, 0);
        distributor.claim(contributor, 60.25 ether, proof);
        assertEq(token.balanceOf(contributor), 60.25 ether);
        vm.expectRevert(abi.encodeWithSelector(RewardsDistributor.NothingToClaim.selector));
        distributor.claim(contributor, 60.25 ether, proof);
        assertEq(token.balanceOf(address(distributor)), 120.5 ether - 60.25 ether);
    }
}

/// @notice The 90,000 claim budget holds with OPEN itself (ERC20Votes transfer cost): a first-time claimer in a
/// 1,000-account tree (proof of 10), measured after a setUp transaction so every slot is cold (see {GasMeter}).
contract OpenTokenClaimGasTest is OpenTokenBase, GasMeter {
    address internal claimant;
    uint256 internal claimantAmount;
    bytes32[] internal claimantProof;

    function setUp() public override {
        super.setUp();
        uint256 n = 1000;
        address[] memory accounts = new address[](n);
        uint256[] memory amounts = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            accounts[i] = address(uint160(uint256(keccak256(abi.encode("open", i)))));
            amounts[i] = (i + 1) * 1 ether;
        }
        MerkleHelper.Tree memory tree = MerkleHelper.build(accounts, amounts);
        uint256 total = n * (n + 1) / 2 * 1 ether;
        vm.startPrank(treasury);
        token.approve(address(distributor), total);
        distributor.fund(total);
        vm.stopPrank();
        vm.prank(service);
        distributor.postEpoch(1, MerkleHelper.root(tree), total);
        distributor.claim(accounts[0], amounts[0], MerkleHelper.proof(tree, 0));

        claimant = accounts[n - 1];
        claimantAmount = amounts[n - 1];
        claimantProof = MerkleHelper.proof(tree, n - 1);
    }

    function test_Gas_ClaimWithOpenToken() public {
        address account = claimant;
        uint256 amount = claimantAmount;
        bytes32[] memory proof = claimantProof;
        assertEq(proof.length, 10);

        uint256 before = gasleft();
        distributor.claim(account, amount, proof);
        uint256 used = before - gasleft();
        used = _executionGas(used, abi.encodeCall(RewardsDistributor.claim, (account, amount, proof)));

        assertEq(token.balanceOf(account), amount);
        assertLe(used, 90_000, "claim over its gas budget with OpenToken");
        _log("claim gas with OpenToken (first-time claimer, 1,000-account tree, proof of 10)", used);
    }
}
