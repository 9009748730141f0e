// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @notice A contract whose only function does nothing: the probe {GasMeter} calls.
contract GasProbe {
    function ping() external {}
}

/// @notice Helpers for the gas-budget tests: execution gas of a call measured with gasleft(), whether or not forge
/// isolates the call, and forge's console.log.
/// @dev Under `forge test --gas-report` (npm run contracts:gas) forge runs every top-level call of a test as its
/// own transaction ("isolation"), so gasleft() around the call also counts that transaction's intrinsic gas
/// (21,000 + 4 per zero and 16 per non-zero calldata byte). {_executionGas} detects isolation with a no-op call
/// (which then costs more than 21,000) and subtracts the intrinsic gas, so budgets are checked against execution
/// gas in both modes.
abstract contract GasMeter {
    GasProbe private _probe;

    /// @notice `measured` less the intrinsic gas of a transaction carrying `callData`, when forge isolates calls.
    function _executionGas(uint256 measured, bytes memory callData) internal returns (uint256) {
        if (address(_probe) == address(0)) _probe = new GasProbe();
        GasProbe probe = _probe;
        uint256 before = gasleft();
        probe.ping();
        if (before - gasleft() < 21_000) return measured;
        uint256 intrinsic = 21_000;
        for (uint256 i; i < callData.length; ++i) {
            intrinsic += callData[i] == 0 ? 4 : 16;
        }
        return measured - intrinsic;
    }

    /// @dev forge's console.log(string, uint256), shown with -vv.
    function _log(string memory what, uint256 value) internal view {
        (bool ok,) = address(0x000000000000000000636F6e736F6c652e6c6f67)
            .staticcall(abi.encodeWithSignature("log(string,uint256)", what, value));
        ok;
    }
}
