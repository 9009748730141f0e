// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

/// @title DatanetRegistry
/// @notice The on-chain record of community datasets ("datanets") and their versions. Each version commits to its rows
/// and contributors with a Merkle root built as OpenZeppelin's `StandardMerkleTree` over
/// `(address contributor, bytes32 rowHash)` leaves, so anyone can prove that a contribution is part of a version.
/// @dev Operator approvals belong to the owner that granted them: transferring a datanet revokes all of them (they are
/// stored under an ownership generation that the transfer increments), so a new owner never inherits operators.
contract DatanetRegistry {
    /// @notice One committed version of a datanet.
    /// @param merkleRoot The StandardMerkleTree root over `(contributor, rowHash)` leaves; never zero.
    /// @param rowCount The number of rows in the version.
    /// @param contributorCount The number of distinct contributors in the version.
    /// @param parentVersion The version this one derives from, or 0 for none.
    /// @param createdAt When the version was added (block timestamp).
    /// @param metadataHash A hash of the version's off-chain metadata (manifest).
    struct Version {
        bytes32 merkleRoot;
        uint64 rowCount;
        uint32 contributorCount;
        uint32 parentVersion;
        uint64 createdAt;
        bytes32 metadataHash;
    }

    /// @dev One storage slot per datanet: 160 + 32 + 32 bits.
    struct Datanet {
        address owner;
        uint32 versionCount;
        uint32 ownerGeneration;
    }

    /// @dev The next datanet id. Starts at 1 (set in the constructor) so the first creation does not pay for a
    /// zero-to-non-zero write; `datanetCount() == _nextDatanetId - 1`.
    uint256 private _nextDatanetId;
    mapping(uint256 datanetId => Datanet) private _datanets;
    mapping(uint256 datanetId => mapping(uint32 ownerGeneration => mapping(address operator => bool))) private
        _operators;
    mapping(uint256 datanetId => mapping(uint32 version => Version)) private _versions;

    /// @notice A datanet was created.
    event DatanetCreated(
        uint256 indexed datanetId, address indexed owner, bytes32 metadataHash, string metadataURI, string license
    );

    /// @notice The owner of `datanetId` approved (`approved = true`) or revoked an operator.
    event OperatorSet(uint256 indexed datanetId, address indexed operator, bool approved);

    /// @notice `datanetId` changed owner; every operator approval of the previous owner is revoked with it.
    event DatanetOwnershipTransferred(
        uint256 indexed datanetId, address indexed previousOwner, address indexed newOwner
    );

    /// @notice A version was added to `datanetId`.
    event VersionAdded(
        uint256 indexed datanetId,
        uint32 indexed version,
        bytes32 merkleRoot,
        uint64 rowCount,
        uint32 contributorCount,
        uint32 parentVersion,
        bytes32 metadataHash
    );

    /// @notice No datanet has this id.
    error UnknownDatanet(uint256 datanetId);
    /// @notice The datanet has no such version (versions number from 1).
    error UnknownVersion(uint256 datanetId, uint32 version);
    /// @notice `account` is not the owner of the datanet.
    error NotDatanetOwner(uint256 datanetId, address account);
    /// @notice `account` is neither the owner of the datanet nor one of its operators.
    error NotOwnerOrOperator(uint256 datanetId, address account);
    /// @notice A version's Merkle root is zero.
    error EmptyRoot();
    /// @notice An address argument is zero.
    error ZeroAddress();

    constructor() {
        _nextDatanetId = 1;
    }

    // ── Datanets ────────────────────────────────────────────────────────────────────────────────

    /// @notice Creates a datanet owned by the caller. The metadata is recorded in the event only.
    /// @param metadataHash A hash of the datanet's off-chain description.
    /// @param metadataURI Where the description lives.
    /// @param license The license of the data (an SPDX id or a URI).
    /// @return datanetId The new datanet's id (ids start at 1).
    function createDatanet(bytes32 metadataHash, string calldata metadataURI, string calldata license)
        external
        returns (uint256 datanetId)
    {
        datanetId = _nextDatanetId;
        unchecked {
            _nextDatanetId = datanetId + 1;
        }
        _datanets[datanetId].owner = msg.sender;
        emit DatanetCreated(datanetId, msg.sender, metadataHash, metadataURI, license);
    }

    /// @notice Approves or revokes `operator` to add versions to `datanetId`. Owner only.
    /// @param datanetId The datanet.
    /// @param operator The account approved or revoked; non-zero.
    /// @param approved True to approve, false to revoke.
    function setOperator(uint256 datanetId, address operator, bool approved) external {
        Datanet storage datanet = _ownedDatanet(datanetId);
        if (operator == address(0)) revert ZeroAddress();
        _operators[datanetId][datanet.ownerGeneration][operator] = approved;
        emit OperatorSet(datanetId, operator, approved);
    }

    /// @notice Transfers `datanetId` to `newOwner`, revoking every operator approval. Owner only.
    /// @param datanetId The datanet.
    /// @param newOwner The new owner; non-zero.
    function transferDatanetOwnership(uint256 datanetId, address newOwner) external {
        Datanet storage datanet = _ownedDatanet(datanetId);
        if (newOwner == address(0)) revert ZeroAddress();
        datanet.owner = newOwner;
        unchecked {
            // Wrapping after 2^32 transfers would only revive approvals from 2^32 transfers ago.
            ++datanet.ownerGeneration;
        }
        emit DatanetOwnershipTransferred(datanetId, msg.sender, newOwner);
    }

    // ── Versions ────────────────────────────────────────────────────────────────────────────────

    /// @notice Adds the next version of `datanetId`. The owner or an approved operator only.
    /// @param datanetId The datanet.
    /// @param merkleRoot The StandardMerkleTree root over `(address contributor, bytes32 rowHash)`; non-zero.
    /// @param rowCount The number of rows in the version.
    /// @param contributorCount The number of distinct contributors.
    /// @param parentVersion 0 for none, or an existing version of this datanet.
    /// @param metadataHash A hash of the version's off-chain manifest.
    /// @return version The new version's number (versions number from 1).
    function addVersion(
        uint256 datanetId,
        bytes32 merkleRoot,
        uint64 rowCount,
        uint32 contributorCount,
        uint32 parentVersion,
        bytes32 metadataHash
    ) external returns (uint32 version) {
        Datanet storage datanet = _datanets[datanetId];
        address owner = datanet.owner;
        uint32 count = datanet.versionCount;
        if (owner == address(0)) revert UnknownDatanet(datanetId);
        if (msg.sender != owner && !_operators[datanetId][datanet.ownerGeneration][msg.sender]) {
            revert NotOwnerOrOperator(datanetId, msg.sender);
        }
        if (merkleRoot == bytes32(0)) revert EmptyRoot();
        if (parentVersion > count) revert UnknownVersion(datanetId, parentVersion);

        version = count + 1; // checked: reverts rather than wrap after 2^32 - 1 versions
        datanet.versionCount = version;
        _versions[datanetId][version] = Version({
            merkleRoot: merkleRoot,
            rowCount: rowCount,
            contributorCount: contributorCount,
            parentVersion: parentVersion,
            createdAt: uint64(block.timestamp),
            metadataHash: metadataHash
        });
        emit VersionAdded(datanetId, version, merkleRoot, rowCount, contributorCount, parentVersion, metadataHash);
    }

    // ── Views ───────────────────────────────────────────────────────────────────────────────────

    /// @notice The owner of `datanetId`, or the zero address if it does not exist.
    /// @param datanetId The datanet.
    /// @return The owner.
    function datanetOwner(uint256 datanetId) external view returns (address) {
        return _datanets[datanetId].owner;
    }

    /// @notice Whether `operator` is currently approved for `datanetId` by its current owner.
    /// @param datanetId The datanet.
    /// @param operator The account.
    /// @return True if approved (the owner itself is not reported as an operator).
    function isOperator(uint256 datanetId, address operator) external view returns (bool) {
        return _operators[datanetId][_datanets[datanetId].ownerGeneration][operator];
    }

    /// @notice The number of datanets created (also the highest id).
    /// @return The count.
    function datanetCount() external view returns (uint256) {
        return _nextDatanetId - 1;
    }

    /// @notice The number of versions of `datanetId` (also its latest version); 0 for an unknown datanet.
    /// @param datanetId The datanet.
    /// @return The count.
    function versionCount(uint256 datanetId) external view returns (uint32) {
        return _datanets[datanetId].versionCount;
    }

    /// @notice One version of a datanet. Reverts `UnknownVersion` if it does not exist.
    /// @param datanetId The datanet.
    /// @param version The version number (from 1).
    /// @return The version record.
    function getVersion(uint256 datanetId, uint32 version) external view returns (Version memory) {
        return _existingVersion(datanetId, version);
    }

    /// @notice Whether `(contributor, rowHash)` is a leaf of the version's Merkle tree. Reverts `UnknownVersion` if the
    /// version does not exist.
    /// @dev The leaf is `keccak256(bytes.concat(keccak256(abi.encode(contributor, rowHash))))`, as in
    /// `StandardMerkleTree.of(rows, ["address", "bytes32"])`; the proof uses sorted-pair hashing.
    /// @param datanetId The datanet.
    /// @param version The version number.
    /// @param contributor The contributor of the row.
    /// @param rowHash The hash of the row.
    /// @param proof The Merkle proof of the leaf.
    /// @return True if the proof is valid for the version's root.
    function verifyContribution(
        uint256 datanetId,
        uint32 version,
        address contributor,
        bytes32 rowHash,
        bytes32[] calldata proof
    ) external view returns (bool) {
        bytes32 root = _existingVersion(datanetId, version).merkleRoot;
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(contributor, rowHash))));
        return MerkleProof.verifyCalldata(proof, root, leaf);
    }

    // ── Internals ───────────────────────────────────────────────────────────────────────────────

    /// @dev The datanet's storage record, after checking that it exists and that the caller owns it.
    function _ownedDatanet(uint256 datanetId) private view returns (Datanet storage datanet) {
        datanet = _datanets[datanetId];
        address owner = datanet.owner;
        if (owner == address(0)) revert UnknownDatanet(datanetId);
        if (msg.sender != owner) revert NotDatanetOwner(datanetId, msg.sender);
    }

    /// @dev The version's storage record, after checking that it exists.
    function _existingVersion(uint256 datanetId, uint32 version) private view returns (Version storage) {
        if (version == 0 || version > _datanets[datanetId].versionCount) revert UnknownVersion(datanetId, version);
        return _versions[datanetId][version];
    }
}
