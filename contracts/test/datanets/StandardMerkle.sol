// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @notice A test-only re-implementation of OpenZeppelin's JS `StandardMerkleTree` for `["address", "bytes32"]`
/// values: double-hashed leaves, leaves sorted by hash, the tree as an array (root at 0, the leaves at the end in
/// reverse order, children of i at 2i+1 and 2i+2) and sorted-pair node hashing. Meant for a handful of leaves.
library StandardMerkle {
    /// @dev `keccak256(bytes.concat(keccak256(abi.encode(contributor, rowHash))))`.
    function leaf(address contributor, bytes32 rowHash) internal pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(contributor, rowHash))));
    }

    /// @dev The sorted-pair node hash of `MerkleProof` and `standardNodeHash`.
    function hashPair(bytes32 a, bytes32 b) internal pure returns (bytes32) {
        return a < b ? keccak256(abi.encode(a, b)) : keccak256(abi.encode(b, a));
    }

    /// @dev The whole tree, as `makeMerkleTree` lays it out after `StandardMerkleTree.of` sorted the leaves.
    function build(bytes32[] memory leaves) internal pure returns (bytes32[] memory tree) {
        uint256 n = leaves.length;
        require(n != 0, "StandardMerkle: no leaves");
        bytes32[] memory sorted = new bytes32[](n);
        for (uint256 i; i < n; ++i) {
            // insertion sort, ascending
            bytes32 value = leaves[i];
            uint256 j = i;
            while (j != 0 && sorted[j - 1] > value) {
                sorted[j] = sorted[j - 1];
                --j;
            }
            sorted[j] = value;
        }
        tree = new bytes32[](2 * n - 1);
        for (uint256 i; i < n; ++i) {
            tree[tree.length - 1 - i] = sorted[i];
        }
        for (uint256 i = tree.length - n; i != 0;) {
            --i;
            tree[i] = hashPair(tree[2 * i + 1], tree[2 * i + 2]);
        }
    }

    function root(bytes32[] memory tree) internal pure returns (bytes32) {
        return tree[0];
    }

    /// @dev The proof of `leafHash` (the first matching leaf), siblings from the leaf up.
    function proof(bytes32[] memory tree, bytes32 leafHash) internal pure returns (bytes32[] memory siblings) {
        uint256 n = (tree.length + 1) / 2;
        uint256 index = type(uint256).max;
        for (uint256 i = n - 1; i < tree.length; ++i) {
            if (tree[i] == leafHash) {
                index = i;
                break;
            }
        }
        require(index != type(uint256).max, "StandardMerkle: not a leaf");
        uint256 depth;
        for (uint256 i = index; i != 0; i = (i - 1) / 2) {
            ++depth;
        }
        siblings = new bytes32[](depth);
        for (uint256 k; index != 0; ++k) {
            siblings[k] = tree[index % 2 == 1 ? index + 1 : index - 1];
            index = (index - 1) / 2;
        }
    }
}
