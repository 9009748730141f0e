// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {DatanetRegistry} from "../datanets/DatanetRegistry.sol";

/// @title ModelRegistry
/// @notice The on-chain record of fine-tuned models (LoRA adapters): who owns each, what it costs per 1,000 tokens of
/// inference, and its lineage — the datanet versions it was trained on, which attribution rewards follow.
/// @dev Lineage refs are checked against the {DatanetRegistry} and stored two per slot: each ref packs into 128 bits
/// as `datanetId << 32 | version` (an existing datanet's id is far below 2^96), ref `i` in the low half of word
/// `i / 2` when `i` is even and in the high half when odd. The number of refs lives in the model's first slot.
contract ModelRegistry {
    /// @notice A datanet version a model was trained on.
    struct DatanetVersionRef {
        uint256 datanetId;
        uint32 version;
    }

    /// @notice A published model, as returned by {getModel}.
    /// @param owner Who receives the model owner's share and may manage the model.
    /// @param deprecated Whether the owner retired the model (irreversible).
    /// @param publishedAt When the model was published (block timestamp).
    /// @param baseModelId The base model the adapter applies to.
    /// @param adapterHash The content hash of the adapter weights; unique across models.
    /// @param pricePer1kTokens The inference price in OPEN wei per 1,000 tokens.
    struct Model {
        address owner;
        bool deprecated;
        uint64 publishedAt;
        bytes32 baseModelId;
        bytes32 adapterHash;
        uint256 pricePer1kTokens;
    }

    /// @dev Storage layout of a model: the first slot packs 160 + 8 + 64 + 24 bits.
    struct ModelRecord {
        address owner;
        bool deprecated;
        uint64 publishedAt;
        uint24 lineageLength;
        bytes32 baseModelId;
        bytes32 adapterHash;
        uint256 pricePer1kTokens;
    }

    /// @notice The registry whose datanet versions lineage refs point at.
    DatanetRegistry public immutable datanets;

    /// @dev The next model id. Starts at 1 (set in the constructor) so the first publication does not pay for a
    /// zero-to-non-zero write; `modelCount() == _nextModelId - 1`.
    uint256 private _nextModelId;
    mapping(uint256 modelId => ModelRecord) private _models;
    mapping(uint256 modelId => mapping(uint256 wordIndex => uint256 twoRefs)) private _lineage;
    mapping(bytes32 adapterHash => uint256 modelId) private _modelIdByAdapter;

    /// @notice A model was published.
    event ModelPublished(
        uint256 indexed modelId,
        address indexed owner,
        bytes32 indexed adapterHash,
        bytes32 baseModelId,
        uint256 pricePer1kTokens,
        string metadataURI,
        DatanetVersionRef[] lineage
    );

    /// @notice The owner of `modelId` set its price.
    event PriceSet(uint256 indexed modelId, uint256 pricePer1kTokens);

    /// @notice The owner of `modelId` deprecated it.
    event ModelDeprecated(uint256 indexed modelId);

    /// @notice `modelId` changed owner.
    event ModelOwnershipTransferred(uint256 indexed modelId, address indexed previousOwner, address indexed newOwner);

    /// @notice No model has this id.
    error UnknownModel(uint256 modelId);
    /// @notice `account` is not the owner of the model.
    error NotModelOwner(uint256 modelId, address account);
    /// @notice The model is deprecated.
    error ModelIsDeprecated(uint256 modelId);
    /// @notice The adapter hash is zero.
    error EmptyAdapterHash();
    /// @notice A model with this adapter hash is already published.
    error AdapterAlreadyPublished(bytes32 adapterHash);
    /// @notice A lineage ref names a datanet version that does not exist (same error as the DatanetRegistry's).
    error UnknownVersion(uint256 datanetId, uint32 version);
    /// @notice An address argument is zero.
    error ZeroAddress();

    /// @param datanets_ The DatanetRegistry that lineage refs are checked against; non-zero.
    constructor(DatanetRegistry datanets_) {
        if (address(datanets_) == address(0)) revert ZeroAddress();
        datanets = datanets_;
        _nextModelId = 1;
    }

    // ── Publishing ──────────────────────────────────────────────────────────────────────────────

    /// @notice Publishes a model owned by the caller.
    /// @dev Gas grows with `lineage.length` (one external view call per ref, one storage slot per two refs); the caller
    /// pays for its own refs. Duplicate refs are not rejected.
    /// @param baseModelId The base model the adapter applies to.
    /// @param adapterHash The content hash of the adapter weights; non-zero and not already published.
    /// @param lineage The datanet versions the model was trained on; each must exist.
    /// @param pricePer1kTokens The inference price in OPEN wei per 1,000 tokens.
    /// @param metadataURI Where the model card lives (recorded in the event only).
    /// @return modelId The new model's id (ids start at 1).
    function publishModel(
        bytes32 baseModelId,
        bytes32 adapterHash,
        DatanetVersionRef[] calldata lineage,
        uint256 pricePer1kTokens,
        string calldata metadataURI
    ) external returns (uint256 modelId) {
        if (adapterHash == bytes32(0)) revert EmptyAdapterHash();
        if (_modelIdByAdapter[adapterHash] != 0) revert AdapterAlreadyPublished(adapterHash);

        modelId = _nextModelId;
        unchecked {
            _nextModelId = modelId + 1;
        }

        uint256 length = _storeLineage(modelId, lineage);

        _models[modelId] = ModelRecord({
            owner: msg.sender,
            deprecated: false,
            publishedAt: uint64(block.timestamp),
            lineageLength: SafeCast.toUint24(length), // 2^24 refs would not fit in a block anyway
            baseModelId: baseModelId,
            adapterHash: adapterHash,
            pricePer1kTokens: pricePer1kTokens
        });
        _modelIdByAdapter[adapterHash] = modelId;

        emit ModelPublished(modelId, msg.sender, adapterHash, baseModelId, pricePer1kTokens, metadataURI, lineage);
    }

    // ── Owner actions ───────────────────────────────────────────────────────────────────────────

    /// @notice Sets the inference price of `modelId`. Model owner only; not for a deprecated model.
    /// @param modelId The model.
    /// @param pricePer1kTokens The new price in OPEN wei per 1,000 tokens.
    function setPrice(uint256 modelId, uint256 pricePer1kTokens) external {
        ModelRecord storage model = _ownedModel(modelId);
        if (model.deprecated) revert ModelIsDeprecated(modelId);
        model.pricePer1kTokens = pricePer1kTokens;
        emit PriceSet(modelId, pricePer1kTokens);
    }

    /// @notice Deprecates `modelId` for good. Model owner only; reverts if already deprecated.
    /// @param modelId The model.
    function deprecate(uint256 modelId) external {
        ModelRecord storage model = _ownedModel(modelId);
        if (model.deprecated) revert ModelIsDeprecated(modelId);
        model.deprecated = true;
        emit ModelDeprecated(modelId);
    }

    /// @notice Transfers `modelId` to `newOwner`. Model owner only (deprecated models may still be transferred).
    /// @param modelId The model.
    /// @param newOwner The new owner; non-zero.
    function transferModelOwnership(uint256 modelId, address newOwner) external {
        ModelRecord storage model = _ownedModel(modelId);
        if (newOwner == address(0)) revert ZeroAddress();
        model.owner = newOwner;
        emit ModelOwnershipTransferred(modelId, msg.sender, newOwner);
    }

    // ── Views ───────────────────────────────────────────────────────────────────────────────────

    /// @notice The number of models published (also the highest id).
    /// @return The count.
    function modelCount() external view returns (uint256) {
        return _nextModelId - 1;
    }

    /// @notice A published model. Reverts `UnknownModel` if it does not exist.
    /// @param modelId The model.
    /// @return The model.
    function getModel(uint256 modelId) external view returns (Model memory) {
        ModelRecord storage model = _existingModel(modelId);
        return Model({
            owner: model.owner,
            deprecated: model.deprecated,
            publishedAt: model.publishedAt,
            baseModelId: model.baseModelId,
            adapterHash: model.adapterHash,
            pricePer1kTokens: model.pricePer1kTokens
        });
    }

    /// @notice The datanet versions `modelId` was trained on, in publication order. Reverts `UnknownModel` if it does
    /// not exist.
    /// @param modelId The model.
    /// @return lineage The refs.
    function getLineage(uint256 modelId) external view returns (DatanetVersionRef[] memory lineage) {
        uint256 length = _existingModel(modelId).lineageLength;
        mapping(uint256 wordIndex => uint256 twoRefs) storage words = _lineage[modelId];
        lineage = new DatanetVersionRef[](length);
        uint256 word;
        for (uint256 i; i < length; ++i) {
            uint256 ref;
            if (i & 1 == 0) {
                word = words[i >> 1];
                ref = word & type(uint128).max;
            } else {
                ref = word >> 128;
            }
            // casting to 'uint32' is safe because the low 32 bits of a ref hold the version
            // forge-lint: disable-next-line(unsafe-typecast)
            lineage[i] = DatanetVersionRef({datanetId: ref >> 32, version: uint32(ref)});
        }
    }

    /// @notice The id of the model published with `adapterHash`, or 0 if none.
    /// @param adapterHash The adapter's content hash.
    /// @return The model id.
    function modelIdByAdapter(bytes32 adapterHash) external view returns (uint256) {
        return _modelIdByAdapter[adapterHash];
    }

    // ── Internals ───────────────────────────────────────────────────────────────────────────────

    /// @dev Checks every ref against the DatanetRegistry and stores the refs two per slot; returns their number.
    function _storeLineage(uint256 modelId, DatanetVersionRef[] calldata lineage) private returns (uint256 length) {
        length = lineage.length;
        mapping(uint256 wordIndex => uint256 twoRefs) storage words = _lineage[modelId];
        DatanetRegistry registry = datanets;
        uint256 word;
        for (uint256 i; i < length; ++i) {
            uint256 datanetId = lineage[i].datanetId;
            uint32 version = lineage[i].version;
            // An existing version implies an existing datanet, whose id is far below 2^96 (ids count up from 1);
            // the explicit bound keeps the packing sound whatever the registry returns.
            if (version == 0 || datanetId > type(uint96).max || version > registry.versionCount(datanetId)) {
                revert UnknownVersion(datanetId, version);
            }
            uint256 ref = (datanetId << 32) | version;
            if (i & 1 == 0) {
                word = ref;
            } else {
                words[i >> 1] = word | (ref << 128);
            }
        }
        if (length & 1 == 1) words[length >> 1] = word;
    }

    /// @dev The model's storage record, after checking that it exists.
    function _existingModel(uint256 modelId) private view returns (ModelRecord storage model) {
        model = _models[modelId];
        if (model.owner == address(0)) revert UnknownModel(modelId);
    }

    /// @dev The model's storage record, after checking that it exists and that the caller owns it.
    function _ownedModel(uint256 modelId) private view returns (ModelRecord storage model) {
        model = _models[modelId];
        address owner = model.owner;
        if (owner == address(0)) revert UnknownModel(modelId);
        if (msg.sender != owner) revert NotModelOwner(modelId, msg.sender);
    }
}
