import { openApp } from "./fixtures/app";
import { fillDatanetForm } from "./fixtures/datanet-form";
import { signIn } from "./fixtures/flows";
import { expect, test } from "./fixtures/test-wallet";

test.describe("Datanets", () => {
  test("signed in: create a Datanet, land on its page, find it in the list", async ({ page, walletAddress }) => {
    // Signed out, the list explains why it can't create, and the form asks to sign in.
    await openApp(page, "/datanets");
    await expect(page.getByRole("button", { name: "Sign in to create a Datanet" })).toBeVisible();
    await signIn(page, walletAddress, "/datanets/new");
    await expect(page.getByRole("form", { name: "New Datanet" })).toBeVisible();

    const name = `Weakness Q&A ${Date.now().toString(36)}`;
    await fillDatanetForm(page, name);
    await page.getByRole("textbox", { name: "Description" }).fill("## Sources\n\nAnswers from **CWE** entries.");
    await page.getByRole("tab", { name: "Preview" }).click();
    await expect(page.getByRole("heading", { name: "Sources" })).toBeVisible();
    await page.getByRole("tab", { name: "Write" }).click();
    const tags = page.getByRole("textbox", { name: "Tags", exact: true });
    await tags.fill("security");
    await tags.press("Enter");
    await tags.fill("Q-and-A");
    await tags.press(",");
    await expect(page.getByRole("list", { name: "tags" })).toContainText("q-and-a");

    const created = page.waitForResponse((r) => r.url().endsWith("/api/datanets") && r.request().method() === "POST");
    await page.getByRole("button", { name: "Create Datanet" }).click();
    expect((await created).status()).toBe(201);

    await expect(page).toHaveURL(/\/datanets\/weakness-q-a-[a-z0-9]+-[0-9a-f]{6}$/);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByText(`Created “${name}”.`)).toBeVisible();
    await expect(page.getByText("0 rows", { exact: false }).first()).toBeVisible();
    await expect(page.getByText("Needs 2 reviews, approved at ≥ 67%, by stakers.")).toBeVisible();
    await expect(page.getByText("Not on-chain yet")).toBeVisible();
    await expect(page.getByRole("tab", { name: "Overview" })).toHaveAttribute("aria-selected", "true");

    // Tabs live in the URL.
    await page.getByRole("tab", { name: "Versions" }).click();
    await expect(page).toHaveURL(/\?tab=versions$/);
    await expect(page.getByRole("tabpanel", { name: "Versions" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("tab", { name: "Versions" })).toHaveAttribute("aria-selected", "true");

    // The list finds it by search (debounced, through the URL).
    await openApp(page, "/datanets");
    await page.getByRole("searchbox", { name: "Search Datanets" }).fill(name);
    await expect(page).toHaveURL(/[?&]q=/);
    const card = page.getByRole("article").filter({ hasText: name });
    await expect(card).toHaveCount(1);
    await expect(page.getByRole("article")).toHaveCount(1);
    await expect(card.getByText("Instruction pairs")).toBeVisible();
    await expect(card.getByText("CC-BY-4.0")).toBeVisible();

    // No match: the empty state offers to clear the filters.
    await page.getByRole("searchbox", { name: "Search Datanets" }).fill("no datanet is called this");
    await expect(page.getByRole("heading", { name: "No Datanets match these filters" })).toBeVisible();
    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/datanets$/);
    await expect(page.getByRole("searchbox", { name: "Search Datanets" })).toHaveValue("");

    await card.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  });

  test("a bad submission shows the field's error; the draft survives a reload", async ({ page, walletAddress }) => {
    await signIn(page, walletAddress, "/datanets/new");
    await fillDatanetForm(page, "Invited reviewers only");

    // The draft is kept in this browser.
    await page.waitForTimeout(600);
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Name", exact: true })).toHaveValue("Invited reviewers only");
    await expect(page.getByText("Picked up the draft you left in this browser.")).toBeVisible();

    await page.getByRole("spinbutton", { name: "Minimum reviews" }).fill("3");
    await page.getByRole("radio", { name: "Invited addresses" }).click();
    const invited = page.getByRole("textbox", { name: "Invited reviewers", exact: true });
    await invited.fill("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC");
    await invited.press("Enter");
    await invited.fill("not-an-address");
    await invited.press("Enter");
    await expect(page.getByText("“not-an-address” is not a 0x address.")).toBeVisible();
    await invited.fill("");

    await page.getByRole("button", { name: "Create Datanet" }).click();
    await expect(page.getByText("invite at least as many reviewers as the minimum number of reviews")).toBeVisible();
    await expect(invited).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/datanets\/new$/);

    // The server says the same, on the same path, when the form is bypassed.
    const response = await page.request.post("/api/datanets", {
      data: {
        name: "Invited reviewers only",
        summary: "Questions about software weaknesses.",
        domain: "security",
        license: "CC-BY-4.0",
        kind: "instruction",
        review: { minReviews: 3, approvalThreshold: 0.67, reviewers: "invited", invited: [walletAddress] },
      },
    });
    expect(response.status()).toBe(422);
    const body = (await response.json()) as { error: { issues: { path: string; message: string }[] } };
    expect(body.error.issues).toContainEqual({
      path: "review.invited",
      message: "invite at least as many reviewers as the minimum number of reviews",
    });
  });

  test("an unknown Datanet is a 404 page", async ({ page }) => {
    await page.goto("/datanets/no-such-datanet-000000");
    await expect(page.getByRole("heading", { name: "No such Datanet" })).toBeVisible();
    await expect(page.getByRole("link", { name: "All Datanets" })).toBeVisible();
  });
});
