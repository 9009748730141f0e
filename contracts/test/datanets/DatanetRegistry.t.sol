// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Test} from "../utils/Test.sol";
import {DatanetRegistry} from "../../src/datanets/DatanetRegistry.sol";
import {GasMeter} from "../utils/GasMeter.sol";
import {StandardMerkle} from "./StandardMerkle.sol";

contract DatanetRegistryTest is Test, GasMeter {
    /// @dev Budget for the execution gas of one addVersion call, measured with gasleft() around the external call in
    /// the test: it includes the CALL itself (with cold storage, via vm.cool) but excludes the 21,000 intrinsic gas and
    /// the calldata cost of a real transaction (see {GasMeter}).
    uint256 internal constant ADD_VERSION_BUDGET = 120_000;

    bytes32 internal constant META = keccak256("datanet metadata");
    bytes32 internal constant ROOT = keccak256("root");
    bytes32 internal constant VERSION_META = keccak256("version manifest");

    DatanetRegistry internal registry;
    address internal owner;
    address internal operator;
    address internal stranger;
    uint256 internal datanetId;

    function setUp() public {
        registry = new DatanetRegistry();
        owner = makeAddr("owner");
        operator = makeAddr("operator");
        stranger = makeAddr("stranger");
        vm.prank(owner);
        datanetId = registry.createDatanet(META, "ipfs://datanet", "CC-BY-4.0");
    }

    // ── createDatanet ───────────────────────────────────────────────────────────────────────────

    function test_createDatanet_assignsIdsFromOneToTheCaller() public {
        assertEq(datanetId, 1);
        assertEq(registry.datanetOwner(1), owner);
        assertEq(registry.datanetCount(), 1);
        assertEq(registry.versionCount(1), 0);

        vm.expectEmit(address(registry));
        emit DatanetRegistry.DatanetCreated(2, stranger, bytes32(0), "", "MIT");
        vm.prank(stranger);
        assertEq(registry.createDatanet(bytes32(0), "", "MIT"), 2);
        assertEq(registry.datanetOwner(2), stranger);
        assertEq(registry.datanetCount(), 2);
    }

    function test_views_unknownDatanet() public view {
        assertEq(registry.datanetOwner(7), address(0));
        assertEq(registry.versionCount(7), 0);
        assertFalse(registry.isOperator(7, operator));
    }

    // ── setOperator ─────────────────────────────────────────────────────────────────────────────

    function test_setOperator_approvesAndRevokes() public {
        vm.expectEmit(address(registry));
        emit DatanetRegistry.OperatorSet(datanetId, operator, true);
        vm.prank(owner);
        registry.setOperator(datanetId, operator, true);
        assertTrue(registry.isOperator(datanetId, operator));

        vm.expectEmit(address(registry));
        emit DatanetRegistry.OperatorSet(datanetId, operator, false);
        vm.prank(owner);
        registry.setOperator(datanetId, operator, false);
        assertFalse(registry.isOperator(datanetId, operator));
    }

    function test_setOperator_revertsUnknownDatanet() public {
        vm.expectRevert(abi.encodeWithSelector(DatanetRegistry.UnknownDatanet.selector, 9));
        vm.prank(owner);
        registry.setOperator(9, operator, true);
    }

    function test_setOperator_revertsNotOwner() public {
        vm.expectRevert(abi.encodeWithSelector(DatanetRegistry.NotDatanetOwner.selector, datanetId, stranger));
        vm.prank(stranger);
        registry.setOperator(datanetId, stranger, true);
    }

    function test_setOperator_operatorCannotAddOperators() public {
        _approveOperator();
        vm.expectRevert(abi.encodeWithSelector(DatanetRegistry.NotDatanetOwner.selector, datanetId, operator));
        vm.prank(operator);
        registry.setOperator(datanetId, stranger, true);
    }

    function test_setOperator_revertsZeroAddress() public {
        vm.expectRevert(DatanetRegistry.ZeroAddress.selector);
        vm.prank(owner);
        registry.setOperator(datanetId, address(0), true);
    }

    // ── transferDatanetOwnership ────────────────────────────────────────────────────────────────

    function test_transferDatanetOwnership_movesOwnership() public {
        vm.expectEmit(address(registry));
        emit DatanetRegistry.DatanetOwnershipTransferred(datanetId, owner, stranger);
        vm.prank(owner);
        registry.transferDatanetOwnership(datanetId, stranger);
        assertEq(registry.datanetOwner(datanetId), stranger);

        // The previous owner lost its rights; the new owner has them.
        vm.expectRevert(abi.encodeWithSelector(DatanetRegistry.NotOwnerOrOperator.selector, datanetId, owner));
        vm.prank(owner);
        registry.addVersion(datanetId, ROOT, 1, 1, 0, VERSION_META);
        vm.prank(stranger);
        assertEq(registry.addVersion(datanetId, ROOT, 1, 1, 0, VERSION_META), 1);
    }

    function test_transferDatanetOwnership_revokesOperators() public {
        _approveOperator();
        vm.prank(owner);
        registry.transferDatanetOwnership(datanetId, stranger);
        assertFalse(registry.isOperator(datanetId, operator));
        vm.expectRevert(abi.encodeWithSelector(DatanetRegistry.NotOwnerOrOperator.selector, datanetId, operator));
        vm.prank(operator);
        registry.addVersion(datanetId, ROOT, 1, 1, 0, VERSION_META);

        // Handing the datanet back does not revive the old approvals either.
        vm.prank(stranger);
        registry.transferDatanetOwnership(datanetId, owner);
        assertFalse(registry.isOperator(datanetId, operator));
    }

    function test_transferDatanetOwnership_revertsUnknownDatanet() public {
        vm.expectRevert(abi.encodeWithSelector(DatanetRegistry.UnknownDatanet.selector, 0));
        vm.prank(owner);
        registry.transferDatanetOwnership(0, stranger);
    }

    function test_transferDatanetOwnership_revertsNotOwner() public {
        _approveOperator();
        vm.expectRevert(abi.encodeWithSelector(DatanetRegistry.NotDatanetOwner.selector, datanetId, operator));
        vm.prank(operator);
        registry.transferDatanetOwnership(datanetId, operator);
    }

    function test_transferDatanetOwnership_revertsZeroAddress() public {
        vm.expectRevert(DatanetRegistry.ZeroAddress.selector);
        vm.prank(owner);
        registry.transferDatanetOwnership(datanetId, address(0));
    }

    // ── addVersion ──────────────────────────────────────────────────────────────────────────────

    function test_addVersion_byOwnerStoresAndEmits() public {
        vm.warp(1_700_000_000);
        vm.expectEmit(address(registry));
        emit DatanetRegistry.VersionAdded(datanetId, 1, ROOT, 1_000, 12, 0, VERSION_META);
        vm.prank(owner);
        uint32 version = registry.addVersion(datanetId, ROOT, 1_000, 12, 0, VERSION_META);

        assertEq(version, 1);
        assertEq(registry.versionCount(datanetId), 1);
        DatanetRegistry.Version memory stored = registry.getVersion(datanetId, 1);
        assertEq(stored.merkleRoot, ROOT);
        assertEq(stored.rowCount, 1_000);
        assertEq(stored.contributorCount, 12);
        assertEq(stored.parentVersion, 0);
        assertEq(stored.createdAt, 1_700_000_000);
        assertEq(stored.metadataHash, VERSION_META);
    }

    function test_addVersion_byOperatorWithParent() public {
        _approveOperator();
        vm.prank(operator);
        assertEq(registry.addVersion(datanetId, ROOT, 10, 2, 0, VERSION_META), 1);
        vm.prank(operator);
        assertEq(registry.addVersion(datanetId, keccak256("root 2"), 20, 3, 1, bytes32(0)), 2);
        vm.prank(owner);
        assertEq(registry.addVersion(datanetId, keccak256("root 3"), 5, 1, 1, bytes32(0)), 3);

        assertEq(registry.versionCount(datanetId), 3);
        assertEq(registry.getVersion(datanetId, 2).parentVersion, 1);
        assertEq(registry.getVersion(datanetId, 2).merkleRoot, keccak256("root 2"));
        assertEq(registry.getVersion(datanetId, 3).parentVersion, 1);
    }

    function test_addVersion_versionsArePerDatanet() public {
        vm.prank(stranger);
        uint256 other = registry.createDatanet(META, "", "");
        _addVersion(ROOT, 0);
        _addVersion(ROOT, 1);
        vm.prank(stranger);
        assertEq(registry.addVersion(other, ROOT, 1, 1, 0, bytes32(0)), 1);
        assertEq(registry.versionCount(datanetId), 2);
        assertEq(registry.versionCount(other), 1);
    }

    function test_addVersion_revertsUnknownDatanet() public {
        vm.expectRevert(abi.encodeWithSelector(DatanetRegistry.UnknownDatanet.selector, 2));
        vm.prank(owner);
        registry.addVersion(2, ROOT, 1, 1, 0, VERSION_META);
    }

    function test_addVersion_revertsNotOwnerOrOperator() public {
        vm.expectRevert(abi.encodeWithSelector(DatanetRegistry.NotOwnerOrOperator.selector, datanetId, stranger));
        vm.prank(stranger);
        registry.addVersion(datanetId, ROOT, 1, 1, 0, VERSION_META);
    }

    function test_addVersion_revertsRevokedOperator() public {
        _approveOperator();
        vm.prank(owner);
        registry.setOperator(datanetId, operator, false);
        vm.expectRevert(abi.encodeWithSelector(DatanetRegistry.NotOwnerOrOperator.selector, datanetId, operator));
        vm.prank(operator);
        registry.addVersion(datanetId, ROOT, 1, 1, 0, VERSION_META);
    }

    function test_addVersion_operatorOfAnotherDatanetIsRejected() public {
        vm.prank(stranger);
        uint256 other = registry.createDatanet(META, "", "");
        vm.prank(stranger);
        registry.setOperator(other, operator, true);
        vm.expectRevert(abi.encodeWithSelector(DatanetRegistry.NotOwnerOrOperator.selector, datanetId, operator));
        vm.prank(operator);
        registry.addVersion(datanetId, ROOT, 1, 1, 0, VERSION_META);
    }

    function test_addVersion_revertsEmptyRoot() public {
        vm.expectRevert(DatanetRegistry.EmptyRoot.selector);
        vm.prank(owner);
        registry.addVersion(datanetId, bytes32(0), 1, 1, 0, VERSION_META);
    }

    function test_addVersion_revertsUnknownParent() public {
        vm.expectRevert(abi.encodeWithSelector(DatanetRegistry.UnknownVersion.selector, datanetId, 1));
        vm.prank(owner);
        registry.addVersion(datanetId, ROOT, 1, 1, 1, VERSION_META);

        _addVersion(ROOT, 0);
        vm.expectRevert(abi.encodeWithSelector(DatanetRegistry.UnknownVersion.selector, datanetId, 2));
        vm.prank(owner);
        registry.addVersion(datanetId, ROOT, 1, 1, 2, VERSION_META);
    }

    // ── getVersion ──────────────────────────────────────────────────────────────────────────────

    function test_getVersion_revertsUnknownVersion() public {
        vm.expectRevert(abi.encodeWithSelector(DatanetRegistry.UnknownVersion.selector, datanetId, 0));
        registry.getVersion(datanetId, 0);
        vm.expectRevert(abi.encodeWithSelector(DatanetRegistry.UnknownVersion.selector, datanetId, 1));
        registry.getVersion(datanetId, 1);
        _addVersion(ROOT, 0);
        vm.expectRevert(abi.encodeWithSelector(DatanetRegistry.UnknownVersion.selector, 5, 1));
        registry.getVersion(5, 1);
    }

    // ── verifyContribution ──────────────────────────────────────────────────────────────────────

    /// @dev A tree computed with the JS library the backend uses:
    /// `StandardMerkleTree.of(values, ["address", "bytes32"])` over
    /// `[[0x…1001, keccak256("row-1")], …, [0x…1005, keccak256("row-5")]]`.
    function test_verifyContribution_matchesJsStandardMerkleTree() public {
        bytes32 jsRoot = 0xde5d1e382005eed92a95305f74d1c02ba74f3ab6a8f473a53cc2772f5b6213e5;
        bytes32[] memory leaves = new bytes32[](5);
        for (uint256 i; i < 5; ++i) {
            leaves[i] = StandardMerkle.leaf(_fixtureContributor(i), _fixtureRow(i));
        }
        bytes32[] memory tree = StandardMerkle.build(leaves);
        assertEq(StandardMerkle.root(tree), jsRoot, "helper root differs from the JS StandardMerkleTree");

        _addVersion(jsRoot, 0);
        // Proofs exactly as tree.getProof(i) printed them.
        bytes32[] memory proof = new bytes32[](3);
        proof[0] = 0x3e5e2e59167da4e879dc74bc59379e61f11360f41c6da5a9ee2b6220f5b14f50;
        proof[1] = 0xfa59bfb9cf6b45beaa557d32e222c1df546c54a52cc86d702647f11435d30e0c;
        proof[2] = 0xe9caa62d25d576fb611c882dd7841bc7d33a43db244a2455fd1cb898cf5b424c;
        assertTrue(registry.verifyContribution(datanetId, 1, _fixtureContributor(2), _fixtureRow(2), proof));
        bytes32[] memory proof0 = new bytes32[](2);
        proof0[0] = 0x3a4d7560da8fc889b12e4bf0832a1d9f337d016ef0b6c89058ffa61ad0e19e81;
        proof0[1] = 0xe9caa62d25d576fb611c882dd7841bc7d33a43db244a2455fd1cb898cf5b424c;
        assertTrue(registry.verifyContribution(datanetId, 1, _fixtureContributor(0), _fixtureRow(0), proof0));

        // Every helper proof verifies too.
        for (uint256 i; i < 5; ++i) {
            bytes32[] memory helperProof = StandardMerkle.proof(tree, leaves[i]);
            assertTrue(registry.verifyContribution(datanetId, 1, _fixtureContributor(i), _fixtureRow(i), helperProof));
        }
        // Row 2's proof does not prove row 3.
        assertFalse(registry.verifyContribution(datanetId, 1, _fixtureContributor(3), _fixtureRow(3), proof));
    }

    function test_verifyContribution_memberTrueTamperedFalse() public {
        (bytes32[] memory tree, address[] memory contributors, bytes32[] memory rows) = _tree(4, 1);
        _addVersion(StandardMerkle.root(tree), 0);
        bytes32[] memory proof = StandardMerkle.proof(tree, StandardMerkle.leaf(contributors[1], rows[1]));

        assertTrue(registry.verifyContribution(datanetId, 1, contributors[1], rows[1], proof));
        // Wrong contributor, wrong row, tampered proof element, truncated proof.
        assertFalse(registry.verifyContribution(datanetId, 1, stranger, rows[1], proof));
        assertFalse(registry.verifyContribution(datanetId, 1, contributors[1], keccak256("other row"), proof));
        bytes32[] memory tampered = _copy(proof);
        tampered[0] ^= bytes32(uint256(1));
        assertFalse(registry.verifyContribution(datanetId, 1, contributors[1], rows[1], tampered));
        bytes32[] memory truncated = new bytes32[](proof.length - 1);
        for (uint256 i; i < truncated.length; ++i) {
            truncated[i] = proof[i];
        }
        assertFalse(registry.verifyContribution(datanetId, 1, contributors[1], rows[1], truncated));
        // An inner node is not a leaf: the single-hashed leaf does not verify (second-preimage resistance).
        bytes32 singleHashed = keccak256(abi.encode(contributors[1], rows[1]));
        assertFalse(
            registry.verifyContribution(datanetId, 1, address(bytes20(singleHashed)), rows[1], new bytes32[](0))
        );
    }

    function test_verifyContribution_checksTheRequestedVersion() public {
        (bytes32[] memory tree, address[] memory contributors, bytes32[] memory rows) = _tree(3, 2);
        _addVersion(ROOT, 0);
        _addVersion(StandardMerkle.root(tree), 1);
        bytes32[] memory proof = StandardMerkle.proof(tree, StandardMerkle.leaf(contributors[0], rows[0]));
        assertTrue(registry.verifyContribution(datanetId, 2, contributors[0], rows[0], proof));
        assertFalse(registry.verifyContribution(datanetId, 1, contributors[0], rows[0], proof));
    }

    function test_verifyContribution_singleLeafTree() public {
        _addVersion(StandardMerkle.leaf(operator, ROOT), 0);
        assertTrue(registry.verifyContribution(datanetId, 1, operator, ROOT, new bytes32[](0)));
    }

    function test_verifyContribution_revertsUnknownVersion() public {
        vm.expectRevert(abi.encodeWithSelector(DatanetRegistry.UnknownVersion.selector, datanetId, 1));
        registry.verifyContribution(datanetId, 1, operator, ROOT, new bytes32[](0));
        vm.expectRevert(abi.encodeWithSelector(DatanetRegistry.UnknownVersion.selector, 3, 0));
        registry.verifyContribution(3, 0, operator, ROOT, new bytes32[](0));
    }

    // ── Gas budgets ─────────────────────────────────────────────────────────────────────────────

    function test_gas_addVersion_ownerFirst() public {
        uint256 used = _measureAddVersion(owner, 0);
        vm.assertLe(used, ADD_VERSION_BUDGET, "addVersion (owner, first version) over 120,000 gas");
    }

    function test_gas_addVersion_ownerLater() public {
        _addVersion(ROOT, 0);
        _addVersion(ROOT, 1);
        uint256 used = _measureAddVersion(owner, 2);
        vm.assertLe(used, ADD_VERSION_BUDGET, "addVersion (owner, later version) over 120,000 gas");
    }

    function test_gas_addVersion_operator() public {
        _approveOperator();
        _addVersion(ROOT, 0);
        uint256 used = _measureAddVersion(operator, 1);
        vm.assertLe(used, ADD_VERSION_BUDGET, "addVersion (operator, later version) over 120,000 gas");
    }

    // ── Fuzz ────────────────────────────────────────────────────────────────────────────────────

    function testFuzz_addVersion_storesFields(
        bytes32 root,
        uint64 rowCount,
        uint32 contributorCount,
        bytes32 metadataHash,
        uint64 timestamp
    ) public {
        vm.assume(root != bytes32(0));
        vm.warp(timestamp);
        _addVersion(ROOT, 0);
        vm.prank(owner);
        uint32 version = registry.addVersion(datanetId, root, rowCount, contributorCount, 1, metadataHash);
        DatanetRegistry.Version memory stored = registry.getVersion(datanetId, version);
        assertEq(version, 2);
        assertEq(stored.merkleRoot, root);
        assertEq(stored.rowCount, rowCount);
        assertEq(stored.contributorCount, contributorCount);
        assertEq(stored.parentVersion, 1);
        assertEq(stored.createdAt, timestamp);
        assertEq(stored.metadataHash, metadataHash);
    }

    function testFuzz_addVersion_parentMustExist(uint8 existing, uint32 parent) public {
        existing = uint8(bound(existing, 0, 5));
        for (uint32 i; i < existing; ++i) {
            _addVersion(ROOT, 0);
        }
        if (parent > existing) {
            vm.expectRevert(abi.encodeWithSelector(DatanetRegistry.UnknownVersion.selector, datanetId, parent));
        }
        vm.prank(owner);
        registry.addVersion(datanetId, ROOT, 1, 1, parent, bytes32(0));
    }

    function testFuzz_addVersion_onlyOwnerOrOperator(address caller) public {
        vm.assume(caller != owner && caller != operator);
        _approveOperator();
        vm.expectRevert(abi.encodeWithSelector(DatanetRegistry.NotOwnerOrOperator.selector, datanetId, caller));
        vm.prank(caller);
        registry.addVersion(datanetId, ROOT, 1, 1, 0, bytes32(0));
    }

    function testFuzz_ownerOnlyActions(address caller) public {
        vm.assume(caller != owner);
        vm.expectRevert(abi.encodeWithSelector(DatanetRegistry.NotDatanetOwner.selector, datanetId, caller));
        vm.prank(caller);
        registry.setOperator(datanetId, caller, true);
        vm.expectRevert(abi.encodeWithSelector(DatanetRegistry.NotDatanetOwner.selector, datanetId, caller));
        vm.prank(caller);
        registry.transferDatanetOwnership(datanetId, caller);
    }

    /// @dev A random (contributor, rowHash) hidden at a random position among 2-8 leaves: its proof verifies, and
    /// no tampering with the proof, the row or the contributor does.
    function testFuzz_verifyContribution(
        address contributor,
        bytes32 rowHash,
        uint256 leafCount,
        uint256 position,
        uint256 salt,
        uint256 tamperIndex,
        uint8 tamperBit
    ) public {
        leafCount = bound(leafCount, 2, 8);
        position = bound(position, 0, leafCount - 1);
        (bytes32[] memory tree, address[] memory contributors, bytes32[] memory rows) =
            _treeWith(leafCount, salt, position, contributor, rowHash);
        assertEq(contributors[position], contributor);
        _addVersion(StandardMerkle.root(tree), 0);

        bytes32[] memory proof = StandardMerkle.proof(tree, StandardMerkle.leaf(contributor, rowHash));
        assertTrue(registry.verifyContribution(datanetId, 1, contributor, rowHash, proof));
        // Every other leaf verifies with its own proof.
        for (uint256 i; i < leafCount; ++i) {
            bytes32[] memory other = StandardMerkle.proof(tree, StandardMerkle.leaf(contributors[i], rows[i]));
            assertTrue(registry.verifyContribution(datanetId, 1, contributors[i], rows[i], other));
        }

        _assertTamperingFails(proof, contributor, rowHash, tamperIndex, tamperBit);
    }

    // ── Helpers ─────────────────────────────────────────────────────────────────────────────────

    function _assertTamperingFails(
        bytes32[] memory proof,
        address contributor,
        bytes32 rowHash,
        uint256 tamperIndex,
        uint8 tamperBit
    ) internal view {
        bytes32[] memory tampered = _copy(proof);
        tamperIndex = bound(tamperIndex, 0, tampered.length - 1);
        tampered[tamperIndex] ^= bytes32(uint256(1) << tamperBit);
        assertFalse(registry.verifyContribution(datanetId, 1, contributor, rowHash, tampered));
        bytes32 otherRow = rowHash ^ bytes32(uint256(1) << tamperBit);
        assertFalse(registry.verifyContribution(datanetId, 1, contributor, otherRow, proof));
        address otherContributor = address(uint160(contributor) ^ (uint160(1) << (tamperBit % 160)));
        assertFalse(registry.verifyContribution(datanetId, 1, otherContributor, rowHash, proof));
    }

    function _approveOperator() internal {
        vm.prank(owner);
        registry.setOperator(datanetId, operator, true);
    }

    function _addVersion(bytes32 root, uint32 parent) internal returns (uint32) {
        vm.prank(owner);
        return registry.addVersion(datanetId, root, 1_000, 10, parent, VERSION_META);
    }

    function _measureAddVersion(address caller, uint32 parent) internal returns (uint256 used) {
        vm.cool(address(registry)); // storage as cold as in a fresh transaction
        bytes32 root = keccak256("new root");
        vm.prank(caller);
        uint256 before = gasleft();
        registry.addVersion(datanetId, root, 250_000, 1_234, parent, VERSION_META);
        used = before - gasleft();
        used = _executionGas(
            used, abi.encodeCall(DatanetRegistry.addVersion, (datanetId, root, 250_000, 1_234, parent, VERSION_META))
        );
    }

    function _fixtureContributor(uint256 i) internal pure returns (address) {
        return address(uint160(0x1001 + i));
    }

    function _fixtureRow(uint256 i) internal pure returns (bytes32) {
        return keccak256(bytes(string.concat("row-", string(abi.encodePacked(bytes1(uint8(0x31 + i)))))));
    }

    function _tree(uint256 n, uint256 salt)
        internal
        pure
        returns (bytes32[] memory tree, address[] memory contributors, bytes32[] memory rows)
    {
        contributors = new address[](n);
        rows = new bytes32[](n);
        bytes32[] memory leaves = new bytes32[](n);
        for (uint256 i; i < n; ++i) {
            contributors[i] = address(uint160(uint256(keccak256(abi.encode("contributor", salt, i)))));
            rows[i] = keccak256(abi.encode("row", salt, i));
            leaves[i] = StandardMerkle.leaf(contributors[i], rows[i]);
        }
        tree = StandardMerkle.build(leaves);
    }

    function _treeWith(uint256 n, uint256 salt, uint256 position, address contributor, bytes32 rowHash)
        internal
        pure
        returns (bytes32[] memory tree, address[] memory contributors, bytes32[] memory rows)
    {
        contributors = new address[](n);
        rows = new bytes32[](n);
        bytes32[] memory leaves = new bytes32[](n);
        for (uint256 i; i < n; ++i) {
            if (i == position) {
                contributors[i] = contributor;
                rows[i] = rowHash;
            } else {
                contributors[i] = address(uint160(uint256(keccak256(abi.encode("contributor", salt, i)))));
                rows[i] = keccak256(abi.encode("row", salt, i));
            }
            leaves[i] = StandardMerkle.leaf(contributors[i], rows[i]);
        }
        tree = StandardMerkle.build(leaves);
    }

    function _copy(bytes32[] memory source) internal pure returns (bytes32[] memory copy) {
        copy = new bytes32[](source.length);
        for (uint256 i; i < source.length; ++i) {
            copy[i] = source[i];
        }
    }
}
