import { expect, test } from "@playwright/test";
import { type Address, encodeFunctionData, erc20Abi, type Hex, parseEther } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { BASE_URL, RPC_URL } from "./env";
import { connectWith, openApp, signMessage } from "./fixtures/app";

const KEY_STORAGE = "modelfactory.localTestAccount.privateKey";

async function openBalance(token: Address, account: Address): Promise<bigint> {
  const response = await fetch(RPC_URL, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "eth_call",
      params: [
        { to: token, data: encodeFunctionData({ abi: erc20Abi, functionName: "balanceOf", args: [account] }) },
        "latest",
      ],
    }),
  });
  return BigInt(((await response.json()) as { result: Hex }).result);
}

test.describe("local faucet", () => {
  test("a signed-in account gets 1,000 OPEN from the header button; the phone menu offers it too", async ({ page }) => {
    const chain = (await (await fetch(`${BASE_URL}/api/chain`)).json()) as { contracts: { OpenToken: Address } };
    await openApp(page, "/");
    await connectWith(page, "Local test account");
    const key = (await page.evaluate((storageKey) => window.localStorage.getItem(storageKey), KEY_STORAGE)) as Hex;
    const account = privateKeyToAccount(key).address;
    await signMessage(page, account);

    const before = await openBalance(chain.contracts.OpenToken, account);
    await page.getByRole("button", { name: "Get test OPEN" }).click();
    await expect(page.getByText("Sent 10 test ETH and 1,000 OPEN to your account.")).toBeVisible();
    expect((await openBalance(chain.contracts.OpenToken, account)) - before).toBe(parseEther("1000"));

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("button", { name: "Open menu" }).click();
    await expect(page.getByRole("dialog").getByRole("button", { name: "Get test OPEN" })).toBeVisible();
  });
});
