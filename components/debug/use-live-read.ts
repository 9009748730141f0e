"use client";

import { useEffect, useMemo, useRef } from "react";
import type { AbiFunction } from "viem";
import { useReadContract } from "wagmi";
import { callAbi } from "@/lib/chain/abi-values";
import type { DebugContract } from "./contract-registry";

/**
 * Calls a view function and calls it again on every new block, so the value stays live.
 * `args` undefined means "not yet": a function with inputs reads once its form is submitted.
 */
export function useLiveRead(
  contract: DebugContract,
  fn: AbiFunction,
  args: readonly unknown[] | undefined,
  blockNumber: bigint | undefined,
) {
  const abi = useMemo(() => callAbi(contract.abi ?? [], fn), [contract.abi, fn]);
  const enabled = args !== undefined;
  const read = useReadContract({
    address: contract.address,
    abi,
    functionName: fn.name,
    args,
    query: { enabled, retry: false, staleTime: 0 },
  });
  const { refetch } = read;
  const lastBlock = useRef(blockNumber);
  useEffect(() => {
    if (!enabled || blockNumber === undefined || blockNumber === lastBlock.current) return;
    lastBlock.current = blockNumber;
    void refetch();
  }, [blockNumber, enabled, refetch]);
  return read;
}
