import path from "node:path";
import { accountButton, connectWith, header, openApp, rainbowKitDialog, signMessage } from "./fixtures/app";
import { expect, TEST_WALLET_NAME, test } from "./fixtures/test-wallet";
import { ARTIFACTS_DIR } from "./stack-process";

/** Pictures for people to look at, not assertions: e2e/.artifacts/screenshots/*.png. */
const shot = (name: string) => path.join(ARTIFACTS_DIR, "screenshots", `${name}.png`);
const desktop = { width: 1280, height: 800 };
const mobile = { width: 390, height: 844 };

// Animations would make the pictures differ run to run.
test.use({ reducedMotion: "reduce" });

test.describe("screenshots", () => {
  test("landing page", async ({ page }) => {
    for (const [label, viewport] of [
      ["1280", desktop],
      ["390", mobile],
    ] as const) {
      await page.setViewportSize(viewport);
      await openApp(page, "/");
      await page.screenshot({ path: shot(`landing-${label}`), animations: "disabled" });
      await page.screenshot({ path: shot(`landing-${label}-full`), fullPage: true, animations: "disabled" });
    }
    await page.setViewportSize(mobile);
    await header(page).getByRole("button", { name: "Open menu" }).click();
    await expect(page.getByRole("dialog", { name: "Menu" })).toBeVisible();
    await page.screenshot({ path: shot("menu-390"), animations: "disabled" });
  });

  test("signed-in header", async ({ page, walletAddress }) => {
    await page.setViewportSize(desktop);
    await openApp(page, "/");
    await header(page).getByRole("button", { name: "Connect wallet" }).click();
    await expect(rainbowKitDialog(page).getByRole("button", { name: TEST_WALLET_NAME })).toBeVisible();
    await page.screenshot({ path: shot("connect-modal-1280"), animations: "disabled" });
    await page.keyboard.press("Escape");

    await connectWith(page, TEST_WALLET_NAME);
    await expect(rainbowKitDialog(page).getByRole("button", { name: "Sign message" })).toBeVisible();
    await page.screenshot({ path: shot("sign-in-step-1280"), animations: "disabled" });
    await signMessage(page, walletAddress);
    // The balance shows once read from the chain.
    await expect(accountButton(page)).toContainText("ETH");
    await page.screenshot({ path: shot("signed-in-1280"), animations: "disabled" });
    await header(page).screenshot({ path: shot("signed-in-header-1280"), animations: "disabled" });

    await page.setViewportSize(mobile);
    await openApp(page, "/");
    await expect(accountButton(page)).toBeVisible();
    await page.screenshot({ path: shot("signed-in-390"), animations: "disabled" });
    await header(page).screenshot({ path: shot("signed-in-header-390"), animations: "disabled" });

    await accountButton(page).click();
    await expect(rainbowKitDialog(page).getByRole("button", { name: "Disconnect" })).toBeVisible();
    await page.screenshot({ path: shot("account-modal-390"), animations: "disabled" });
  });

  test("datanets", async ({ page, walletAddress }) => {
    test.setTimeout(180_000);
    const themes = ["light", "dark"] as const;
    /** One shot per width and theme: datanets-<name>-<width>-<theme>.png (full page). */
    const gallery = async (name: string, path: string | null, ready: () => Promise<void>) => {
      for (const theme of themes) {
        await page.emulateMedia({ colorScheme: theme });
        for (const [label, viewport] of [
          ["1280", desktop],
          ["390", mobile],
        ] as const) {
          await page.setViewportSize(viewport);
          if (path) await openApp(page, path);
          await ready();
          await page.screenshot({
            path: shot(`datanets-${name}-${label}-${theme}`),
            fullPage: true,
            animations: "disabled",
          });
        }
      }
    };

    // Signed out, on a database with no Datanets yet (only when this runs first on a fresh one).
    await openApp(page, "/datanets");
    if (await page.getByRole("heading", { name: "No Datanets yet" }).isVisible()) {
      await gallery("list-empty", "/datanets", async () => {});
    }

    await page.setViewportSize(desktop);
    await openApp(page, "/datanets/new");
    await gallery("new-signed-out", "/datanets/new", async () => {
      await expect(page.getByRole("heading", { name: "Sign in to create a Datanet" })).toBeVisible();
    });
    await page.emulateMedia({ colorScheme: "light" });
    await page.setViewportSize(desktop);
    await connectWith(page, TEST_WALLET_NAME);
    await signMessage(page, walletAddress);

    const samples = [
      {
        name: "Moby-Dick passages",
        summary: "Paragraphs of Herman Melville's novel, for teaching a model 19th-century prose.",
        description: "## Source\n\nProject Gutenberg's public-domain text, split into passages.",
        tags: ["literature", "prose", "public-domain"],
        domain: "literature",
        license: "PDDL-1.0",
        kind: "text",
        review: { minReviews: 1, approvalThreshold: 0.5, reviewers: "stakers" },
      },
      {
        name: "Security weaknesses Q&A",
        summary: "Questions and answers about CWE weaknesses: what they are, how they are exploited, how to fix them.",
        description:
          "## What belongs here\n\n- One weakness per row\n- Answers a developer can act on\n\nSee [MITRE CWE](https://cwe.mitre.org).",
        tags: ["security", "cwe", "qa"],
        domain: "security",
        license: "CC-BY-4.0",
        kind: "instruction",
        review: { minReviews: 2, approvalThreshold: 0.67, reviewers: "stakers" },
      },
      {
        name: "Spam or ham",
        summary: "E-mails labelled spam or ham, for a classifier that keeps inboxes clean.",
        tags: ["email", "classification"],
        domain: "email",
        license: "Apache-2.0",
        kind: "labelled",
        visibility: "private",
        review: {
          minReviews: 1,
          approvalThreshold: 1,
          reviewers: "invited",
          invited: ["0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"],
        },
      },
    ];
    let slug = "";
    for (const sample of samples) {
      const response = await page.request.post("/api/datanets", { data: sample });
      expect(response.status()).toBe(201);
      const { datanet } = (await response.json()) as { datanet: { slug: string; kind: string } };
      if (datanet.kind === "instruction") slug = datanet.slug;
    }

    await gallery("list", "/datanets", async () => {
      await expect(page.getByRole("article").first()).toBeVisible();
    });
    await gallery("list-no-match", "/datanets?q=zebra-crossing", async () => {
      await expect(page.getByRole("heading", { name: "No Datanets match these filters" })).toBeVisible();
    });
    await gallery("detail", `/datanets/${slug}`, async () => {
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    });
    await gallery("new", "/datanets/new", async () => {
      await expect(page.getByRole("button", { name: "Create Datanet" })).toBeVisible();
    });
    await gallery("new-errors", "/datanets/new", async () => {
      await page.getByRole("radio", { name: "Invited addresses" }).click();
      await page.getByRole("button", { name: "Create Datanet" }).click();
      await expect(page.getByText("Choose a licence.")).toBeVisible();
      // Submitting scrolled to the first error; the full-page shot starts from the top.
      await page.evaluate(() => window.scrollTo(0, 0));
    });
  });
});
