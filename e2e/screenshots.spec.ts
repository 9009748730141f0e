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
});
