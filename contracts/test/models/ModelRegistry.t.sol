// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Test} from "../utils/Test.sol";
import {DatanetRegistry} from "../../src/datanets/DatanetRegistry.sol";
import {ModelRegistry} from "../../src/models/ModelRegistry.sol";
import {GasMeter} from "../utils/GasMeter.sol";

contract ModelRegistryTest is Test, GasMeter {
    /// @dev Budget for the execution gas of a publishModel call with 2 lineage refs, measured with gasleft() around the
    /// external call in the test: it includes the CALL itself (with cold storage, via vm.cool) but excludes the 21,000
    /// intrinsic gas and the calldata cost of a real transaction (see {GasMeter}).
    uint256 internal constant PUBLISH_BUDGET = 200_000;

    bytes32 internal constant BASE = keccak256("meta-llama/Llama-3.1-8B");
    bytes32 internal constant ADAPTER = keccak256("adapter weights");
    uint256 internal constant PRICE = 2e15;
    string internal constant URI = "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/model.json";

    DatanetRegistry internal datanets;
    ModelRegistry internal models;
    address internal curator;
    address internal publisher;
    address internal stranger;
    uint256 internal datanetA;
    uint256 internal datanetB;

    function setUp() public {
        curator = makeAddr("curator");
        publisher = makeAddr("publisher");
        stranger = makeAddr("stranger");
        datanets = new DatanetRegistry();
        models = new ModelRegistry(datanets);

        vm.startPrank(curator);
        datanetA = datanets.createDatanet(keccak256("a"), "ipfs://a", "CC-BY-4.0");
        datanetB = datanets.createDatanet(keccak256("b"), "ipfs://b", "CC-BY-4.0");
        datanets.addVersion(datanetA, keccak256("a1"), 100, 3, 0, bytes32(0));
        datanets.addVersion(datanetA, keccak256("a2"), 200, 4, 1, bytes32(0));
        datanets.addVersion(datanetB, keccak256("b1"), 50, 2, 0, bytes32(0));
        vm.stopPrank();
    }

    // ── constructor ─────────────────────────────────────────────────────────────────────────────

    function test_constructor_setsRegistry() public view {
        assertEq(address(models.datanets()), address(datanets));
        assertEq(models.modelCount(), 0);
    }

    function test_constructor_revertsZeroAddress() public {
        vm.expectRevert(ModelRegistry.ZeroAddress.selector);
        new ModelRegistry(DatanetRegistry(address(0)));
    }

    // ── publishModel ────────────────────────────────────────────────────────────────────────────

    function test_publishModel_storesModelAndLineage() public {
        vm.warp(1_750_000_000);
        ModelRegistry.DatanetVersionRef[] memory lineage = _twoRefs();
        vm.expectEmit(address(models));
        emit ModelRegistry.ModelPublished(1, publisher, ADAPTER, BASE, PRICE, URI, lineage);
        vm.prank(publisher);
        uint256 modelId = models.publishModel(BASE, ADAPTER, lineage, PRICE, URI);

        assertEq(modelId, 1);
        assertEq(models.modelCount(), 1);
        assertEq(models.modelIdByAdapter(ADAPTER), 1);
        ModelRegistry.Model memory model = models.getModel(1);
        assertEq(model.owner, publisher);
        assertFalse(model.deprecated);
        assertEq(model.publishedAt, 1_750_000_000);
        assertEq(model.baseModelId, BASE);
        assertEq(model.adapterHash, ADAPTER);
        assertEq(model.pricePer1kTokens, PRICE);

        ModelRegistry.DatanetVersionRef[] memory stored = models.getLineage(1);
        assertEq(stored.length, 2);
        assertEq(stored[0].datanetId, datanetA);
        assertEq(stored[0].version, 2);
        assertEq(stored[1].datanetId, datanetB);
        assertEq(stored[1].version, 1);
    }

    function test_publishModel_idsCountUpAndAdaptersMapToIds() public {
        _publish(ADAPTER);
        vm.prank(stranger);
        uint256 second = models.publishModel(BASE, keccak256("adapter 2"), _twoRefs(), 0, "");
        assertEq(second, 2);
        assertEq(models.modelCount(), 2);
        assertEq(models.modelIdByAdapter(keccak256("adapter 2")), 2);
        assertEq(models.modelIdByAdapter(keccak256("never published")), 0);
        assertEq(models.getModel(2).owner, stranger);
    }

    function test_publishModel_emptyLineage() public {
        vm.prank(publisher);
        uint256 modelId = models.publishModel(BASE, ADAPTER, new ModelRegistry.DatanetVersionRef[](0), PRICE, URI);
        assertEq(models.getLineage(modelId).length, 0);
    }

    function test_publishModel_revertsEmptyAdapterHash() public {
        vm.expectRevert(ModelRegistry.EmptyAdapterHash.selector);
        vm.prank(publisher);
        models.publishModel(BASE, bytes32(0), _twoRefs(), PRICE, URI);
    }

    function test_publishModel_revertsAdapterAlreadyPublished() public {
        _publish(ADAPTER);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.AdapterAlreadyPublished.selector, ADAPTER));
        vm.prank(stranger);
        models.publishModel(keccak256("other base"), ADAPTER, _twoRefs(), PRICE, URI);

        // Still taken once deprecated.
        vm.prank(publisher);
        models.deprecate(1);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.AdapterAlreadyPublished.selector, ADAPTER));
        vm.prank(publisher);
        models.publishModel(BASE, ADAPTER, _twoRefs(), PRICE, URI);
    }

    function test_publishModel_revertsUnknownVersion() public {
        // Same selector as the DatanetRegistry's error.
        assertEq(ModelRegistry.UnknownVersion.selector, DatanetRegistry.UnknownVersion.selector);

        _expectUnknownVersion(datanetA, 0); // versions number from 1
        _expectUnknownVersion(datanetA, 3); // past the latest
        _expectUnknownVersion(datanetB, 2);
        _expectUnknownVersion(3, 1); // no such datanet
        _expectUnknownVersion(0, 1);
        _expectUnknownVersion(uint256(1) << 96 | datanetA, 1); // would not pack; no such datanet anyway
        _expectUnknownVersion(type(uint256).max, type(uint32).max);
    }

    function test_publishModel_revertsOnTheFirstBadRef() public {
        ModelRegistry.DatanetVersionRef[] memory lineage = new ModelRegistry.DatanetVersionRef[](3);
        lineage[0] = ModelRegistry.DatanetVersionRef(datanetA, 1);
        lineage[1] = ModelRegistry.DatanetVersionRef(datanetB, 9);
        lineage[2] = ModelRegistry.DatanetVersionRef(7, 1);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.UnknownVersion.selector, datanetB, 9));
        vm.prank(publisher);
        models.publishModel(BASE, ADAPTER, lineage, PRICE, URI);
        assertEq(models.modelCount(), 0);
    }

    // ── setPrice ────────────────────────────────────────────────────────────────────────────────

    function test_setPrice_byOwner() public {
        _publish(ADAPTER);
        vm.expectEmit(address(models));
        emit ModelRegistry.PriceSet(1, 7e15);
        vm.prank(publisher);
        models.setPrice(1, 7e15);
        assertEq(models.getModel(1).pricePer1kTokens, 7e15);
    }

    function test_setPrice_revertsUnknownModel() public {
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.UnknownModel.selector, 1));
        vm.prank(publisher);
        models.setPrice(1, 1);
    }

    function test_setPrice_revertsNotModelOwner() public {
        _publish(ADAPTER);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.NotModelOwner.selector, 1, stranger));
        vm.prank(stranger);
        models.setPrice(1, 1);
    }

    function test_setPrice_revertsModelIsDeprecated() public {
        _publish(ADAPTER);
        vm.prank(publisher);
        models.deprecate(1);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.ModelIsDeprecated.selector, 1));
        vm.prank(publisher);
        models.setPrice(1, 1);
    }

    // ── deprecate ───────────────────────────────────────────────────────────────────────────────

    function test_deprecate_byOwner() public {
        _publish(ADAPTER);
        vm.expectEmit(address(models));
        emit ModelRegistry.ModelDeprecated(1);
        vm.prank(publisher);
        models.deprecate(1);
        ModelRegistry.Model memory model = models.getModel(1);
        assertTrue(model.deprecated);
        // The rest of the record is untouched.
        assertEq(model.owner, publisher);
        assertEq(model.pricePer1kTokens, PRICE);
        assertEq(models.getLineage(1).length, 2);
    }

    function test_deprecate_revertsWhenAlreadyDeprecated() public {
        _publish(ADAPTER);
        vm.prank(publisher);
        models.deprecate(1);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.ModelIsDeprecated.selector, 1));
        vm.prank(publisher);
        models.deprecate(1);
    }

    function test_deprecate_revertsUnknownModel() public {
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.UnknownModel.selector, 0));
        vm.prank(publisher);
        models.deprecate(0);
    }

    function test_deprecate_revertsNotModelOwner() public {
        _publish(ADAPTER);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.NotModelOwner.selector, 1, stranger));
        vm.prank(stranger);
        models.deprecate(1);
    }

    // ── transferModelOwnership ──────────────────────────────────────────────────────────────────

    function test_transferModelOwnership_movesRights() public {
        _publish(ADAPTER);
        vm.expectEmit(address(models));
        emit ModelRegistry.ModelOwnershipTransferred(1, publisher, stranger);
        vm.prank(publisher);
        models.transferModelOwnership(1, stranger);
        assertEq(models.getModel(1).owner, stranger);

        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.NotModelOwner.selector, 1, publisher));
        vm.prank(publisher);
        models.setPrice(1, 1);
        vm.prank(stranger);
        models.setPrice(1, 1);
        assertEq(models.getModel(1).pricePer1kTokens, 1);
    }

    function test_transferModelOwnership_allowedWhenDeprecated() public {
        _publish(ADAPTER);
        vm.startPrank(publisher);
        models.deprecate(1);
        models.transferModelOwnership(1, stranger);
        vm.stopPrank();
        assertEq(models.getModel(1).owner, stranger);
        assertTrue(models.getModel(1).deprecated);
    }

    function test_transferModelOwnership_revertsZeroAddress() public {
        _publish(ADAPTER);
        vm.expectRevert(ModelRegistry.ZeroAddress.selector);
        vm.prank(publisher);
        models.transferModelOwnership(1, address(0));
    }

    function test_transferModelOwnership_revertsUnknownModel() public {
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.UnknownModel.selector, 4));
        vm.prank(publisher);
        models.transferModelOwnership(4, stranger);
    }

    function test_transferModelOwnership_revertsNotModelOwner() public {
        _publish(ADAPTER);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.NotModelOwner.selector, 1, stranger));
        vm.prank(stranger);
        models.transferModelOwnership(1, stranger);
    }

    // ── Views ───────────────────────────────────────────────────────────────────────────────────

    function test_views_revertUnknownModel() public {
        _publish(ADAPTER);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.UnknownModel.selector, 0));
        models.getModel(0);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.UnknownModel.selector, 2));
        models.getModel(2);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.UnknownModel.selector, 2));
        models.getLineage(2);
    }

    // ── Gas budget ──────────────────────────────────────────────────────────────────────────────

    function test_gas_publishModel_firstModel() public {
        uint256 used = _measurePublish(keccak256("first adapter"));
        vm.assertLe(used, PUBLISH_BUDGET, "publishModel (first model, 2 lineage refs) over 200,000 gas");
    }

    function test_gas_publishModel_laterModel() public {
        _publish(ADAPTER);
        uint256 used = _measurePublish(keccak256("second adapter"));
        vm.assertLe(used, PUBLISH_BUDGET, "publishModel (later model, 2 lineage refs) over 200,000 gas");
    }

    // ── Fuzz ────────────────────────────────────────────────────────────────────────────────────

    function testFuzz_publishModel_roundTrips(
        address caller,
        bytes32 baseModelId,
        bytes32 adapterHash,
        uint256 price,
        string calldata uri,
        uint64 timestamp
    ) public {
        vm.assume(caller != address(0) && adapterHash != bytes32(0));
        vm.warp(timestamp);
        vm.prank(caller);
        uint256 modelId = models.publishModel(baseModelId, adapterHash, _twoRefs(), price, uri);
        ModelRegistry.Model memory model = models.getModel(modelId);
        assertEq(model.owner, caller);
        assertEq(model.publishedAt, timestamp);
        assertEq(model.baseModelId, baseModelId);
        assertEq(model.adapterHash, adapterHash);
        assertEq(model.pricePer1kTokens, price);
        assertEq(models.modelIdByAdapter(adapterHash), modelId);
    }

    /// @dev Lineage refs survive the packing for any existing datanet version, however many datanets exist.
    function testFuzz_publishModel_lineagePacking(uint8 refCount, uint256 seed) public {
        refCount = uint8(bound(refCount, 1, 6));
        ModelRegistry.DatanetVersionRef[] memory lineage = new ModelRegistry.DatanetVersionRef[](refCount);
        for (uint256 i; i < refCount; ++i) {
            uint256 pick = uint256(keccak256(abi.encode(seed, i)));
            lineage[i] = pick % 2 == 0
                ? ModelRegistry.DatanetVersionRef(datanetA, uint32(1 + (pick >> 8) % 2))
                : ModelRegistry.DatanetVersionRef(datanetB, 1);
        }
        vm.prank(publisher);
        uint256 modelId = models.publishModel(BASE, ADAPTER, lineage, PRICE, URI);
        ModelRegistry.DatanetVersionRef[] memory stored = models.getLineage(modelId);
        assertEq(stored.length, refCount);
        for (uint256 i; i < refCount; ++i) {
            assertEq(stored[i].datanetId, lineage[i].datanetId);
            assertEq(stored[i].version, lineage[i].version);
        }
    }

    function testFuzz_publishModel_rejectsMissingVersions(uint256 datanetId, uint32 version) public {
        bool inA = datanetId == datanetA && version >= 1 && version <= 2;
        bool inB = datanetId == datanetB && version == 1;
        vm.assume(!inA && !inB);
        _expectUnknownVersion(datanetId, version);
    }

    function testFuzz_ownerOnlyActions(address caller) public {
        vm.assume(caller != publisher);
        _publish(ADAPTER);
        bytes memory notOwner = abi.encodeWithSelector(ModelRegistry.NotModelOwner.selector, 1, caller);
        vm.expectRevert(notOwner);
        vm.prank(caller);
        models.setPrice(1, 0);
        vm.expectRevert(notOwner);
        vm.prank(caller);
        models.deprecate(1);
        vm.expectRevert(notOwner);
        vm.prank(caller);
        models.transferModelOwnership(1, caller);
    }

    /// @dev With a registry that reports every version as existing, refs at the packing limits round-trip and ids
    /// from 2^96 up are refused.
    function test_publishModel_packingLimits() public {
        ModelRegistry permissive = new ModelRegistry(DatanetRegistry(address(new AllVersionsExist())));
        ModelRegistry.DatanetVersionRef[] memory lineage = new ModelRegistry.DatanetVersionRef[](3);
        lineage[0] = ModelRegistry.DatanetVersionRef(type(uint96).max, type(uint32).max);
        lineage[1] = ModelRegistry.DatanetVersionRef(1, 1);
        lineage[2] = ModelRegistry.DatanetVersionRef(type(uint96).max - 1, type(uint32).max - 1);
        vm.prank(publisher);
        uint256 modelId = permissive.publishModel(BASE, ADAPTER, lineage, PRICE, URI);
        ModelRegistry.DatanetVersionRef[] memory stored = permissive.getLineage(modelId);
        for (uint256 i; i < 3; ++i) {
            assertEq(stored[i].datanetId, lineage[i].datanetId);
            assertEq(stored[i].version, lineage[i].version);
        }

        lineage[1] = ModelRegistry.DatanetVersionRef(uint256(type(uint96).max) + 1, 1);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.UnknownVersion.selector, uint256(type(uint96).max) + 1, 1));
        vm.prank(publisher);
        permissive.publishModel(BASE, keccak256("other"), lineage, PRICE, URI);
    }

    function testFuzz_publishModel_packingRoundTrips(uint96[5] calldata ids, uint32[5] calldata versions, uint8 count)
        public
    {
        ModelRegistry permissive = new ModelRegistry(DatanetRegistry(address(new AllVersionsExist())));
        count = uint8(bound(count, 0, 5));
        ModelRegistry.DatanetVersionRef[] memory lineage = new ModelRegistry.DatanetVersionRef[](count);
        for (uint256 i; i < count; ++i) {
            lineage[i] = ModelRegistry.DatanetVersionRef(ids[i], versions[i] == 0 ? 1 : versions[i]);
        }
        vm.prank(publisher);
        uint256 modelId = permissive.publishModel(BASE, ADAPTER, lineage, PRICE, URI);
        ModelRegistry.DatanetVersionRef[] memory stored = permissive.getLineage(modelId);
        assertEq(stored.length, count);
        for (uint256 i; i < count; ++i) {
            assertEq(stored[i].datanetId, lineage[i].datanetId);
            assertEq(stored[i].version, lineage[i].version);
        }
    }

    // ── Helpers ─────────────────────────────────────────────────────────────────────────────────

    function _twoRefs() internal view returns (ModelRegistry.DatanetVersionRef[] memory lineage) {
        lineage = new ModelRegistry.DatanetVersionRef[](2);
        lineage[0] = ModelRegistry.DatanetVersionRef(datanetA, 2);
        lineage[1] = ModelRegistry.DatanetVersionRef(datanetB, 1);
    }

    function _publish(bytes32 adapterHash) internal returns (uint256) {
        vm.prank(publisher);
        return models.publishModel(BASE, adapterHash, _twoRefs(), PRICE, URI);
    }

    function _expectUnknownVersion(uint256 datanetId, uint32 version) internal {
        ModelRegistry.DatanetVersionRef[] memory lineage = new ModelRegistry.DatanetVersionRef[](1);
        lineage[0] = ModelRegistry.DatanetVersionRef(datanetId, version);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.UnknownVersion.selector, datanetId, version));
        vm.prank(publisher);
        models.publishModel(BASE, ADAPTER, lineage, PRICE, URI);
    }

    function _measurePublish(bytes32 adapterHash) internal returns (uint256 used) {
        ModelRegistry.DatanetVersionRef[] memory lineage = _twoRefs();
        vm.cool(address(models)); // storage as cold as in a fresh transaction
        vm.cool(address(datanets));
        vm.prank(publisher);
        uint256 before = gasleft();
        models.publishModel(BASE, adapterHash, lineage, PRICE, URI);
        used = before - gasleft();
        used = _executionGas(used, abi.encodeCall(ModelRegistry.publishModel, (BASE, adapterHash, lineage, PRICE, URI)));
    }
}

/// @notice A stand-in registry in which every version of every datanet exists, to reach the packing limits.
contract AllVersionsExist {
    function versionCount(uint256) external pure returns (uint32) {
        return type(uint32).max;
    }
}
