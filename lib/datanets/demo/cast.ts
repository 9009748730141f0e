import type { Hex } from "viem";

/**
 * The demo's people: anvil's well-known development accounts #9 (owner), #5 and #6 (contributors)
 * and #4 (reviewer) — keys anyone has, used only on the local chain. The e2e test wallets are #1 and
 * #2, so they meet the demo as strangers.
 */
export const DEMO_CAST_KEYS = {
  owner: "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6",
  contributors: [
    "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
    "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
  ],
  reviewer: "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
} as const satisfies { owner: Hex; contributors: readonly Hex[]; reviewer: Hex };
