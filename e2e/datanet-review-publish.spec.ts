import type { APIRequestContext, Page } from "@playwright/test";
import type { Address, Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { contributionTypedData } from "../lib/datanets/versions/signature";
import { OTHER_ACCOUNT } from "./env";
import { signIn, snap as snapAs, textFile } from "./fixtures/flows";
import { expect, injectTestWallet, test } from "./fixtures/test-wallet";

/** anvil's default account #1, the test wallet's account: its well-known key signs the contribution here. */
const OWNER_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

/**
 * Pictures for people to look at, not assertions: e2e/.artifacts/screenshots/review-publish-<name>-<width>-<theme>.png,
 * full page, at 1280 and 390 px in light and dark.
 */
const snap = (page: Page, name: string) => snapAs(page, `review-publish-${name}`);

/** Previews, signs (EIP-712) and submits a CSV through the API, as the Contribute tab does. */
async function contributeCsv(request: APIRequestContext, datanetId: string, csv: string): Promise<string> {
  const file = textFile("mail.csv", "text/csv", csv);
  const preview = await request.post(`/api/datanets/${datanetId}/contributions/preview`, {
    multipart: { files: file },
  });
  expect(preview.status()).toBe(200);
  const prepared = (await preview.json()) as {
    contentRoot: Hex;
    rowCount: number;
    license: string;
    datanetSigningId: string;
  };
  const registration = (await (await request.get(`/api/datanets/${datanetId}/registration`)).json()) as {
    registry: Address;
  };
  const domain = { chainId: 31337, verifyingContract: registration.registry };
  const deadline = Math.floor(Date.now() / 1000) + 600;
  const nonce = BigInt(Date.now());
  const signature = await privateKeyToAccount(OWNER_KEY).signTypedData(
    contributionTypedData(domain, {
      datanetId: BigInt(prepared.datanetSigningId),
      contentRoot: prepared.contentRoot,
      rowCount: BigInt(prepared.rowCount),
      license: prepared.license,
      nonce,
      deadline: BigInt(deadline),
    }),
  );
  const submitted = await request.post(`/api/datanets/${datanetId}/contributions`, {
    multipart: {
      files: file,
      signed: JSON.stringify({
        contentRoot: prepared.contentRoot,
        rowCount: prepared.rowCount,
        license: prepared.license,
        nonce: nonce.toString(),
        deadline,
        signature,
        ...domain,
      }),
    },
  });
  expect(submitted.status()).toBe(201);
  return ((await submitted.json()) as { contribution: { id: string } }).contribution.id;
}

test.describe("Datanet review and publishing", () => {
  test.setTimeout(180_000);

  test("a contribution is approved in the Review tab and published on-chain from the Versions tab", async ({
    page,
    walletAddress,
    browser,
  }) => {
    // The owner signs in and creates a Datanet reviewed by one invited address.
    await signIn(page, walletAddress, "/datanets");
    // Datanets are public and the report flags rows another Datanet holds, exactly or nearly: the run's tag
    // mid-sentence keeps these rows this attempt's own, unflagged, so the sample stays in file order.
    const run = Date.now().toString(36);
    const name = `Spam or ham ${run}`;
    const created = await page.request.post("/api/datanets", {
      data: {
        name,
        summary: "Short emails labelled spam or ham, for a first classifier.",
        domain: "email",
        license: "CC0-1.0",
        kind: "labelled",
        review: { minReviews: 1, approvalThreshold: 0.5, reviewers: "invited", invited: [OTHER_ACCOUNT] },
      },
    });
    expect(created.status()).toBe(201);
    const { datanet } = (await created.json()) as { datanet: { id: string; slug: string } };
    await contributeCsv(
      page.request,
      datanet.id,
      `text,label\nWin a free cruise (run ${run}) now,spam\nMinutes of (run ${run}) Tuesday's meeting,ham\nCheap pills (run ${run}) online,spam\n`,
    );

    await page.goto(`/datanets/${datanet.slug}?tab=review`);
    await expect(page.getByText("You are not invited to review this Datanet")).toBeVisible();
    await expect(
      page.getByRole("region", { name: "My contributions" }).getByText("waiting for 1 more review"),
    ).toBeVisible();
    await snap(page, "review-not-invited");
    await page.goto(`/datanets/${datanet.slug}?tab=rows`);
    await expect(page.getByRole("heading", { name: "No accepted rows yet" })).toBeVisible();
    await snap(page, "rows-empty");
    await page.getByRole("combobox", { name: "Row status" }).click();
    await page.getByRole("option", { name: "Pending review" }).click();
    await expect(page.getByRole("table", { name: "Rows" })).toContainText(`Cheap pills (run ${run}) online`);
    await snap(page, "rows-pending");
    // A quality report's twin link opens one row by id, though it is only pending.
    const pending = (await (await page.request.get(`/api/datanets/${datanet.id}/rows?status=pending`)).json()) as {
      items: { id: string; fields: { text: string } }[];
    };
    const twin = pending.items.find((r) => r.fields.text.startsWith("Cheap pills")) as { id: string };
    await page.goto(`/datanets/${datanet.slug}?tab=rows&row=${twin.id}`);
    // The page streams (app/loading.tsx): until the swap, a hidden copy of the tab can be in the document.
    await expect(
      page.getByText(`Showing row #${twin.id}, linked from a quality report.`).filter({ visible: true }),
    ).toBeVisible();
    await expect(page.getByRole("table", { name: "Rows" })).toContainText(`Cheap pills (run ${run}) online`);
    await expect(page.getByRole("table", { name: "Rows" })).not.toContainText("Win a free cruise");
    await snap(page, "rows-linked-row");
    await page.getByRole("button", { name: "Show all rows" }).click();
    await expect(page.getByRole("heading", { name: "No accepted rows yet" })).toBeVisible();
    await page.goto(`/datanets/${datanet.slug}?tab=versions`);
    await expect(page.getByRole("region", { name: "Publish a new version" })).toBeVisible();
    await snap(page, "versions-unregistered");

    // The invited reviewer signs in with a wallet of their own and approves it in the Review tab.
    const reviewerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const reviewer = await reviewerContext.newPage();
    await injectTestWallet(reviewer, { address: OTHER_ACCOUNT });
    await signIn(reviewer, OTHER_ACCOUNT, `/datanets/${datanet.slug}?tab=review`);
    const item = reviewer.getByRole("article").filter({ hasText: "3 rows from" });
    await expect(item).toBeVisible();
    await expect(item.getByText("Quality score")).toBeVisible();
    // No row is flagged, so the sample does not claim an order by flags.
    await expect(item.getByRole("heading", { name: "Sample: 3 rows", exact: true })).toBeVisible();
    await expect(item.getByRole("listitem", { name: "Row 1" })).toContainText(`Win a free cruise (run ${run}) now`);
    await expect(item).toContainText("0 of 1 reviews so far");
    await expect(reviewer.getByText("1 contribution waiting for your review")).toBeVisible();
    await snap(reviewer, "review-queue");
    await item.getByRole("listitem", { name: "Row 3" }).getByRole("button", { name: "Reject this row" }).click();
    await item.getByRole("textbox", { name: "Why reject row 3?" }).fill("Too short to teach anything.");
    await item.getByRole("listitem", { name: "Row 3" }).getByRole("button", { name: "Keep this row" }).click();
    await item.getByRole("textbox", { name: "Reason" }).fill("Clear labels.");
    await item.getByRole("button", { name: "Approve" }).click();
    await expect(item.getByRole("status")).toContainText("accepted — 1 of 1 approved");
    // The tab refreshes: the item keeps its result with the new counts, and nothing else waits for this reviewer.
    await expect(item).toContainText("1 of 1 reviews so far (1 approval)");
    await expect(item).not.toContainText("0 of 1 reviews so far");
    const queue = reviewer.getByRole("region", { name: "Review queue" });
    await expect(queue.getByText("Nothing else waits for you.")).toBeVisible();
    await expect(queue).not.toContainText("waiting for your review");
    await snap(reviewer, "review-decided");
    await reviewerContext.close();

    // The owner sees the decision on their contribution, then registers and publishes version 1.
    await page.goto(`/datanets/${datanet.slug}?tab=review`);
    const mine = page.getByRole("region", { name: "My contributions" });
    await expect(mine.getByText("accepted — 1 of 1 approved")).toBeVisible();
    await expect(mine.getByText("“Clear labels.”")).toBeVisible();
    await page.goto(`/datanets/${datanet.slug}?tab=rows`);
    await expect(page.getByRole("table", { name: "Rows" })).toContainText(`Win a free cruise (run ${run}) now`);
    await snap(page, "rows-accepted");
    await page.goto(`/datanets/${datanet.slug}?tab=contributors`);
    await expect(page.getByRole("table", { name: "Contributors leaderboard" })).toBeVisible();
    await snap(page, "contributors");

    await page.goto(`/datanets/${datanet.slug}?tab=versions`);
    const panel = page.getByRole("region", { name: "Publish a new version" });
    await expect(panel).toBeVisible();
    await panel.getByRole("button", { name: "Register on-chain" }).click();
    await expect(panel.getByText(/Registered as #\d+/)).toBeVisible({ timeout: 60_000 });

    await panel.getByRole("textbox", { name: "Changelog" }).fill("First cut: three labelled emails.");
    await panel.getByRole("button", { name: "Publish version 1" }).click();
    await expect(panel.getByText("Version 1 is published on-chain.")).toBeVisible({ timeout: 60_000 });
    // Right after it, with no reload: version 1 holds every accepted row, so there is no version 2 to publish.
    await expect(panel.getByText("Nothing new since version 1")).toBeVisible();
    await expect(panel.getByRole("button", { name: /Publish version/ })).toHaveCount(0);
    await expect(panel.getByRole("textbox", { name: "Changelog" })).toHaveCount(0);
    const record = panel.getByTestId("onchain-record-1");
    await expect(record).toContainText("On-chain root equals the app's root");

    // The root the chain holds is the one the app stored.
    const versions = (await (await page.request.get(`/api/datanets/${datanet.id}/versions`)).json()) as {
      versions: { number: number; status: string; merkleRoot: string }[];
    };
    const v1 = versions.versions.find((v) => v.number === 1);
    expect(v1?.status).toBe("confirmed");
    await expect(record.getByTestId("onchain-root")).toHaveAttribute("title", v1?.merkleRoot ?? "");

    // The timeline lists it, with its own check against the chain.
    const entry = page.getByRole("listitem", { name: "Version 1" });
    await expect(entry).toContainText("First cut: three labelled emails.");
    await expect(entry.getByTestId("onchain-record-1")).toContainText("On-chain root equals the app's root");
    await snap(page, "versions-published");
    // A reload says the same.
    await page.reload();
    await expect(panel.getByText("Nothing new since version 1")).toBeVisible();
    await expect(panel.getByRole("button", { name: /Publish version/ })).toHaveCount(0);

    // The diff page lists the rows version 1 added.
    await entry.getByRole("link", { name: "Rows" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Version 1" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Rows added" })).toContainText(`Minutes of (run ${run}) Tuesday`);
    await snap(page, "diff");
  });
});
