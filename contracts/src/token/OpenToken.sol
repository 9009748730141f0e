// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";

/// @title OpenToken
/// @notice The OPEN token ("OpenLedger"): a fixed supply of 1,000,000,000 OPEN minted once, at deployment, to the
/// allocation recipients. It supports EIP-2612 permits, burning, and ERC-5805 vote delegation on a timestamp clock
/// (votes are checkpointed by `block.timestamp`, so governance periods are expressed in seconds).
/// @dev There is no mint function: after the constructor the supply can only decrease, through burns.
contract OpenToken is ERC20, ERC20Permit, ERC20Votes, ERC20Burnable {
    /// @notice The whole supply, minted in the constructor (18 decimals).
    uint256 public constant TOTAL_SUPPLY = 1_000_000_000e18;

    /// @notice The allocation amounts do not sum to {TOTAL_SUPPLY}.
    /// @param sum The sum of the amounts given.
    error AllocationMismatch(uint256 sum);

    /// @notice `recipients` and `amounts` have different lengths.
    error LengthMismatch();

    /// @notice An allocation recipient is the zero address.
    error ZeroRecipient();

    /// @notice Mints the whole supply to the allocation recipients, `amounts[i]` to `recipients[i]`.
    /// @dev Validates every entry before minting anything. Each mint emits `Transfer(address(0), recipient, amount)`.
    /// @param recipients The allocation recipients (vesting wallets, treasuries, ...); repeats are allowed.
    /// @param amounts The amount minted to each recipient; must sum to exactly {TOTAL_SUPPLY}.
    constructor(address[] memory recipients, uint256[] memory amounts)
        ERC20("OpenLedger", "OPEN")
        ERC20Permit("OpenLedger")
    {
        uint256 length = recipients.length;
        if (length != amounts.length) revert LengthMismatch();
        uint256 sum;
        for (uint256 i; i < length; ++i) {
            if (recipients[i] == address(0)) revert ZeroRecipient();
            sum += amounts[i];
        }
        if (sum != TOTAL_SUPPLY) revert AllocationMismatch(sum);
        for (uint256 i; i < length; ++i) {
            _mint(recipients[i], amounts[i]);
        }
    }

    /// @notice The votes clock: the current block timestamp (ERC-6372).
    /// @return The current timepoint, `block.timestamp` as a uint48.
    function clock() public view override returns (uint48) {
        return Time.timestamp();
    }

    /// @notice Describes the votes clock (ERC-6372).
    /// @return The machine-readable clock mode, "mode=timestamp".
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }

    /// @notice The next EIP-2612 permit (and delegation-by-signature) nonce of `owner`.
    /// @param owner The account whose nonce is read.
    /// @return The current nonce.
    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }

    /// @dev Balance moves also move the delegated votes (ERC20Votes).
    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }
}
