import type { Page } from "@playwright/test";
import { connectWith, openApp, signMessage } from "./fixtures/app";
import { snap as snapAs } from "./fixtures/flows";
import { expect, TEST_WALLET_NAME, test } from "./fixtures/test-wallet";

/**
 * Pictures for people to look at, not assertions: e2e/.artifacts/screenshots/factory-<name>-<width>-<theme>.png, full
 * page, at 1280 and 390 px in light and dark.
 */
const snap = (page: Page, name: string) => snapAs(page, `factory-${name}`);

/** A demo Datanet the e2e stack seeds with version 1 published on-chain (scripts/demo): 300 instruction pairs. */
const DEMO_DATANET = "Software weaknesses Q&A";

test.use({ reducedMotion: "reduce" });

test.describe("ModelFactory wizard", () => {
  test("base → published demo version → Quick → review JSON → reload keeps the draft → launch → cancel → listed", async ({
    page,
    walletAddress,
  }) => {
    test.setTimeout(180_000);
    const runName = `Wizard e2e ${Date.now().toString(36)}`;

    // Signed out, the wizard asks to sign in; signing in through the header opens it.
    await openApp(page, "/factory/new");
    await expect(page.getByRole("heading", { name: "Sign in to fine-tune a model" })).toBeVisible();
    await snap(page, "wizard-signed-out");
    await connectWith(page, TEST_WALLET_NAME);
    await signMessage(page, walletAddress);
    const next = (label: string) => page.getByRole("button", { name: `Next: ${label}` }).click();

    // a) The shipped base model, as a card with its size, context length, architecture and licence.
    const base = page.getByRole("radio", { name: "ModelFactory Prose (byte-level GPT-2)" });
    await base.click();
    await expect(base).toBeChecked();
    await expect(page.getByText("256 tokens").first()).toBeVisible();
    await snap(page, "wizard-1-base");
    await next("Data");

    // b) A published demo Datanet version; the task is inferred from its kind; a preview of formatted examples.
    await page.getByRole("combobox", { name: "Datanet" }).click();
    await page.getByRole("option", { name: `${DEMO_DATANET} · instruction` }).click();
    await page.getByRole("button", { name: `Add version 1 of ${DEMO_DATANET}` }).click();
    await expect(page.getByRole("list", { name: "Chosen versions" })).toContainText(`${DEMO_DATANET} · v1`);
    await expect(page.getByRole("list", { name: "Chosen versions" })).toContainText("300 rows");
    await expect(page.getByRole("radio", { name: /Instruction following/ })).toBeChecked();
    const examples = page.getByRole("list", { name: "Training examples" });
    await expect(examples.getByRole("listitem")).toHaveCount(3);
    await expect(examples).toContainText("### Instruction:");
    const columns = page.getByRole("region", { name: /Columns/ });
    await expect(columns).toContainText("prompt ← prompt, completion ← completion");
    await snap(page, "wizard-2-data");

    // Column mapping: as a causal LM the rows read as prompt + completion; untick the prompt to learn answers only.
    await page.getByRole("radio", { name: /Causal language modelling/ }).click();
    await expect(columns).toContainText("text ← prompt + completion");
    const firstExample = examples.getByRole("listitem").first();
    const both = (await firstExample.textContent()) ?? "";
    await columns.getByRole("checkbox", { name: "prompt" }).click();
    await expect(columns).toContainText("text ← completion");
    await expect(firstExample).not.toHaveText(both);
    await expect(examples).not.toContainText("### Instruction:");
    await snap(page, "wizard-2-columns");
    await columns.getByRole("button", { name: "Back to automatic" }).click();
    await expect(columns).toContainText("text ← prompt + completion");
    // The server checks the data before any launch: 300 different answers cannot be a classifier's labels.
    await page.getByRole("radio", { name: /Classification/ }).click();
    await expect(columns).toContainText("text ← prompt, label ← completion");
    await expect(page.getByRole("alert").filter({ hasText: /more than 100 different values/ })).toBeVisible();
    await snap(page, "wizard-2-too-many-labels");
    // Back to the inferred task for the rest of the run.
    await page.getByRole("radio", { name: /Instruction following/ }).click();
    await expect(columns).toContainText("prompt ← prompt, completion ← completion");
    await next("Method");

    // c) The Quick preset: 300 rows, 10 % held out, batch 8 → 34 steps; no time estimate is faked.
    await page.getByRole("radio", { name: "Quick" }).click();
    await expect(page.getByRole("radio", { name: "Quick" })).toBeChecked();
    await expect(page.getByLabel("LoRA rank")).toHaveValue("8");
    await expect(page.getByRole("region", { name: "Run size" })).toContainText("34");
    // Measured from an earlier run of this base model on the stack's trainer, or said to be not measured yet.
    await expect(page.getByText(/^Time estimate: (not measured yet|about \d)/)).toBeVisible();
    await snap(page, "wizard-3-method");
    await next("Review");

    // d) The whole config as JSON; a reload brings the draft back on the same step.
    await page.getByLabel("Run name").fill(runName);
    const json = page.getByRole("figure", { name: "run config JSON" });
    await expect(json).toContainText('"preset": "quick"');
    await expect(json).toContainText(runName);
    await snap(page, "wizard-4-review");
    await page.waitForTimeout(600); // the draft is saved 300 ms after the last change
    await page.reload();
    await expect(page.getByText("Picked up the draft you left in this browser.")).toBeVisible();
    await expect(page.getByRole("figure", { name: "run config JSON" })).toContainText(runName);
    await expect(page.getByLabel("Run name")).toHaveValue(runName);

    // A refused launch (422 naming a field) is shown beside that field, on its step.
    const refusal = {
      error: {
        code: "invalid_run_config",
        message: "method.rank: LoRA rank must be at most 256",
        details: { field: "method.rank", issues: [{ path: "method.rank", message: "LoRA rank must be at most 256" }] },
      },
    };
    await page.route("**/api/training-runs", (route) =>
      route.request().method() === "POST" ? route.fulfill({ status: 422, json: refusal }) : route.fallback(),
    );
    await page.getByRole("button", { name: "Launch fine-tune" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "The run was not launched" })).toBeVisible();
    await expect(page.getByLabel("LoRA rank")).toHaveAccessibleDescription(/LoRA rank must be at most 256/);
    await page.unroute("**/api/training-runs");
    await next("Review");

    // Launch → the run page, queued (or already picked up by a trainer).
    await page.getByRole("button", { name: "Launch fine-tune" }).click();
    await page.waitForURL(/\/factory\/runs\/[\w-]+$/);
    await expect(page.getByRole("heading", { level: 1, name: runName })).toBeVisible();
    const status = page.locator("header [data-status]");
    await expect(status).toHaveText(/queued|running/);
    await expect(page.getByRole("figure", { name: "run config JSON" })).toContainText('"task": "instruction"');
    await expect(page.getByRole("link", { name: `${DEMO_DATANET} · v1` })).toBeVisible();
    await snap(page, "run-queued");

    // Cancel, through the confirm dialog.
    await page.getByRole("button", { name: "Cancel run" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Cancel run" }).click();
    await expect(status).toHaveText("cancelled", { timeout: 30_000 });
    await expect(page.getByRole("button", { name: "Resume" })).toBeVisible();
    await snap(page, "run-cancelled");

    // The runs list shows it.
    await page.goto("/factory");
    const item = page.getByRole("list", { name: "Training runs" }).getByRole("listitem").filter({ hasText: runName });
    await expect(item).toBeVisible();
    await expect(item.locator("[data-status]")).toHaveText("cancelled");
    await snap(page, "runs-list");
  });
});
