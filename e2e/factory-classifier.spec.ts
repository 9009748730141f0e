import type { Page } from "@playwright/test";
import { signIn, snap as snapAs } from "./fixtures/flows";
import { expect, test } from "./fixtures/test-wallet";

const snap = (page: Page, name: string) => snapAs(page, `factory-${name}`);

/** A demo Datanet the e2e stack seeds with version 1 published on-chain: 300 e-mails labelled spam or ham. */
const DEMO_DATANET = "Spam or ham";

test.use({ reducedMotion: "reduce" });

test.describe("ModelFactory classification", () => {
  test("a Quick classifier on the spam demo: accuracy against the base and a confusion matrix, then it labels a text", async ({
    page,
    walletAddress,
  }) => {
    test.setTimeout(300_000);
    await signIn(page, walletAddress, "/factory");
    const list = (await (await page.request.get(`/api/datanets?q=${encodeURIComponent(DEMO_DATANET)}`)).json()) as {
      items: { id: string; name: string }[];
    };
    const demo = list.items.find((d) => d.name === DEMO_DATANET) as { id: string };
    // The JSON the wizard's review step shows (here sent directly): the task follows the Datanet's kind.
    const launched = await page.request.post("/api/training-runs", {
      data: {
        preset: "quick",
        name: `Classifier e2e ${Date.now().toString(36)}`,
        data: { versions: [{ datanetId: demo.id, version: 1 }] },
      },
    });
    expect(launched.status()).toBe(201);
    const { run } = (await launched.json()) as { run: { id: string; task: string } };
    expect(run.task).toBe("classification");

    await page.goto(`/factory/runs/${run.id}`);
    await expect(page.locator("header [data-status]")).toHaveText("succeeded", { timeout: 240_000 });
    const evaluation = page.getByRole("region", { name: "Evaluation" });
    await expect(evaluation.getByRole("table", { name: "Base model against fine-tuned" })).toContainText("accuracy");
    await expect(evaluation.getByRole("table", { name: /Confusion matrix/ })).toContainText("spam");
    await expect(evaluation).toContainText(/most\s+common label \(“(spam|ham)”\) would score \d+\.\d% here/);

    const playground = page.getByRole("region", { name: "Playground" });
    await playground
      .getByRole("textbox", { name: "Text to classify" })
      .fill("Cheap pills online, limited offer, click now!");
    await playground.getByRole("button", { name: "Classify" }).click();
    const labels = playground.getByRole("list", { name: "Labels, most likely first" });
    await expect(labels.getByRole("listitem")).toHaveCount(2);
    await expect(labels).toContainText("spam");
    await expect(labels).toContainText("ham");
    await snap(page, "classifier-run");
  });
});
