/**
 * Where the product under test listens. The global setup starts it on these ports (away from a
 * developer's `npm start` on 3000/8545/54320) with its data in DATA_DIR, wiped before each run.
 */
export const E2E_PORT = 3100;
export const E2E_ANVIL_PORT = 8548;
export const E2E_PG_PORT = 54332;
export const E2E_INFERENCE_PORT = 8601;
export const E2E_DATA_DIR = ".data/e2e";
export const E2E_DIST_DIR = ".next-test";
export const E2E_CHAIN_ID = 31337;

export const BASE_URL = process.env.E2E_BASE_URL ?? `http://localhost:${E2E_PORT}`;
export const RPC_URL = process.env.E2E_RPC_URL ?? `http://127.0.0.1:${E2E_ANVIL_PORT}`;
export const CHAIN_ID = E2E_CHAIN_ID;

/** anvil's default account #1 (account #0 is left for deployments); unlocked in anvil. */
export const TEST_ACCOUNT = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

/** anvil's default account #2, for "signed by someone else". */
export const OTHER_ACCOUNT = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
