import type { Page } from "@playwright/test";
import { type Address, createPublicClient, type Hex, http } from "viem";
import { contractAbis } from "../lib/chain/abis.generated";
import { RPC_URL } from "./env";
import { signIn, snap as snapAs } from "./fixtures/flows";
import { expect, test } from "./fixtures/test-wallet";

const snap = (page: Page, name: string) => snapAs(page, `models-${name}`);

/** A demo Datanet the e2e stack seeds with version 1 published on-chain (scripts/demo). */
const DEMO_DATANET = "Software weaknesses Q&A";

test.use({ reducedMotion: "reduce" });

test.describe("publishing a model", () => {
  test("a Quick run is published from the wallet, ModelRegistry holds its adapter hash, and /models lists it", async ({
    page,
    walletAddress,
  }) => {
    test.setTimeout(300_000);
    await signIn(page, walletAddress, "/models");
    await snap(page, "list-before");
    const list = (await (await page.request.get(`/api/datanets?q=${encodeURIComponent(DEMO_DATANET)}`)).json()) as {
      items: { id: string; name: string }[];
    };
    const demo = list.items.find((d) => d.name === DEMO_DATANET) as { id: string };
    const name = `Publish e2e ${Date.now().toString(36)}`;
    const launched = await page.request.post("/api/training-runs", {
      data: { preset: "quick", name, data: { versions: [{ datanetId: demo.id, version: 1 }] } },
    });
    expect(launched.status()).toBe(201);
    const { run } = (await launched.json()) as { run: { id: string } };

    await page.goto(`/factory/runs/${run.id}`);
    await expect(page.getByText("succeeded", { exact: true }).first()).toBeVisible({ timeout: 240_000 });
    const publish = page.getByRole("region", { name: "Publish" });
    const price = publish.getByLabel("Price per 1,000 tokens (OPEN)");
    await price.fill("1e3");
    await price.blur();
    await expect(publish.getByText("A number of OPEN such as 0.25")).toBeVisible();
    await price.fill("0.05");
    await snap(page, "publish-form");
    await publish.getByRole("button", { name: "Publish" }).click();
    await expect(publish.getByText(/Published on-chain as model #\d+ at 0\.05 OPEN/)).toBeVisible({ timeout: 60_000 });
    await snap(page, "publish-done");

    const { model } = (await (await page.request.get(`/api/training-runs/${run.id}/model`)).json()) as {
      model: { id: string; adapterHash: Hex; onchainId: string; registry: Address; txHash: Hex };
    };
    const chain = createPublicClient({ transport: http(RPC_URL) });
    const registry = { address: model.registry, abi: contractAbis.ModelRegistry } as const;
    expect(await chain.readContract({ ...registry, functionName: "modelIdByAdapter", args: [model.adapterHash] })).toBe(
      BigInt(model.onchainId),
    );
    const stored = await chain.readContract({ ...registry, functionName: "getModel", args: [BigInt(model.onchainId)] });
    expect(stored.adapterHash).toBe(model.adapterHash);
    expect(stored.owner.toLowerCase()).toBe(walletAddress.toLowerCase());
    expect(stored.pricePer1kTokens).toBe(50_000_000_000_000_000n);

    await publish.getByRole("link", { name: "Open the model page" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByTestId("adapter-hash")).toHaveText(model.adapterHash);
    await expect(page.getByTestId("model-onchain-id")).toContainText(`#${model.onchainId}`);
    await expect(page.getByRole("link", { name: /Software weaknesses Q&A · v1/ })).toBeVisible();
    const zip = await page.request.get(`/api/models/${model.id}/adapter.zip`);
    expect(zip.status()).toBe(200);
    expect(zip.headers()["x-adapter-sha256"]).toBe(model.adapterHash);
    expect(zip.headers()["content-disposition"]).toMatch(/^attachment; filename=".+-adapter\.zip"$/);
    await snap(page, "model-page");

    const listed = async (query: string) =>
      ((await (await page.request.get(`/api/models?${query}`)).json()) as { models: { id: string }[] }).models.map(
        (m) => m.id,
      );
    expect(await listed(`datanet=${demo.id}`)).toContain(model.id);
    expect(await listed("owner=me&baseModel=mf-prose-byte")).toContain(model.id);
    expect(await listed("baseModel=mf-code-byte")).not.toContain(model.id);

    await page.goto("/models");
    await expect(page.getByTestId("model-card").filter({ hasText: name })).toBeVisible();
    await snap(page, "list");
  });
});
