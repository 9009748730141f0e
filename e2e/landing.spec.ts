import { expect, test } from "@playwright/test";
import { header, openApp } from "./fixtures/app";

const sections = [
  { label: "Datanets", path: "/datanets", title: "Datanets", eyebrow: "Step 1 · Curate" },
  { label: "ModelFactory", path: "/factory", title: "ModelFactory", eyebrow: "Step 2 · Train" },
  { label: "Models", path: "/models", title: "Models", eyebrow: "Step 3 · Serve" },
  { label: "Rewards", path: "/rewards", title: "Rewards", eyebrow: "Step 5 · Get paid" },
];
const flow = ["Curate", "Train", "Serve", "Attribute", "Get paid"];

test.describe("landing page", () => {
  test("shows the curate → train → serve → attribute → get paid flow", async ({ page }) => {
    await openApp(page, "/");
    await expect(page).toHaveTitle(/ModelFactory/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("AI that pays the people behind its data.");

    // The diagram: five nodes, in the order of the flow.
    const nodes = page.locator("#main figure ol > li");
    await expect(nodes).toHaveCount(flow.length);
    await expect(nodes).toContainText(flow.map((verb, i) => `${String(i + 1).padStart(2, "0")} · ${verb}`));
    await expect(page.locator("#main figure")).toContainText("OPEN back to contributors");

    // "How it works": one card per step, in the same order.
    const howItWorks = page.locator("#how-it-works");
    await expect(howItWorks.getByRole("heading", { name: "Five steps, one loop" })).toBeVisible();
    await expect(howItWorks.getByRole("article")).toContainText([...flow, "The OPEN token"]);

    // The footer repeats the loop.
    // (Each step after the first has a decorative "→" in front, hidden from assistive technology.)
    await expect(page.getByRole("list", { name: "The flow" }).getByRole("listitem")).toHaveText(
      flow.map((verb) => new RegExp(`^→?${verb}$`)),
    );
  });

  test("header links navigate to each section and the logo goes home", async ({ page }) => {
    await openApp(page, "/");
    const nav = header(page).getByRole("navigation", { name: "Main" });
    await expect(nav).toBeVisible();
    await expect(header(page).getByRole("button", { name: "Open menu" })).toBeHidden();
    await expect(header(page).getByRole("button", { name: "Change theme" })).toBeVisible();

    for (const section of sections) {
      await nav.getByRole("link", { name: section.label, exact: true }).click();
      await expect(page).toHaveURL(section.path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(section.title);
      await expect(page.locator("#main")).toContainText(section.eyebrow);
      await expect(nav.getByRole("link", { name: section.label, exact: true })).toHaveAttribute("aria-current", "page");
      await expect(page).toHaveTitle(/ModelFactory/);
    }

    await header(page).getByRole("link", { name: "Home" }).click();
    await expect(page).toHaveURL("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("AI that pays the people behind its data.");
    await expect(nav.locator("[aria-current=page]")).toHaveCount(0);
  });

  test("an unknown address shows the 404 page", async ({ page }) => {
    const response = await page.goto("/no-such-page/anywhere");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expect(page).toHaveTitle(/Page not found/);
    // The site chrome is still there, so the visitor is not stranded.
    await expect(header(page).getByRole("link", { name: "Home" })).toBeVisible();
    await page.getByRole("link", { name: "Back to the front page" }).click();
    await expect(page).toHaveURL("/");
  });

  test.describe("at 390 px", () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test("the menu button opens the navigation", async ({ page }) => {
      await openApp(page, "/");
      const desktopNav = header(page).getByRole("navigation", { name: "Main" });
      await expect(desktopNav).toBeHidden();

      await header(page).getByRole("button", { name: "Open menu" }).click();
      const menu = page.getByRole("dialog", { name: "Menu" });
      await expect(menu).toBeVisible();
      const links = menu.getByRole("navigation", { name: "Main" }).getByRole("link");
      await expect(links).toHaveText(sections.map((section) => section.label));
      await expect(menu.getByRole("radiogroup", { name: "Theme" })).toBeVisible();

      await links.filter({ hasText: "Models" }).click();
      await expect(page).toHaveURL("/models");
      await expect(menu).toBeHidden();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Models");

      // Reopened on a section page, it marks where you are; Escape closes it.
      await header(page).getByRole("button", { name: "Open menu" }).click();
      await expect(menu.getByRole("link", { name: "Models" })).toHaveAttribute("aria-current", "page");
      await page.keyboard.press("Escape");
      await expect(menu).toBeHidden();
    });
  });
});
