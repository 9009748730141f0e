import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { E2E_DATA_DIR } from "./env";
import { connectWith, openApp, signMessage } from "./fixtures/app";
import { snap as snapAs } from "./fixtures/flows";
import { expect, TEST_WALLET_NAME, test } from "./fixtures/test-wallet";

const snap = (page: Page, name: string) => snapAs(page, `factory-${name}`);
const checkpoints = path.resolve(E2E_DATA_DIR, "checkpoints");

test.use({ reducedMotion: "reduce" });

test.describe("Imported checkpoints as base models", () => {
  test("npm run checkpoint:import → an Imported card in the wizard, a broken folder with its reason → a run on it", async ({
    page,
    walletAddress,
  }) => {
    test.setTimeout(180_000);
    const name = `e2e-prose-${Date.now().toString(36)}`;
    // The shipped prose model's folder is a Hugging Face checkpoint like any other: import it under a new name.
    execFileSync(
      process.execPath,
      ["--import", "tsx", "scripts/checkpoint-import.ts", "lib/ml/catalog/models/mf-prose-byte", "--name", name],
      { env: { ...process.env, DATA_DIR: E2E_DATA_DIR }, stdio: "pipe" },
    );
    const broken = path.join(checkpoints, "half-copied");
    rmSync(broken, { recursive: true, force: true });
    mkdirSync(broken, { recursive: true });
    writeFileSync(path.join(broken, "model.safetensors"), "");

    await openApp(page, "/factory/new");
    await connectWith(page, TEST_WALLET_NAME);
    await signMessage(page, walletAddress);
    const card = page.getByRole("radio", { name: new RegExp(`^${name}`) });
    await expect(card).toBeVisible();
    const label = page.locator("label").filter({ has: card });
    await expect(label).toContainText("Imported");
    await expect(label).toContainText(`local/${name}`);
    await expect(label).toContainText("1.9M parameters");
    await expect(label).toContainText("256 tokens");
    await expect(page.getByText("Imported folders that cannot be used")).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: "half-copied" })).toContainText(/config\.json/);
    await card.click();
    await snap(page, "wizard-1-imported");

    // A run on it: the config names local/<name>, and a trainer takes it.
    await page.getByRole("button", { name: "Next: Data" }).click();
    await page.getByRole("combobox", { name: "Datanet" }).click();
    await page.getByRole("option", { name: "Software weaknesses Q&A · instruction" }).click();
    await page.getByRole("button", { name: "Add version 1 of Software weaknesses Q&A" }).click();
    await page.getByRole("button", { name: "Next: Method" }).click();
    await page.getByRole("button", { name: "Next: Review" }).click();
    await expect(page.getByRole("figure", { name: "run config JSON" })).toContainText(`"baseModel": "local/${name}"`);
    await page.getByRole("button", { name: "Launch fine-tune" }).click();
    await page.waitForURL(/\/factory\/runs\/[\w-]+$/);
    const runId = page.url().split("/").at(-1) as string;
    await expect
      .poll(
        async () => {
          const { run } = (await (await page.request.get(`/api/training-runs/${runId}`)).json()) as {
            run: { status: string; progress: { step: number } };
          };
          return run.status === "failed" ? "failed" : run.progress.step > 0 || run.status === "succeeded";
        },
        { timeout: 120_000, intervals: [1_000] },
      )
      .toBe(true);
    await page.getByRole("button", { name: "Cancel run" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Cancel run" }).click();
    rmSync(broken, { recursive: true, force: true });
  });
});
