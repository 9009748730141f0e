// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

import {Test} from "../utils/Test.sol";
import {MerkleHelper} from "./MerkleHelper.sol";

/// @notice The Solidity tree builder matches `@openzeppelin/merkle-tree` (JS StandardMerkleTree) bit for bit, and
/// its proofs verify with OpenZeppelin's `MerkleProof`.
contract MerkleHelperTest is Test {
    /// @dev Values `(0x…1000 + i, (i + 1) ether)` for i < n, the fixture the JS reference used.
    function _fixture(uint256 n) internal pure returns (address[] memory accounts, uint256[] memory amounts) {
        accounts = new address[](n);
        amounts = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            accounts[i] = address(uint160(0x1000 + i));
            amounts[i] = (i + 1) * 1 ether;
        }
    }

    function _assertJsRoot(uint256 n, bytes32 expectedRoot, bytes32[] memory expectedLastProof) internal pure {
        (address[] memory accounts, uint256[] memory amounts) = _fixture(n);
        MerkleHelper.Tree memory tree = MerkleHelper.build(accounts, amounts);
        assertEq(MerkleHelper.root(tree), expectedRoot, "root differs from StandardMerkleTree");
        bytes32[] memory proof = MerkleHelper.proof(tree, n - 1);
        assertEq(proof.length, expectedLastProof.length, "proof length");
        for (uint256 i; i < proof.length; ++i) {
            assertEq(proof[i], expectedLastProof[i], "proof element differs from StandardMerkleTree");
        }
    }

    // Reference values: StandardMerkleTree.of(values, ["address", "uint256"]) of @openzeppelin/merkle-tree 1.0.8,
    // `tree.root` and `tree.getProof(n - 1)`.

    function test_MatchesJs_OneLeaf() public pure {
        _assertJsRoot(1, 0x96b4355dbdea99eee16b2590693b1371c7417f7efca8c969c9e68f6e47ef9bff, new bytes32[](0));
    }

    function test_MatchesJs_TwoLeaves() public pure {
        bytes32[] memory proof = new bytes32[](1);
        proof[0] = 0x96b4355dbdea99eee16b2590693b1371c7417f7efca8c969c9e68f6e47ef9bff;
        _assertJsRoot(2, 0x29e7f7de1046f608d386e20958d6ecd9a4fae935d7750e02780129e68b290908, proof);
    }

    function test_MatchesJs_FiveLeaves() public pure {
        bytes32[] memory proof = new bytes32[](2);
        proof[0] = 0x521b25b0f087937077c6457ab383461b5a4673d0b92b1c15e238ab081d698891;
        proof[1] = 0xe74ca49add14f5c521f87246bfb0b4189174afa96c848f0a2b6be216ad167e42;
        _assertJsRoot(5, 0x4f9673c232ea134d2ecb346760fc4c2994aec9e4a124bedf7918cc529b075dcf, proof);
    }

    function test_MatchesJs_SevenLeaves() public pure {
        bytes32[] memory proof = new bytes32[](3);
        proof[0] = 0x96b4355dbdea99eee16b2590693b1371c7417f7efca8c969c9e68f6e47ef9bff;
        proof[1] = 0x1ab87a6962a5a9371d55822fe520ffe4b1d311a0daff7efcff5944906846764a;
        proof[2] = 0xe81eeeb96ed3e27b7106957ca470e24588545cc77d56b5e2cad71b7d807a2b50;
        _assertJsRoot(7, 0x8bbb6f7216f29f89d17c59f0d82ec5587907064b3cdbdd09a743a37b769997a3, proof);
    }

    function test_MatchesJs_SixteenLeaves() public pure {
        bytes32[] memory proof = new bytes32[](4);
        proof[0] = 0x6eacf0b3b099554254333c35ff9ff6d2ffc3938d114feccd4b62d055893964f6;
        proof[1] = 0x66d9c2f3baf032490b8d7fa78e8b279326b58c16eac95629d722e541bf9f5f9a;
        proof[2] = 0x7c0bf2d41eec7c23f2dfd8a075b3dd57da3f2767f6a50d638f1a8bff34901a33;
        proof[3] = 0x1799c09c9aa657fa332d61a0847d5548c288323c038e2420730f0ae4a492a864;
        _assertJsRoot(16, 0x0df34fc0ea24dd2aebd4f043ba6d789a7fdde89ab4a1aca10e8a44c2ed0be4d1, proof);
    }

    /// @dev Every value of a random tree proves against the root with OpenZeppelin's MerkleProof, and a 1,000-leaf
    /// tree has proofs of 9 or 10 siblings (⌊log2⌋ of the leaf's node index + 1).
    function testFuzz_EveryProofVerifies(uint256 n, uint256 seed) public pure {
        n = bound(n, 1, 64);
        address[] memory accounts = new address[](n);
        uint256[] memory amounts = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            accounts[i] = address(uint160(uint256(keccak256(abi.encode(seed, i)))));
            amounts[i] = uint256(keccak256(abi.encode(seed, i, "amount"))) % 1e30;
        }
        MerkleHelper.Tree memory tree = MerkleHelper.build(accounts, amounts);
        bytes32 root = MerkleHelper.root(tree);
        for (uint256 i; i < n; ++i) {
            bytes32[] memory proof = MerkleHelper.proof(tree, i);
            assertTrue(MerkleProof.verify(proof, root, MerkleHelper.leaf(accounts[i], amounts[i])), "proof fails");
            assertFalse(
                MerkleProof.verify(proof, root, MerkleHelper.leaf(accounts[i], amounts[i] + 1)), "wrong amount proves"
            );
        }
    }

    function test_ProofLengthsOfThousandLeaves() public pure {
        uint256 n = 1000;
        address[] memory accounts = new address[](n);
        uint256[] memory amounts = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            accounts[i] = address(uint160(uint256(keccak256(abi.encode("account", i)))));
            amounts[i] = i + 1;
        }
        MerkleHelper.Tree memory tree = MerkleHelper.build(accounts, amounts);
        uint256 tens;
        for (uint256 i; i < n; ++i) {
            uint256 length = MerkleHelper.proof(tree, i).length;
            assertTrue(length == 9 || length == 10, "proof length");
            if (length == 10) ++tens;
        }
        // Nodes 1023..1998 sit at depth 10: 976 leaves; nodes 999..1022 at depth 9: 24 leaves.
        assertEq(tens, 976);
    }
}
