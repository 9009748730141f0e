import { OTHER_ACCOUNT } from "./env";
import {
  abbreviate,
  accountButton,
  connectButton,
  connectWith,
  expectSession,
  openApp,
  rainbowKitDialog,
  sessionOf,
  signMessage,
} from "./fixtures/app";
import { expect, switchWalletAccount, TEST_WALLET_NAME, test } from "./fixtures/test-wallet";

test.describe("sign-in with an injected wallet", () => {
  test("connects through RainbowKit, signs in with SIWE, survives a reload, and logs out", async ({
    page,
    walletAddress,
  }) => {
    await openApp(page, "/");
    expect(await sessionOf(page)).toEqual({ authenticated: false });

    // The wallet announces itself through EIP-6963, so RainbowKit lists it under "Installed".
    await connectButton(page).click();
    const dialog = rainbowKitDialog(page);
    await expect(dialog.getByRole("heading", { name: "Connect a Wallet" })).toBeVisible();
    await expect(dialog.getByText("Installed", { exact: true })).toBeVisible();
    await expect(dialog.getByRole("button", { name: TEST_WALLET_NAME })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    await connectWith(page, TEST_WALLET_NAME);
    // RainbowKit's SIWE step: nothing is signed in until the message is signed and verified.
    expect((await sessionOf(page)).authenticated).toBe(false);
    const verify = page.waitForResponse(
      (response) => response.url().endsWith("/api/auth/verify") && response.request().method() === "POST",
    );
    await signMessage(page, walletAddress);
    expect((await verify).status()).toBe(200);

    const session = await sessionOf(page);
    expect(session).toMatchObject({ authenticated: true, chainId: 31337 });
    expect(session.address?.toLowerCase()).toBe(walletAddress.toLowerCase());
    expect(Date.parse(session.expiresAt ?? "")).toBeGreaterThan(Date.now());

    // The session cookie is httpOnly: page scripts cannot read it.
    const cookie = (await page.context().cookies()).find((c) => c.name === "mf_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(await page.evaluate(() => document.cookie)).not.toContain("mf_session");

    // A reload keeps both the wallet connection and the session.
    await page.reload();
    await expect(accountButton(page)).toContainText(abbreviate(walletAddress));
    await expect(connectButton(page)).toHaveCount(0);
    await expectSession(page, walletAddress);

    // And on another page of the app.
    await openApp(page, "/rewards");
    await expect(accountButton(page)).toContainText(abbreviate(walletAddress));

    // Logout: the account menu's "Disconnect" ends the session too.
    await accountButton(page).click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Disconnect" }).click();
    await expect(connectButton(page)).toBeVisible();
    await expectSession(page, null);
    expect((await page.context().cookies()).find((c) => c.name === "mf_session")).toBeUndefined();

    // Signed out stays signed out across a reload.
    await page.reload();
    await expect(connectButton(page)).toBeVisible();
    expect(await sessionOf(page)).toEqual({ authenticated: false });
  });

  test("POST /api/auth/logout ends the session", async ({ page, walletAddress }) => {
    await openApp(page, "/");
    await connectWith(page, TEST_WALLET_NAME);
    await signMessage(page, walletAddress);
    await expectSession(page, walletAddress);

    const response = await page.request.post("/api/auth/logout");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ authenticated: false });
    await expectSession(page, null);

    // The next page load knows it: the wallet is still connected, but RainbowKit asks to sign in again.
    await page.reload();
    await expect(accountButton(page)).toHaveCount(0);
    await connectButton(page).click();
    await expect(rainbowKitDialog(page).getByText("Verify your account")).toBeVisible();
  });

  test("switching to another account in the wallet ends the session", async ({ page, walletAddress }) => {
    await openApp(page, "/");
    await connectWith(page, TEST_WALLET_NAME);
    await signMessage(page, walletAddress);
    await expectSession(page, walletAddress);

    // A session belongs to one address: the app signs the old one out when the wallet switches.
    await switchWalletAccount(page, OTHER_ACCOUNT);
    await expectSession(page, null);
    await expect(accountButton(page)).toHaveCount(0);

    // The new account signs in on its own.
    await connectButton(page).click();
    await expect(rainbowKitDialog(page).getByText("Verify your account")).toBeVisible();
    await signMessage(page, OTHER_ACCOUNT);
    await expectSession(page, OTHER_ACCOUNT);
  });
});
