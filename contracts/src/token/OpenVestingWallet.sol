// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {VestingWallet} from "@openzeppelin/contracts/finance/VestingWallet.sol";

/// @title OpenVestingWallet
/// @notice Holds a team member's or investor's OPEN allocation and releases it linearly to the beneficiary from
/// `startTimestamp` over `durationSeconds`. Nothing is releasable before the start, so a start one year after
/// deployment acts as a 12-month cliff.
/// @dev A plain OpenZeppelin {VestingWallet}: the beneficiary is its `owner()` and may transfer that role;
/// anyone may call `release(token)`, which always pays the current owner.
contract OpenVestingWallet is VestingWallet {
    /// @notice Creates a wallet vesting to `beneficiary` from `startTimestamp` for `durationSeconds`.
    /// @param beneficiary The account that receives released tokens (the wallet's owner); non-zero.
    /// @param startTimestamp When vesting starts (the end of the cliff), in seconds since the epoch.
    /// @param durationSeconds How long the linear release lasts after the start.
    constructor(address beneficiary, uint64 startTimestamp, uint64 durationSeconds)
        VestingWallet(beneficiary, startTimestamp, durationSeconds)
    {}
}
