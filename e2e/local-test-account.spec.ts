import { expect, test } from "@playwright/test";
import { type Hex, isAddress } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { RPC_URL, TEST_ACCOUNT } from "./env";
import {
  abbreviate,
  accountButton,
  connectButton,
  connectWith,
  expectSession,
  openApp,
  rainbowKitDialog,
  sessionOf,
  signMessage,
} from "./fixtures/app";

const KEY_STORAGE = "modelfactory.localTestAccount.privateKey";

async function balanceOf(address: string): Promise<bigint> {
  const response = await fetch(RPC_URL, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_getBalance", params: [address, "latest"] }),
  });
  return BigInt(((await response.json()) as { result: Hex }).result);
}

// A plain page: no injected wallet, as for a newcomer without a browser extension.
test.describe("local test account", () => {
  test("is offered on the local chain and signs in with a burner key held in the browser", async ({ page }) => {
    await openApp(page, "/");
    expect(await page.evaluate(() => "ethereum" in window)).toBe(false);

    await connectButton(page).click();
    const dialog = rainbowKitDialog(page);
    await expect(dialog.getByText("Local development", { exact: true })).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Local test account" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    await connectWith(page, "Local test account");
    // The burner key was created in this browser on first use; its address is the account.
    const key = (await page.evaluate((storageKey) => window.localStorage.getItem(storageKey), KEY_STORAGE)) as Hex;
    expect(key).toMatch(/^0x[0-9a-f]{64}$/);
    const burner = privateKeyToAccount(key).address;
    expect(isAddress(burner)).toBe(true);
    expect(burner).not.toBe(TEST_ACCOUNT);

    // No request for a signature leaves the browser: the burner signs locally.
    const rpcSignRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().startsWith(RPC_URL) && /personal_sign|eth_sign/.test(request.postData() ?? "")) {
        rpcSignRequests.push(request.postData() ?? "");
      }
    });
    await signMessage(page, burner);
    expect(rpcSignRequests).toEqual([]);

    const session = await sessionOf(page);
    expect(session).toMatchObject({ authenticated: true, chainId: 31337 });
    expect(session.address?.toLowerCase()).toBe(burner.toLowerCase());
    // It was given ETH on the local chain so it can pay for gas.
    await expect.poll(() => balanceOf(burner)).toBeGreaterThan(0n);

    // Same account after a reload: the key stays in this browser.
    await page.reload();
    await expect(accountButton(page)).toContainText(abbreviate(burner));
    await expectSession(page, burner);
  });
});
