// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @notice A contract whose only function does nothing, called to detect forge's call isolation.
contract IsolationProbe {
    function ping() external {}
}

/// @notice Execution gas of a call measured with gasleft() around it in a test, in both of forge's modes.
/// @dev `forge test` runs a test as one transaction, so gasleft() around an external call measures its execution gas
/// (the CALL included) without the 21,000 intrinsic gas and calldata cost of a real transaction. Under
/// `forge test --gas-report` (npm run contracts:gas) forge isolates every top-level call into its own transaction and
/// gasleft() then also counts that intrinsic gas; {_executionGas} detects isolation (a no-op call then costs more
/// than 21,000) and subtracts it (21,000 + 4 per zero and 16 per non-zero calldata byte, as under cancun), so budgets
/// are always checked against execution gas.
abstract contract ExecutionGas {
    IsolationProbe private _isolationProbe;

    /// @notice `measured` less the intrinsic gas of a transaction carrying `callData`, when forge isolates calls.
    function _executionGas(uint256 measured, bytes memory callData) internal returns (uint256) {
        if (address(_isolationProbe) == address(0)) _isolationProbe = new IsolationProbe();
        IsolationProbe probe = _isolationProbe;
        uint256 before = gasleft();
        probe.ping();
        if (before - gasleft() < 21_000) return measured;
        uint256 intrinsic = 21_000;
        for (uint256 i; i < callData.length; ++i) {
            intrinsic += callData[i] == 0 ? 4 : 16;
        }
        return measured - intrinsic;
    }
}
