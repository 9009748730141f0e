"use client";

import { useCallback } from "react";
import type { Address, TransactionReceipt } from "viem";
import { useContractWrite } from "@/components/datanets/versions/use-registry-write";
import type { PublishModelCall } from "@/lib/factory/models/prepare";

/** ModelRegistry.publishModel's arguments from the app's JSON call (decimal strings back to bigints). */
export function publishModelArgs(call: PublishModelCall) {
  return [
    call.baseModelId,
    call.adapterHash,
    call.lineage.map((ref) => ({ datanetId: BigInt(ref.datanetId), version: ref.version })),
    BigInt(call.pricePer1kTokens),
    call.metadataURI,
  ] as const;
}

/** Sends ModelRegistry.publishModel through the app's careful contract write (check, simulate, sign, wait). */
export function useModelRegistryWrite() {
  const write = useContractWrite<{ functionName: "publishModel"; args: ReturnType<typeof publishModelArgs> }>(
    "ModelRegistry",
  );
  const { send: sendCall } = write;
  const send = useCallback(
    (registry: Address, call: PublishModelCall): Promise<TransactionReceipt | null> =>
      sendCall(registry, { functionName: "publishModel", args: publishModelArgs(call) }),
    [sendCall],
  );
  return { ...write, send };
}
