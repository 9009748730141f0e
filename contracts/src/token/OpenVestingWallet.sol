// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {VestingWallet} from "@openzeppelin/contracts/finance/VestingWallet.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";

/// @title OpenVestingWallet
/// @notice Holds a team member's or investor's OPEN allocation and releases it linearly to the beneficiary from
/// `startTimestamp` over `durationSeconds`. Nothing is releasable before the start, so a start one year after
/// deployment acts as a 12-month cliff.
/// @dev An OpenZeppelin {VestingWallet}: the beneficiary is its `owner()` and may transfer that role;
/// anyone may call `release(token)`, which always pays the current owner. The beneficiary may also delegate the
/// votes of the tokens still vesting, so a third of the supply is not shut out of governance.
contract OpenVestingWallet is VestingWallet {
    /// @notice Creates a wallet vesting to `beneficiary` from `startTimestamp` for `durationSeconds`.
    /// @param beneficiary The account that receives released tokens (the wallet's owner); non-zero.
    /// @param startTimestamp When vesting starts (the end of the cliff), in seconds since the epoch.
    /// @param durationSeconds How long the linear release lasts after the start.
    constructor(address beneficiary, uint64 startTimestamp, uint64 durationSeconds)
        VestingWallet(beneficiary, startTimestamp, durationSeconds)
    {}

    /// @notice Delegates the voting power of the `token`s held here (vested or not) to `delegatee`.
    /// @param token An ERC-20 with votes, e.g. OPEN.
    /// @param delegatee Who votes with them; the beneficiary's own address to vote directly.
    function delegate(IVotes token, address delegatee) external onlyOwner {
        token.delegate(delegatee);
    }
}
