import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { type Address, createPublicClient, http, keccak256, toHex } from "viem";
import { contractAbis } from "../lib/chain/abis.generated";
import { appContractNames } from "../lib/chain/deployments";
import { RPC_URL } from "./env";
import { connectWith, openApp, signMessage } from "./fixtures/app";
import { expect, TEST_WALLET_NAME, test } from "./fixtures/test-wallet";
import { ARTIFACTS_DIR } from "./stack-process";

const shot = (name: string) => path.join(ARTIFACTS_DIR, "screenshots", `${name}.png`);
const chain = createPublicClient({ transport: http(RPC_URL) });

/** Every contract the deployment records, as the debug page names them. */
const deployed = appContractNames;

const contractList = (page: Page) => page.getByRole("navigation", { name: "Contracts" });
/** A function's block on the page: a region named by its signature, e.g. "balanceOf(address)". */
const fn = (page: Page, signature: string): Locator => page.getByRole("region", { name: signature, exact: true });

async function openContract(page: Page, name: string): Promise<void> {
  await contractList(page).getByRole("button", { name }).click();
  await expect(page.getByRole("heading", { level: 2, name, exact: true })).toBeVisible();
}

async function addressOf(page: Page, name: string): Promise<Address> {
  const response = await page.request.get("/api/chain");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { contracts: Record<string, Address> };
  const address = body.contracts[name];
  if (!address) throw new Error(`/api/chain lists no ${name}`);
  return address;
}

// Animations would make the pictures differ run to run.
test.use({ reducedMotion: "reduce" });

test.describe("contracts debug page", () => {
  test("lists every deployed contract and reads views live, with and without inputs", async ({
    page,
    walletAddress,
  }) => {
    // The page renders on the server too: a hydration mismatch or an uncaught error fails the test.
    const problems: string[] = [];
    page.on("console", (message) => {
      if (/hydrat/i.test(message.text())) problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    await openApp(page, "/debug");
    await expect(page.getByRole("heading", { level: 1, name: "Contracts debug" })).toBeVisible();
    for (const name of deployed) await expect(contractList(page).getByRole("button", { name })).toBeVisible();

    // OpenToken is open first; its views without inputs show their value at once.
    await expect(page.getByRole("heading", { level: 2, name: "OpenToken", exact: true })).toBeVisible();
    const totalSupply = fn(page, "totalSupply()");
    await expect(totalSupply).toContainText("1000000000000000000000000000");
    await totalSupply.getByRole("button", { name: "Show as an 18-decimals token amount" }).click();
    await expect(totalSupply).toContainText("1,000,000,000");
    await expect(fn(page, "symbol()")).toContainText("OPEN");
    await expect(fn(page, "decimals()")).toContainText("18");
    await expect(page.getByTestId("block-number")).toHaveText(/^\d+$/);

    // A view with an input: validated as typed, then read.
    const balanceOf = fn(page, "balanceOf(address)");
    const account = balanceOf.getByLabel("account");
    await account.fill(walletAddress.replace("C51812", "c51812"));
    await account.blur();
    await expect(balanceOf.getByText(/Checksum mismatch/)).toBeVisible();
    await account.fill(walletAddress);
    await balanceOf.getByRole("button", { name: "Read" }).click();
    const token = await addressOf(page, "OpenToken");
    const expected = await chain.readContract({
      address: token,
      abi: contractAbis.OpenToken,
      functionName: "balanceOf",
      args: [walletAddress as Address],
    });
    await expect(balanceOf.getByTestId("read-result")).toHaveText(new RegExp(`^${expected}(as token)?$`));

    // The holder of the community allocation has OPEN: the same form reads another address.
    const deployer = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    await account.fill(deployer);
    await balanceOf.getByRole("button", { name: "Read" }).click();
    const deployerBalance = await chain.readContract({
      address: token,
      abi: contractAbis.OpenToken,
      functionName: "balanceOf",
      args: [deployer],
    });
    expect(deployerBalance).toBeGreaterThan(0n);
    await expect(balanceOf.getByTestId("read-result")).toHaveText(new RegExp(`^${deployerBalance}(as token)?$`));

    // Writes need a wallet.
    await page.getByRole("tab", { name: /Write/ }).click();
    await expect(page.getByText("Connect a wallet to send transactions")).toBeVisible();
    await expect(fn(page, "transfer(address,uint256)").getByRole("button", { name: "Send" })).toBeDisabled();

    // Every contract opens from its ABI, views and all.
    for (const name of deployed) {
      await openContract(page, name);
      await expect(page.getByText(/No ABI for/)).toHaveCount(0);
      await expect(page.getByRole("tab", { name: /Read/ })).toBeVisible();
    }
    await openContract(page, "Governor");
    await expect(fn(page, "name()")).toContainText("OpenLedger Governor");
    await openContract(page, "OpenToken");

    // Pictures for people: desktop and phone.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: shot("debug-1280"), animations: "disabled" });
    await page.screenshot({ path: shot("debug-1280-full"), fullPage: true, animations: "disabled" });
    await page.setViewportSize({ width: 390, height: 844 });
    await openApp(page, "/debug?contract=DatanetRegistry");
    await page.evaluate(() => window.scrollTo(0, 0));
    const select = page.getByLabel("Contract", { exact: true });
    await expect(select).toHaveValue("DatanetRegistry");
    await expect(fn(page, "datanetCount()")).toContainText(/\d/);
    await page.screenshot({ path: shot("debug-390"), animations: "disabled" });
    await select.selectOption("OpenToken");
    await expect(fn(page, "totalSupply()")).toContainText("1000000000000000000000000000");
    await page.screenshot({ path: shot("debug-390-full"), fullPage: true, animations: "disabled" });
    expect(problems).toEqual([]);
  });

  test("sends a write through the wallet, and stops a reverting one at simulation", async ({ page, walletAddress }) => {
    await openApp(page, "/debug?contract=DatanetRegistry");
    await connectWith(page, TEST_WALLET_NAME);
    await signMessage(page, walletAddress);

    const count = fn(page, "datanetCount()");
    await expect(count).toContainText(/\d/);
    const registry = await addressOf(page, "DatanetRegistry");
    const before = await chain.readContract({
      address: registry,
      abi: contractAbis.DatanetRegistry,
      functionName: "datanetCount",
    });
    await expect(count).toContainText(before.toString());

    await page.getByRole("tab", { name: /Write/ }).click();
    await expect(page.getByText(/Sending as 0x7099…79C8/)).toBeVisible();
    const create = fn(page, "createDatanet(bytes32,string,string)");
    await create.getByLabel("metadataHash").fill("medical-qa v1");
    await create.getByRole("button", { name: "Hash the text with keccak256" }).click();
    await expect(create.getByLabel("metadataHash")).toHaveValue(keccak256(toHex("medical-qa v1")));
    await create.getByLabel("metadataURI").fill("ipfs://bafy-debug-page");
    await create.getByLabel("license").fill("CC-BY-4.0");
    await create.getByRole("button", { name: "Send" }).click();
    const status = create.getByRole("list", { name: "Transaction status" });
    await expect(status).toContainText("Simulation passed");
    await expect(status).toContainText(`returns ${before + 1n}`);
    await expect(status).toContainText(/Confirmed in block \d+/);
    await expect(create.getByTestId("tx-hash")).toHaveText(/^0x[0-9a-f]{8}…[0-9a-f]{8}$/);
    await page.screenshot({ path: shot("debug-write-confirmed-1280"), animations: "disabled" });

    // The new Datanet is on chain, and the live view caught up.
    expect(
      await chain.readContract({ address: registry, abi: contractAbis.DatanetRegistry, functionName: "datanetCount" }),
    ).toBe(before + 1n);
    await page.getByRole("tab", { name: /Read/ }).click();
    await expect(count).toContainText((before + 1n).toString());

    // Its event, decoded from the ABI.
    await page.getByRole("tab", { name: /Events/ }).click();
    const created = page
      .getByRole("list", { name: "Events" })
      .getByRole("listitem")
      .filter({ hasText: "DatanetCreated" });
    await expect(created.first()).toContainText("ipfs://bafy-debug-page");
    await expect(created.first()).toContainText("CC-BY-4.0");
    await page.screenshot({ path: shot("debug-events-1280"), animations: "disabled" });

    // Only the timelock may change the cooldown: the simulation shows the decoded error, nothing is sent.
    await openContract(page, "Staking");
    await page.getByRole("tab", { name: /Write/ }).click();
    const nonceBefore = await chain.getTransactionCount({ address: walletAddress as Address });
    const setCooldown = fn(page, "setCooldown(uint64)");
    await setCooldown.getByLabel("cooldownSeconds").fill("5");
    await setCooldown.getByRole("button", { name: "Send" }).click();
    const alert = setCooldown.getByRole("alert");
    await expect(alert).toContainText("Would revert — not sent");
    await expect(alert).toContainText(`AccessControlUnauthorizedAccount(${walletAddress}, 0x${"00".repeat(32)})`);
    await expect(alert).toContainText("is DEFAULT_ADMIN_ROLE");
    await expect(setCooldown.getByRole("list", { name: "Transaction status" })).toContainText("Not sent");
    expect(await chain.getTransactionCount({ address: walletAddress as Address })).toBe(nonceBefore);
    await setCooldown.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot("debug-write-reverted-1280"), animations: "disabled" });
    await page.setViewportSize({ width: 390, height: 844 });
    await setCooldown.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot("debug-write-reverted-390"), animations: "disabled" });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: "dark" });
    await setCooldown.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot("debug-write-reverted-1280-dark"), animations: "disabled" });
    await page.emulateMedia({ colorScheme: "light" });

    // Input validation happens before anything is simulated.
    await setCooldown.getByLabel("cooldownSeconds").fill("-1");
    await setCooldown.getByRole("button", { name: "Send" }).click();
    await expect(setCooldown.getByText("uint64 cannot be negative.")).toBeVisible();
  });
});
