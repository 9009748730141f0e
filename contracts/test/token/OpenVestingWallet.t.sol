// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Test} from "../utils/Test.sol";
import {OpenToken} from "../../src/token/OpenToken.sol";
import {OpenVestingWallet} from "../../src/token/OpenVestingWallet.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @dev The deploy's schedule: a 12-month cliff (start = deploy + 365 days), then 36 months linear.
contract OpenVestingWalletTest is Test {
    uint64 internal constant CLIFF = 365 days;
    uint64 internal constant DURATION = 3 * 365 days;
    uint256 internal constant ALLOCATION = 150_000_000e18;

    OpenToken internal token;
    OpenVestingWallet internal wallet;
    address internal beneficiary;
    address internal other;
    uint64 internal deployedAt;
    uint64 internal start;

    function setUp() public {
        beneficiary = makeAddr("beneficiary");
        other = makeAddr("other");
        vm.warp(1_750_000_000);
        deployedAt = uint64(block.timestamp);
        start = deployedAt + CLIFF;
        wallet = new OpenVestingWallet(beneficiary, start, DURATION);

        address[] memory recipients = new address[](2);
        uint256[] memory amounts = new uint256[](2);
        (recipients[0], amounts[0]) = (address(wallet), ALLOCATION);
        (recipients[1], amounts[1]) = (other, 1_000_000_000e18 - ALLOCATION);
        token = new OpenToken(recipients, amounts);
    }

    function test_constructor_setsTheSchedule() public view {
        assertEq(wallet.owner(), beneficiary);
        assertEq(wallet.start(), start);
        assertEq(wallet.duration(), DURATION);
        assertEq(wallet.end(), uint256(start) + DURATION);
        assertEq(token.balanceOf(address(wallet)), ALLOCATION);
    }

    function test_constructor_revertsZeroBeneficiary() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableInvalidOwner.selector, address(0)));
        new OpenVestingWallet(address(0), start, DURATION);
    }

    function test_nothingBeforeTheCliff() public {
        vm.warp(start - 1);
        assertEq(wallet.releasable(address(token)), 0);
        wallet.release(address(token));
        assertEq(token.balanceOf(beneficiary), 0);
        assertEq(token.balanceOf(address(wallet)), ALLOCATION);
    }

    function test_linearAfterTheCliff() public {
        vm.warp(start);
        assertEq(wallet.releasable(address(token)), 0);
        vm.warp(start + 365 days);
        assertEq(wallet.releasable(address(token)), ALLOCATION / 3);
        vm.warp(start + DURATION / 2);
        assertEq(wallet.releasable(address(token)), ALLOCATION / 2);
    }

    function test_release_paysTheBeneficiaryWhoeverCalls() public {
        vm.warp(start + DURATION / 2);
        vm.prank(other);
        wallet.release(address(token));
        assertEq(token.balanceOf(beneficiary), ALLOCATION / 2);
        assertEq(wallet.released(address(token)), ALLOCATION / 2);
        assertEq(wallet.releasable(address(token)), 0);
    }

    function test_everythingAtTheEnd() public {
        vm.warp(start + DURATION / 4);
        wallet.release(address(token));
        vm.warp(start + DURATION + 1 days);
        wallet.release(address(token));
        assertEq(token.balanceOf(beneficiary), ALLOCATION);
        assertEq(token.balanceOf(address(wallet)), 0);
    }

    function test_transferOwnership_redirectsFutureReleases() public {
        vm.warp(start + DURATION / 2);
        wallet.release(address(token));
        vm.prank(beneficiary);
        wallet.transferOwnership(other);
        vm.warp(wallet.end());
        uint256 otherBefore = token.balanceOf(other);
        wallet.release(address(token));
        assertEq(token.balanceOf(other) - otherBefore, ALLOCATION - ALLOCATION / 2);
        assertEq(token.balanceOf(beneficiary), ALLOCATION / 2);
    }

    function test_delegate_givesTheBeneficiaryTheVotesOfTheVestingTokens() public {
        vm.prank(beneficiary);
        wallet.delegate(token, beneficiary);
        assertEq(token.getVotes(beneficiary), ALLOCATION);
        assertEq(token.delegates(address(wallet)), beneficiary);
    }

    function test_delegate_revertsForNonOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, other));
        vm.prank(other);
        wallet.delegate(token, other);
    }

    function test_transferOwnership_revertsForNonOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, other));
        vm.prank(other);
        wallet.transferOwnership(other);
    }

    function testFuzz_vestedAmountIsTheLinearSchedule(uint64 timestamp) public view {
        uint256 vested = wallet.vestedAmount(address(token), timestamp);
        uint256 expected;
        if (timestamp < start) expected = 0;
        else if (timestamp >= start + DURATION) expected = ALLOCATION;
        else expected = ALLOCATION * (timestamp - start) / DURATION;
        assertEq(vested, expected);
    }

    function testFuzz_releasesNeverExceedTheAllocation(uint64 first, uint64 second) public {
        first = uint64(bound(first, deployedAt, start + DURATION + 365 days));
        second = uint64(bound(second, first, start + DURATION + 365 days));
        vm.warp(first);
        wallet.release(address(token));
        uint256 afterFirst = token.balanceOf(beneficiary);
        vm.warp(second);
        wallet.release(address(token));
        uint256 afterSecond = token.balanceOf(beneficiary);
        assertLe(afterFirst, afterSecond);
        assertLe(afterSecond, ALLOCATION);
        assertEq(afterSecond + token.balanceOf(address(wallet)), ALLOCATION);
        assertEq(afterSecond, wallet.vestedAmount(address(token), second));
    }
}
