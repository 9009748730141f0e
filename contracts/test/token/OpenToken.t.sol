// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Test} from "../utils/Test.sol";
import {OpenToken} from "../../src/token/OpenToken.sol";
import {OpenTokenHandler} from "./OpenTokenHandler.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {Votes} from "@openzeppelin/contracts/governance/utils/Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

abstract contract OpenTokenTestBase is Test {
    uint256 internal constant SUPPLY = 1_000_000_000e18;
    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");
    bytes32 internal constant DELEGATION_TYPEHASH =
        keccak256("Delegation(address delegatee,uint256 nonce,uint256 expiry)");

    function _permitDigest(
        OpenToken token,
        address owner,
        address spender,
        uint256 value,
        uint256 nonce,
        uint256 deadline
    ) internal view returns (bytes32) {
        bytes32 structHash = keccak256(abi.encode(PERMIT_TYPEHASH, owner, spender, value, nonce, deadline));
        return keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash));
    }

    function _signPermit(
        OpenToken token,
        uint256 key,
        address owner,
        address spender,
        uint256 value,
        uint256 nonce,
        uint256 deadline
    ) internal view returns (uint8 v, bytes32 r, bytes32 s) {
        (v, r, s) = vm.sign(key, _permitDigest(token, owner, spender, value, nonce, deadline));
    }
}

contract OpenTokenTest is OpenTokenTestBase {
    OpenToken internal token;
    address internal community;
    address internal team;
    address internal alice;
    uint256 internal aliceKey;
    address internal bob;
    uint256 internal bobKey;
    address internal spender;

    function setUp() public {
        community = makeAddr("community");
        team = makeAddr("team");
        (alice, aliceKey) = makeAddrAndKey("alice");
        (bob, bobKey) = makeAddrAndKey("bob");
        spender = makeAddr("spender");

        address[] memory recipients = new address[](3);
        uint256[] memory amounts = new uint256[](3);
        (recipients[0], amounts[0]) = (community, 600_000_000e18);
        (recipients[1], amounts[1]) = (team, 399_000_000e18);
        (recipients[2], amounts[2]) = (alice, 1_000_000e18);
        vm.warp(1_700_000_000);
        token = new OpenToken(recipients, amounts);
    }

    // ── Constructor and metadata ────────────────────────────────────────────────────────────────

    function test_metadata() public view {
        assertEq(token.name(), "OpenLedger");
        assertEq(token.symbol(), "OPEN");
        assertEq(token.decimals(), 18);
        assertEq(token.TOTAL_SUPPLY(), SUPPLY);
    }

    function test_constructor_mintsTheAllocation() public view {
        assertEq(token.totalSupply(), SUPPLY);
        assertEq(token.balanceOf(community), 600_000_000e18);
        assertEq(token.balanceOf(team), 399_000_000e18);
        assertEq(token.balanceOf(alice), 1_000_000e18);
    }

    function test_constructor_emitsMintTransfers() public {
        address[] memory recipients = new address[](2);
        uint256[] memory amounts = new uint256[](2);
        (recipients[0], amounts[0]) = (alice, SUPPLY - 1);
        (recipients[1], amounts[1]) = (alice, 1); // repeats add up
        vm.expectEmit();
        emit IERC20Transfer.Transfer(address(0), alice, SUPPLY - 1);
        vm.expectEmit();
        emit IERC20Transfer.Transfer(address(0), alice, 1);
        OpenToken repeated = new OpenToken(recipients, amounts);
        assertEq(repeated.balanceOf(alice), SUPPLY);
    }

    function test_constructor_revertsLengthMismatch() public {
        address[] memory recipients = new address[](2);
        uint256[] memory amounts = new uint256[](1);
        vm.expectRevert(OpenToken.LengthMismatch.selector);
        new OpenToken(recipients, amounts);
    }

    function test_constructor_revertsZeroRecipient() public {
        address[] memory recipients = new address[](2);
        uint256[] memory amounts = new uint256[](2);
        (recipients[0], amounts[0]) = (alice, SUPPLY / 2);
        (recipients[1], amounts[1]) = (address(0), SUPPLY / 2);
        vm.expectRevert(OpenToken.ZeroRecipient.selector);
        new OpenToken(recipients, amounts);
    }

    function test_constructor_revertsAllocationMismatch() public {
        address[] memory recipients = new address[](2);
        uint256[] memory amounts = new uint256[](2);
        (recipients[0], amounts[0]) = (alice, SUPPLY / 2);
        (recipients[1], amounts[1]) = (bob, SUPPLY / 2 - 1);
        vm.expectRevert(abi.encodeWithSelector(OpenToken.AllocationMismatch.selector, SUPPLY - 1));
        new OpenToken(recipients, amounts);

        amounts[1] = SUPPLY / 2 + 1;
        vm.expectRevert(abi.encodeWithSelector(OpenToken.AllocationMismatch.selector, SUPPLY + 1));
        new OpenToken(recipients, amounts);

        vm.expectRevert(abi.encodeWithSelector(OpenToken.AllocationMismatch.selector, 0));
        new OpenToken(new address[](0), new uint256[](0));
    }

    function test_noMintFunction() public {
        (bool ok,) = address(token).call(abi.encodeWithSignature("mint(address,uint256)", alice, 1));
        assertFalse(ok);
        assertEq(token.totalSupply(), SUPPLY);
    }

    // ── ERC20 ───────────────────────────────────────────────────────────────────────────────────

    function test_transfer() public {
        vm.prank(alice);
        assertTrue(token.transfer(bob, 10e18));
        assertEq(token.balanceOf(bob), 10e18);
        assertEq(token.balanceOf(alice), 1_000_000e18 - 10e18);
    }

    function test_transfer_revertsInsufficientBalance() public {
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, bob, 0, 1));
        vm.prank(bob);
        token.transfer(alice, 1);
    }

    function test_approveAndTransferFrom() public {
        vm.prank(alice);
        token.approve(spender, 5e18);
        vm.prank(spender);
        assertTrue(token.transferFrom(alice, bob, 3e18));
        assertEq(token.allowance(alice, spender), 2e18);
        assertEq(token.balanceOf(bob), 3e18);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, spender, 2e18, 3e18));
        vm.prank(spender);
        token.transferFrom(alice, bob, 3e18);
    }

    // ── Burning ─────────────────────────────────────────────────────────────────────────────────

    function test_burn_reducesSupplyAndVotes() public {
        vm.prank(alice);
        token.delegate(alice);
        vm.prank(alice);
        token.burn(400e18);
        assertEq(token.totalSupply(), SUPPLY - 400e18);
        assertEq(token.balanceOf(alice), 1_000_000e18 - 400e18);
        assertEq(token.getVotes(alice), 1_000_000e18 - 400e18);
        vm.warp(block.timestamp + 1);
        assertEq(token.getPastTotalSupply(block.timestamp - 1), SUPPLY - 400e18);
    }

    function test_burnFrom_spendsAllowance() public {
        vm.prank(alice);
        token.approve(spender, 100e18);
        vm.prank(spender);
        token.burnFrom(alice, 60e18);
        assertEq(token.allowance(alice, spender), 40e18);
        assertEq(token.totalSupply(), SUPPLY - 60e18);
    }

    function test_burnFrom_revertsWithoutAllowance() public {
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, spender, 0, 1));
        vm.prank(spender);
        token.burnFrom(alice, 1);
    }

    function test_burn_revertsAboveBalance() public {
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, bob, 0, 1));
        vm.prank(bob);
        token.burn(1);
    }

    // ── Votes (timestamp clock) ─────────────────────────────────────────────────────────────────

    function test_clockIsTheTimestamp() public {
        assertEq(token.clock(), 1_700_000_000);
        assertEq(token.CLOCK_MODE(), "mode=timestamp");
        vm.warp(1_800_000_000);
        vm.roll(block.number + 5);
        assertEq(token.clock(), 1_800_000_000);
    }

    function test_votesNeedDelegation() public {
        assertEq(token.getVotes(alice), 0);
        vm.prank(alice);
        token.delegate(bob);
        assertEq(token.delegates(alice), bob);
        assertEq(token.getVotes(bob), 1_000_000e18);
        assertEq(token.getVotes(alice), 0);
    }

    function test_votesAreCheckpointedByTimestamp() public {
        vm.prank(alice);
        token.delegate(alice);
        uint256 t0 = block.timestamp;
        vm.warp(t0 + 100);
        vm.prank(alice);
        assertTrue(token.transfer(bob, 250_000e18));
        vm.warp(t0 + 200);

        assertEq(token.getPastVotes(alice, t0), 1_000_000e18);
        assertEq(token.getPastVotes(alice, t0 + 99), 1_000_000e18);
        assertEq(token.getPastVotes(alice, t0 + 100), 750_000e18);
        assertEq(token.getPastTotalSupply(t0 + 150), SUPPLY);
    }

    function test_getPastVotes_revertsFutureLookup() public {
        vm.expectRevert(
            abi.encodeWithSelector(Votes.ERC5805FutureLookup.selector, block.timestamp, uint48(block.timestamp))
        );
        token.getPastVotes(alice, block.timestamp);
    }

    function test_delegateBySig_sharesThePermitNonce() public {
        uint256 expiry = block.timestamp + 1 hours;
        bytes32 structHash = keccak256(abi.encode(DELEGATION_TYPEHASH, bob, 0, expiry));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(aliceKey, digest);
        token.delegateBySig(bob, 0, expiry, v, r, s);
        assertEq(token.delegates(alice), bob);
        assertEq(token.nonces(alice), 1);

        // A permit signed for nonce 0 is now stale.
        (v, r, s) = _signPermit(token, aliceKey, alice, spender, 1, 0, expiry);
        vm.expectPartialRevert(ERC20Permit.ERC2612InvalidSigner.selector);
        token.permit(alice, spender, 1, expiry, v, r, s);
    }

    function test_delegateBySig_revertsReplay() public {
        uint256 expiry = block.timestamp + 1 hours;
        bytes32 structHash = keccak256(abi.encode(DELEGATION_TYPEHASH, bob, 0, expiry));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(aliceKey, digest);
        token.delegateBySig(bob, 0, expiry, v, r, s);
        vm.expectRevert(abi.encodeWithSelector(Nonces.InvalidAccountNonce.selector, alice, 1));
        token.delegateBySig(bob, 0, expiry, v, r, s);
    }

    // ── Permit ──────────────────────────────────────────────────────────────────────────────────

    function test_permit_validSignatureSetsAllowance() public {
        uint256 deadline = block.timestamp + 1 days;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(token, aliceKey, alice, spender, 500e18, 0, deadline);
        assertEq(token.DOMAIN_SEPARATOR(), _domainFromDigestCheck());

        vm.expectEmit(address(token));
        emit IERC20Transfer.Approval(alice, spender, 500e18);
        vm.prank(bob); // anyone may submit
        token.permit(alice, spender, 500e18, deadline, v, r, s);
        assertEq(token.allowance(alice, spender), 500e18);
        assertEq(token.nonces(alice), 1);

        vm.prank(spender);
        assertTrue(token.transferFrom(alice, spender, 500e18));
        assertEq(token.balanceOf(spender), 500e18);
    }

    function test_permit_atTheDeadline() public {
        uint256 deadline = block.timestamp;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(token, aliceKey, alice, spender, 1, 0, deadline);
        token.permit(alice, spender, 1, deadline, v, r, s);
        assertEq(token.allowance(alice, spender), 1);
    }

    function test_permit_revertsReplay() public {
        uint256 deadline = block.timestamp + 1 days;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(token, aliceKey, alice, spender, 500e18, 0, deadline);
        token.permit(alice, spender, 500e18, deadline, v, r, s);

        // The same signature now recovers to an unrelated address, as the nonce moved on.
        address recovered = ecrecover(_permitDigest(token, alice, spender, 500e18, 1, deadline), v, r, s);
        assertNotEq(recovered, alice);
        vm.expectRevert(abi.encodeWithSelector(ERC20Permit.ERC2612InvalidSigner.selector, recovered, alice));
        token.permit(alice, spender, 500e18, deadline, v, r, s);
    }

    function test_permit_revertsExpired() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(token, aliceKey, alice, spender, 1, 0, deadline);
        vm.warp(deadline + 1);
        vm.expectRevert(abi.encodeWithSelector(ERC20Permit.ERC2612ExpiredSignature.selector, deadline));
        token.permit(alice, spender, 1, deadline, v, r, s);
    }

    function test_permit_revertsOtherSigner() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(token, bobKey, alice, spender, 1, 0, deadline);
        vm.expectRevert(abi.encodeWithSelector(ERC20Permit.ERC2612InvalidSigner.selector, bob, alice));
        token.permit(alice, spender, 1, deadline, v, r, s);
    }

    function test_permit_revertsAlteredValue() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(token, aliceKey, alice, spender, 1, 0, deadline);
        address recovered = ecrecover(_permitDigest(token, alice, spender, 2, 0, deadline), v, r, s);
        vm.expectRevert(abi.encodeWithSelector(ERC20Permit.ERC2612InvalidSigner.selector, recovered, alice));
        token.permit(alice, spender, 2, deadline, v, r, s);
    }

    // ── Fuzz ────────────────────────────────────────────────────────────────────────────────────

    function testFuzz_constructor_anySplitOfTheSupply(address a, address b, uint256 amountA) public {
        vm.assume(a != address(0) && b != address(0) && a != b);
        amountA = bound(amountA, 0, SUPPLY);
        address[] memory recipients = new address[](2);
        uint256[] memory amounts = new uint256[](2);
        (recipients[0], amounts[0]) = (a, amountA);
        (recipients[1], amounts[1]) = (b, SUPPLY - amountA);
        OpenToken fuzzed = new OpenToken(recipients, amounts);
        assertEq(fuzzed.totalSupply(), SUPPLY);
        assertEq(fuzzed.balanceOf(a), amountA);
        assertEq(fuzzed.balanceOf(b), SUPPLY - amountA);
    }

    function testFuzz_constructor_rejectsWrongSums(uint256 amountA, uint256 amountB) public {
        amountA = bound(amountA, 0, SUPPLY * 2);
        amountB = bound(amountB, 0, SUPPLY * 2);
        vm.assume(amountA + amountB != SUPPLY);
        address[] memory recipients = new address[](2);
        uint256[] memory amounts = new uint256[](2);
        (recipients[0], amounts[0]) = (alice, amountA);
        (recipients[1], amounts[1]) = (bob, amountB);
        vm.expectRevert(abi.encodeWithSelector(OpenToken.AllocationMismatch.selector, amountA + amountB));
        new OpenToken(recipients, amounts);
    }

    function testFuzz_transfer(uint256 amount, address to) public {
        vm.assume(to != address(0) && to != alice);
        amount = bound(amount, 0, token.balanceOf(alice));
        vm.prank(alice);
        assertTrue(token.transfer(to, amount));
        assertEq(token.balanceOf(to), amount);
        assertEq(token.balanceOf(alice), 1_000_000e18 - amount);
        assertEq(token.totalSupply(), SUPPLY);
    }

    function testFuzz_burn(uint256 amount) public {
        amount = bound(amount, 0, token.balanceOf(community));
        vm.prank(community);
        token.burn(amount);
        assertEq(token.totalSupply(), SUPPLY - amount);
        assertEq(token.balanceOf(community), 600_000_000e18 - amount);
    }

    function testFuzz_permit(uint256 ownerKey, address to, uint256 value, uint256 deadline, uint256 elapsed) public {
        ownerKey = bound(ownerKey, 1, SECP256K1_ORDER - 1);
        address owner = vm.addr(ownerKey);
        vm.assume(to != address(0));
        deadline = bound(deadline, block.timestamp, type(uint64).max);
        elapsed = bound(elapsed, 0, 10 * 365 days);
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(token, ownerKey, owner, to, value, 0, deadline);
        vm.warp(block.timestamp + elapsed);
        if (block.timestamp > deadline) {
            vm.expectRevert(abi.encodeWithSelector(ERC20Permit.ERC2612ExpiredSignature.selector, deadline));
            token.permit(owner, to, value, deadline, v, r, s);
        } else {
            token.permit(owner, to, value, deadline, v, r, s);
            assertEq(token.allowance(owner, to), value);
            assertEq(token.nonces(owner), 1);
        }
    }

    function testFuzz_permit_wrongKeyRejected(uint256 signerKey, uint256 value) public {
        signerKey = bound(signerKey, 1, SECP256K1_ORDER - 1);
        vm.assume(signerKey != aliceKey);
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(token, signerKey, alice, spender, value, 0, deadline);
        vm.expectRevert(abi.encodeWithSelector(ERC20Permit.ERC2612InvalidSigner.selector, vm.addr(signerKey), alice));
        token.permit(alice, spender, value, deadline, v, r, s);
    }

    function testFuzz_votesFollowBalances(uint256 amount, uint32 gap) public {
        amount = bound(amount, 0, token.balanceOf(alice));
        vm.prank(alice);
        token.delegate(alice);
        vm.prank(bob);
        token.delegate(bob);
        uint256 before = block.timestamp;
        vm.warp(before + uint256(gap) + 1);
        vm.prank(alice);
        assertTrue(token.transfer(bob, amount));
        vm.warp(block.timestamp + 1);
        assertEq(token.getVotes(alice) + token.getVotes(bob), 1_000_000e18);
        assertEq(token.getVotes(bob), amount);
        assertEq(token.getPastVotes(alice, before), 1_000_000e18);
    }

    uint256 internal constant SECP256K1_ORDER = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;

    function _domainFromDigestCheck() internal view returns (bytes32) {
        return keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("OpenLedger"),
                keccak256("1"),
                block.chainid,
                address(token)
            )
        );
    }
}

/// @dev Event declarations to expect ERC20 events with.
interface IERC20Transfer {
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
}

contract OpenTokenInvariantTest is OpenTokenTestBase {
    OpenToken internal token;
    OpenTokenHandler internal handler;
    address[] internal actors;

    function setUp() public {
        uint256[] memory keys = new uint256[](4);
        actors = new address[](4);
        uint256[] memory amounts = new uint256[](4);
        string[4] memory names = ["holder0", "holder1", "holder2", "holder3"];
        for (uint256 i; i < 4; ++i) {
            (actors[i], keys[i]) = makeAddrAndKey(names[i]);
            amounts[i] = SUPPLY / 4;
        }
        token = new OpenToken(actors, amounts);
        handler = new OpenTokenHandler(token, actors, keys);
        targetContract(address(handler));
    }

    /// @dev No mint: the supply only goes down, by exactly what was burned.
    function invariant_supplyIsInitialMinusBurned() public view {
        assertEq(token.totalSupply(), SUPPLY - handler.totalBurned());
        assertLe(token.totalSupply(), SUPPLY);
    }

    /// @dev Tokens only move among the actors: their balances add up to the supply.
    function invariant_balancesSumToSupply() public view {
        uint256 sum;
        for (uint256 i; i < actors.length; ++i) {
            sum += token.balanceOf(actors[i]);
        }
        assertEq(sum, token.totalSupply());
    }

    /// @dev Votes equal the balances of the accounts that delegated, and never exceed the supply.
    function invariant_votesMatchDelegatedBalances() public view {
        uint256 votes;
        uint256 delegated;
        for (uint256 i; i < actors.length; ++i) {
            votes += token.getVotes(actors[i]);
            if (token.delegates(actors[i]) != address(0)) delegated += token.balanceOf(actors[i]);
        }
        assertEq(votes, delegated);
        assertLe(votes, token.totalSupply());
    }

    /// @dev Each permit consumed exactly one nonce.
    function invariant_noncesCountPermits() public view {
        for (uint256 i; i < actors.length; ++i) {
            assertEq(token.nonces(actors[i]), handler.permitsUsed(actors[i]));
        }
    }
}
