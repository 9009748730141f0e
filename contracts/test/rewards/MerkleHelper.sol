// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @notice Test helper: builds Merkle trees exactly as OpenZeppelin's JS `StandardMerkleTree.of(values,
/// ["address", "uint256"])` does (same root, same proofs), in memory, for the RewardsDistributor tests.
/// @dev Algorithm of `@openzeppelin/merkle-tree` 1.x:
/// - leaf = keccak256(bytes.concat(keccak256(abi.encode(account, amount)))) (double hash);
/// - leaves sorted ascending by hash (`sortLeaves: true`, the default);
/// - complete binary tree in an array of 2n - 1 nodes, sorted leaf i at index `length - 1 - i`, children of node
///   i at 2i + 1 and 2i + 2, node = keccak256 of its two children sorted ascending (commutative pair hash);
/// - proof = the siblings from the leaf up to (excluding) the root.
library MerkleHelper {
    /// @notice A built tree.
    /// @param nodes The array-encoded tree; `nodes[0]` is the root.
    /// @param treeIndex `treeIndex[i]` is the node index of the i-th input value's leaf.
    struct Tree {
        bytes32[] nodes;
        uint256[] treeIndex;
    }

    /// @notice The StandardMerkleTree leaf of `(account, amount)`.
    function leaf(address account, uint256 amount) internal pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(account, amount))));
    }

    /// @notice Commutative pair hash (what `MerkleProof` uses).
    function hashPair(bytes32 a, bytes32 b) internal pure returns (bytes32) {
        return a < b ? keccak256(abi.encodePacked(a, b)) : keccak256(abi.encodePacked(b, a));
    }

    /// @notice Builds the tree of `(accounts[i], amounts[i])` values.
    function build(address[] memory accounts, uint256[] memory amounts) internal pure returns (Tree memory tree) {
        uint256 n = accounts.length;
        require(n != 0, "MerkleHelper: no leaves");
        require(n == amounts.length, "MerkleHelper: length mismatch");

        bytes32[] memory hashes = new bytes32[](n);
        uint256[] memory order = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            hashes[i] = leaf(accounts[i], amounts[i]);
            order[i] = i;
        }
        _sort(hashes, order, 0, int256(n) - 1);

        uint256 length = 2 * n - 1;
        tree.nodes = new bytes32[](length);
        tree.treeIndex = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            tree.nodes[length - 1 - i] = hashes[i];
            tree.treeIndex[order[i]] = length - 1 - i;
        }
        for (uint256 i = length - n; i > 0; --i) {
            uint256 node = i - 1;
            tree.nodes[node] = hashPair(tree.nodes[2 * node + 1], tree.nodes[2 * node + 2]);
        }
    }

    /// @notice The tree's root.
    function root(Tree memory tree) internal pure returns (bytes32) {
        return tree.nodes[0];
    }

    /// @notice The proof of the `valueIndex`-th input value.
    function proof(Tree memory tree, uint256 valueIndex) internal pure returns (bytes32[] memory siblings) {
        uint256 index = tree.treeIndex[valueIndex];
        uint256 depth;
        for (uint256 i = index; i > 0; i = (i - 1) / 2) {
            ++depth;
        }
        siblings = new bytes32[](depth);
        for (uint256 k; index > 0; ++k) {
            siblings[k] = tree.nodes[index % 2 == 1 ? index + 1 : index - 1];
            index = (index - 1) / 2;
        }
    }

    /// @notice Root and proof of one value in one call (builds the whole tree).
    function rootAndProof(address[] memory accounts, uint256[] memory amounts, uint256 valueIndex)
        internal
        pure
        returns (bytes32, bytes32[] memory)
    {
        Tree memory tree = build(accounts, amounts);
        return (tree.nodes[0], proof(tree, valueIndex));
    }

    /// @notice Recomputes a root from a leaf and its proof (mirror of `MerkleProof.processProof`).
    function processProof(bytes32 leafHash, bytes32[] memory siblings) internal pure returns (bytes32 computed) {
        computed = leafHash;
        for (uint256 i; i < siblings.length; ++i) {
            computed = hashPair(computed, siblings[i]);
        }
    }

    /// @dev In-place quicksort of `hashes` ascending (as unsigned 256-bit numbers, i.e. byte order), carrying
    /// `order` along.
    function _sort(bytes32[] memory hashes, uint256[] memory order, int256 lo, int256 hi) private pure {
        while (lo < hi) {
            bytes32 pivot = hashes[uint256(lo + (hi - lo) / 2)];
            int256 i = lo;
            int256 j = hi;
            while (i <= j) {
                while (hashes[uint256(i)] < pivot) ++i;
                while (hashes[uint256(j)] > pivot) --j;
                if (i <= j) {
                    (hashes[uint256(i)], hashes[uint256(j)]) = (hashes[uint256(j)], hashes[uint256(i)]);
                    (order[uint256(i)], order[uint256(j)]) = (order[uint256(j)], order[uint256(i)]);
                    ++i;
                    --j;
                }
            }
            // Recurse into the smaller side, loop on the larger (bounded stack depth).
            if (j - lo < hi - i) {
                _sort(hashes, order, lo, j);
                lo = i;
            } else {
                _sort(hashes, order, i, hi);
                hi = j;
            }
        }
    }
}
