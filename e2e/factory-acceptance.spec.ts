import type { Page } from "@playwright/test";
import { type Address, createPublicClient, type Hex, http } from "viem";
import { contractAbis } from "../lib/chain/abis.generated";
import { RPC_URL } from "./env";
import { signIn, snap as snapAs } from "./fixtures/flows";
import { expect, test } from "./fixtures/test-wallet";

const snap = (page: Page, name: string) => snapAs(page, name);

/** A demo Datanet the e2e stack seeds with version 1 published on-chain (scripts/demo): 300 instruction pairs. */
const DEMO_DATANET = "Software weaknesses Q&A";

test.use({ reducedMotion: "reduce" });

test.describe("ModelFactory acceptance", () => {
  test("wizard (Quick) on a demo Datanet → trains for real → evaluation beats the base → playground answers → published on-chain", async ({
    page,
    walletAddress,
  }) => {
    test.setTimeout(420_000);
    const run = Date.now().toString(36);
    const name = `Acceptance ${run}`;
    await signIn(page, walletAddress, "/models");
    await snap(page, "models-list-before");
    await page.goto("/factory/new");
    const next = (label: string) => page.getByRole("button", { name: `Next: ${label}` }).click();

    // The wizard: shipped base, a published demo version, the Quick preset, review, launch.
    await page.getByRole("radio", { name: "ModelFactory Prose (byte-level GPT-2)" }).click();
    await next("Data");
    await page.getByRole("combobox", { name: "Datanet" }).click();
    await page.getByRole("option", { name: `${DEMO_DATANET} · instruction` }).click();
    await page.getByRole("button", { name: `Add version 1 of ${DEMO_DATANET}` }).click();
    await next("Method");
    await page.getByRole("radio", { name: "Quick" }).click();
    // A seed of this attempt's own: training is deterministic, and ModelRegistry takes an adapter hash once.
    await page.getByLabel("Seed").fill(String(Number.parseInt(run.slice(-6), 36) % 1_000_000));
    await next("Review");
    await page.getByLabel("Run name").fill(name);
    await page.getByRole("button", { name: "Launch fine-tune" }).click();
    await page.waitForURL(/\/factory\/runs\/[\w-]+$/);
    const runId = page.url().split("/").at(-1) as string;

    // It trains for real: the page follows to success, and the loss fell.
    await expect(page.locator("header [data-status]")).toHaveText("succeeded", { timeout: 240_000 });
    const { run: detail } = (await (await page.request.get(`/api/training-runs/${runId}`)).json()) as {
      run: { metrics: { loss: number }[]; evaluation: { base: { loss: number }; tuned: { loss: number } } };
    };
    // One batch's loss is noisy (the last batch may be a hard one): compare the first and last fifths of the run.
    const fifth = Math.max(1, Math.floor(detail.metrics.length / 5));
    const mean = (points: { loss: number }[]) => points.reduce((sum, p) => sum + p.loss, 0) / points.length;
    expect(mean(detail.metrics.slice(-fifth))).toBeLessThan(mean(detail.metrics.slice(0, fifth)));
    await expect(page.getByRole("list", { name: "Run log" })).toContainText(
      /Taken by trainer[\s\S]*Succeeded after \d+ steps/,
    );

    // The evaluation: fine-tuned held-out loss below the base model's.
    expect(detail.evaluation.tuned.loss).toBeLessThan(detail.evaluation.base.loss);
    const evaluation = page.getByRole("region", { name: "Evaluation" });
    await expect(evaluation.getByRole("table", { name: "Base model against fine-tuned" })).toContainText("(better)");
    await expect(evaluation.getByText("Held-out prompts, answered by both (greedy)")).toBeVisible();
    await snap(page, "factory-run-succeeded");

    // The playground answers, base and fine-tuned, streamed.
    const playground = page.getByRole("region", { name: "Playground" });
    await playground.getByRole("textbox", { name: "Prompt" }).fill("What does CWE-79 describe?");
    await playground.getByLabel("Temperature").fill("0");
    await playground.getByLabel("Max tokens").fill("32");
    await playground.getByRole("button", { name: "Generate" }).click();
    const ended = /stopped at the token limit|the model ended its answer/;
    const tuned = playground.getByRole("region", { name: "Fine-tuned answer" });
    await expect(tuned.getByText(ended)).toBeVisible({ timeout: 60_000 });
    await expect(playground.getByRole("region", { name: "Base model answer" }).getByText(ended)).toBeVisible();
    expect(((await tuned.textContent()) ?? "").length).toBeGreaterThan("Fine-tuned".length + 10);
    await snap(page, "factory-run-playground");

    // Chat: two turns, each column keeping its own history, answered with the run's instruction template.
    await playground.getByRole("radio", { name: "Chat" }).click();
    const message = playground.getByRole("textbox", { name: "Message" });
    const tunedChat = playground.getByRole("log", { name: "Fine-tuned conversation" });
    const baseChat = playground.getByRole("log", { name: "Base model conversation" });
    for (const [turn, text] of ["What is CWE-89?", "And how is it prevented?"].entries()) {
      await message.fill(text);
      await playground.getByRole("button", { name: "Send" }).click();
      await expect(tunedChat.getByRole("listitem", { name: "Fine-tuned" })).toHaveCount(turn + 1);
      await expect(playground.getByRole("button", { name: "Stop" })).toBeHidden({ timeout: 60_000 });
    }
    await expect(tunedChat.getByRole("listitem", { name: "You" })).toHaveCount(2);
    await expect(baseChat.getByRole("listitem", { name: "Base model" })).toHaveCount(2);
    expect(
      ((await tunedChat.getByRole("listitem", { name: "Fine-tuned" }).last().textContent()) ?? "").length,
    ).toBeGreaterThan("Fine-tuned".length);
    await snap(page, "factory-run-chat");

    // Publish through the wallet: the tx confirms on anvil and ModelRegistry holds the adapter's hash.
    const publish = page.getByRole("region", { name: "Publish" });
    const price = publish.getByLabel("Price per 1,000 tokens (OPEN)");
    await price.fill("1e3");
    await price.blur();
    await expect(publish.getByText("A number of OPEN such as 0.25")).toBeVisible();
    await price.fill("0.05");
    await snap(page, "models-publish-form");
    await publish.getByRole("button", { name: "Publish" }).click();
    await expect(publish.getByText(/Published on-chain as model #\d+ at 0\.05 OPEN/)).toBeVisible({ timeout: 60_000 });
    await snap(page, "models-publish-done");
    const { model } = (await (await page.request.get(`/api/training-runs/${runId}/model`)).json()) as {
      model: { id: string; adapterHash: Hex; onchainId: string; registry: Address };
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

    // The model page and the list.
    await publish.getByRole("link", { name: "Open the model page" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByTestId("adapter-hash")).toHaveText(model.adapterHash);
    await expect(page.getByTestId("model-onchain-id")).toContainText(`#${model.onchainId}`);
    await expect(page.getByRole("link", { name: /Software weaknesses Q&A · v1/ })).toBeVisible();
    const zip = await page.request.get(`/api/models/${model.id}/adapter.zip`);
    expect(zip.status()).toBe(200);
    expect(zip.headers()["x-adapter-sha256"]).toBe(model.adapterHash);
    expect(zip.headers()["content-disposition"]).toMatch(/^attachment; filename=".+-adapter\.zip"$/);
    await snap(page, "models-model-page");
    const listed = async (query: string) =>
      ((await (await page.request.get(`/api/models?${query}`)).json()) as { models: { id: string }[] }).models.map(
        (m) => m.id,
      );
    expect(await listed("owner=me&baseModel=mf-prose-byte")).toContain(model.id);
    expect(await listed("baseModel=mf-code-byte")).not.toContain(model.id);
    await page.goto("/models");
    // The page streams (app/loading.tsx): until the swap, a hidden copy of the list may be in the document.
    await expect(page.getByTestId("model-card").filter({ hasText: name, visible: true })).toBeVisible();
    await snap(page, "models-list");
  });
});
