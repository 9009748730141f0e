import type { Address } from "viem";
import { readDeployment } from "@/lib/chain/deployments";
import { serverConfig } from "@/lib/config/server";
import { DomainError } from "@/lib/errors";

/** The configured chain and its DatanetRegistry: the EIP-712 domain of contributions and where versions go. */
export function datanetRegistry(): { chainId: number; address: Address } {
  const config = serverConfig();
  const deployment = readDeployment(config.CHAIN_ID, process.env);
  if (!deployment) {
    throw new DomainError("not_deployed", "The contracts are not deployed on this chain yet: run npm start.", 503, {
      chainId: config.CHAIN_ID,
    });
  }
  return { chainId: config.CHAIN_ID, address: deployment.contracts.DatanetRegistry.address };
}
