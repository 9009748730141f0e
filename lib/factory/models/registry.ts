import type { Address } from "viem";
import { readDeployment } from "@/lib/chain/deployments";
import { serverConfig } from "@/lib/config/server";
import { DomainError } from "@/lib/errors";

/** Where models are published: the configured chain and its ModelRegistry. */
export interface ModelRegistryTarget {
  chainId: number;
  address: Address;
}

/** The configured chain's ModelRegistry, or 503 when the contracts are not deployed there. */
export function modelRegistry(): ModelRegistryTarget {
  const config = serverConfig();
  const deployment = readDeployment(config.CHAIN_ID, process.env);
  if (!deployment) {
    throw new DomainError("not_deployed", "The contracts are not deployed on this chain yet: run npm start.", 503, {
      chainId: config.CHAIN_ID,
    });
  }
  return { chainId: config.CHAIN_ID, address: deployment.contracts.ModelRegistry.address };
}
