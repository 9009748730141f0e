import { ApiError, fetchJson } from "./api-client";

const RETRIES = 5;
const RETRY_MS = 2_000;

/**
 * POSTs a mined transaction's hash for the app to check on-chain and record. The app answers
 * 409 tx_not_found while its node has not seen the block yet: wait and ask again, a few times.
 */
export async function recordTransaction<T>(url: string, txHash: string): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetchJson<T>(url, { json: { txHash } });
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== "tx_not_found" || attempt >= RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}
