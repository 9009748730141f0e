import type { Page } from "@playwright/test";
import { signIn, snap as snapAs } from "./fixtures/flows";
import { expect, test } from "./fixtures/test-wallet";

const snap = (page: Page, name: string) => snapAs(page, `factory-${name}`);

/** A demo Datanet the e2e stack seeds with version 1 published on-chain (scripts/demo): 300 instruction pairs. */
const DEMO_DATANET = "Software weaknesses Q&A";

test.use({ reducedMotion: "reduce" });

test.describe("ModelFactory training", () => {
  test("a Quick run trains for real, its evaluation beats the base model, and the playground answers", async ({
    page,
    walletAddress,
  }) => {
    test.setTimeout(300_000);
    await signIn(page, walletAddress, "/factory");
    const list = (await (await page.request.get(`/api/datanets?q=${encodeURIComponent(DEMO_DATANET)}`)).json()) as {
      items: { id: string; name: string }[];
    };
    const demo = list.items.find((d) => d.name === DEMO_DATANET) as { id: string };
    // The same JSON the wizard's review step shows launches the run.
    const launched = await page.request.post("/api/training-runs", {
      data: {
        preset: "quick",
        name: `Train e2e ${Date.now().toString(36)}`,
        data: { versions: [{ datanetId: demo.id, version: 1 }] },
      },
    });
    expect(launched.status()).toBe(201);
    const { run } = (await launched.json()) as { run: { id: string } };

    await page.goto(`/factory/runs/${run.id}`);
    // The trainer picks it up and trains; the page follows without a reload.
    await expect(page.getByText("succeeded", { exact: true }).first()).toBeVisible({ timeout: 240_000 });
    const detail = (await (await page.request.get(`/api/training-runs/${run.id}`)).json()) as {
      run: {
        metrics: { loss: number }[];
        evaluation: { base: { loss: number }; tuned: { loss: number }; samples: unknown[] };
      };
    };
    expect(detail.run.metrics.at(-1)?.loss).toBeLessThan(detail.run.metrics[0]?.loss as number);
    expect(detail.run.evaluation.tuned.loss).toBeLessThan(detail.run.evaluation.base.loss);

    const evaluation = page.getByRole("region", { name: "Evaluation" });
    await expect(evaluation.getByRole("table", { name: "Base model against fine-tuned" })).toContainText("(better)");
    await expect(evaluation.getByText("Held-out prompts, answered by both (greedy)")).toBeVisible();
    await snap(page, "run-succeeded");

    // The playground: both models answer the same prompt, streamed.
    const playground = page.getByRole("region", { name: "Playground" });
    await playground.getByRole("textbox", { name: "Prompt" }).fill("What does CWE-79 describe?");
    await playground.getByLabel("Temperature").fill("0");
    await playground.getByLabel("Max tokens").fill("32");
    await playground.getByRole("button", { name: "Generate" }).click();
    const tuned = playground.getByRole("region", { name: "Fine-tuned answer" });
    const base = playground.getByRole("region", { name: "Base model answer" });
    await expect(tuned.getByText(/stopped at the token limit|the model ended its answer/)).toBeVisible({
      timeout: 60_000,
    });
    await expect(base.getByText(/stopped at the token limit|the model ended its answer/)).toBeVisible();
    expect(((await tuned.textContent()) ?? "").length).toBeGreaterThan("Fine-tuned".length + 10);
    await snap(page, "run-playground");
  });
});
