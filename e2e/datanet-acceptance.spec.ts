import { type Address, createPublicClient, type Hex, http } from "viem";
import { contractAbis } from "../lib/chain/abis.generated";
import { OTHER_ACCOUNT, RPC_URL } from "./env";
import { fillDatanetForm } from "./fixtures/datanet-form";
import { signIn, snap, textFile } from "./fixtures/flows";
import { expect, injectTestWallet, test } from "./fixtures/test-wallet";

/**
 * The Datanet acceptance flow in one test, all through the UI: the owner creates a Datanet, contributes a CSV and a
 * JSONL file with bad rows, reads the quality report, signs (EIP-712) and submits; a second wallet approves it in the
 * Review tab; the owner registers the Datanet and publishes version 1 on anvil, and the root the registry stores is
 * read straight from the chain and compared with the app's.
 */

/**
 * The two files, with bad rows. Datanets are public and the report flags rows that another Datanet holds, exactly or
 * nearly: the rows differ from the other specs' and carry this run's tag mid-sentence, so neither they nor an earlier
 * attempt of this test change each other's counts.
 * qa.csv: line 4 is empty, line 5 holds an e-mail address, line 6 has a third field (ragged), line 7 repeats line 3.
 * more.jsonl: line 3 repeats qa.csv's first row.
 */
function contributionFiles(run: string) {
  const csv = textFile(
    "qa.csv",
    "text/csv",
    `question,answer
What is CWE-78?,OS command injection (run ${run}): untrusted input reaches a shell command.
What is CWE-434?,Unrestricted upload (run ${run}): a dangerous file type is accepted and stored.
,
Where do I report a weakness?,Mail security-desk@example.org (run ${run}) with the details.
What is CWE-287?,Improper authentication (run ${run}): a claimed identity is not proven.,see the CWE site
What is CWE-434?,Unrestricted upload (run ${run}): a dangerous file type is accepted and stored.
`,
  );
  const jsonl = textFile(
    "more.jsonl",
    "application/x-ndjson",
    `{"prompt":"What is CWE-502?","completion":"Deserialization of untrusted data (run ${run}): objects are rebuilt from attacker bytes."}
{"prompt":"What is CWE-611?","completion":"XML external entities (run ${run}): a parser resolves references to outside files."}
{"prompt":"What is CWE-78?","completion":"OS command injection (run ${run}): untrusted input reaches a shell command."}
`,
  );
  return [csv, jsonl];
}

const registryAbi = contractAbis.DatanetRegistry;

test.use({ reducedMotion: "reduce" });

test.describe("Datanet acceptance", () => {
  test("create → contribute files with bad rows → quality report → sign → second wallet approves → publish on-chain → roots equal", async ({
    page,
    walletAddress,
    browser,
  }) => {
    test.setTimeout(300_000);

    // 1. The owner signs in and creates the Datanet through the form, reviewed by one invited address.
    await signIn(page, walletAddress, "/datanets/new");
    await expect(page.getByRole("form", { name: "New Datanet" })).toBeVisible();
    const run = Date.now().toString(36);
    const name = `Acceptance ${run}`;
    await fillDatanetForm(page, name);
    await page.getByRole("spinbutton", { name: "Minimum reviews" }).fill("1");
    await page.getByRole("radio", { name: "Invited addresses" }).click();
    const invited = page.getByRole("textbox", { name: "Invited reviewers", exact: true });
    await invited.fill(OTHER_ACCOUNT);
    await invited.press("Enter");
    await expect(page.getByRole("list", { name: "reviewers" })).toContainText(OTHER_ACCOUNT.toLowerCase());

    const createdResponse = page.waitForResponse(
      (r) => r.url().endsWith("/api/datanets") && r.request().method() === "POST",
    );
    await page.getByRole("button", { name: "Create Datanet" }).click();
    const created = await createdResponse;
    expect(created.status()).toBe(201);
    const { datanet } = (await created.json()) as { datanet: { id: string; slug: string } };
    await expect(page).toHaveURL(new RegExp(`/datanets/${datanet.slug}$`));
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByText("Needs 1 review, approved at ≥ 67%, by 1 invited reviewer.")).toBeVisible();
    // The "Created" toast would cover the sign panel in the report's screenshot: close it.
    const toast = page.locator("[data-sonner-toast]").filter({ hasText: `Created “${name}”.` });
    await toast
      .getByRole("button", { name: "Close toast" })
      .click({ timeout: 3_000 })
      .catch(() => {}); // already gone by itself
    await expect(toast).toBeHidden();

    // 2. Its Contribute tab: drop a CSV and a JSONL with bad rows and check them.
    await page.getByRole("tab", { name: "Contribute" }).click();
    await expect(page).toHaveURL(/\?tab=contribute$/);
    await expect(page.getByText("Drop files here or browse")).toBeVisible();
    await page.getByTestId("contribute-file-input").setInputFiles(contributionFiles(run));
    const fileList = page.getByRole("list", { name: "Files to contribute" });
    await expect(fileList.getByRole("listitem")).toHaveCount(2);
    const previewed = page.waitForResponse((r) => r.url().endsWith("/contributions/preview"));
    await page.getByRole("button", { name: "Check files" }).click();
    expect((await previewed).status()).toBe(200);

    // 3. The quality report: 9 lines read, 2 of them not rows (empty, ragged), 2 duplicates, 1 e-mail address.
    await expect(page.getByRole("heading", { name: "Quality report" })).toBeVisible();
    await expect(page.getByText("9 rows checked: 4 clean, 5 flagged")).toBeVisible();
    await expect(page.getByRole("list", { name: "Files read" })).toContainText("2 lines with problems");
    await expect(page.locator('[data-flag-type="ingest"]')).toContainText("2");
    await expect(page.locator('[data-flag-type="duplicate_in_contribution"]')).toContainText("2");
    await expect(page.locator('[data-flag-type="pii"]')).toContainText("1");
    for (const none of ["duplicate_in_datanet", "duplicate_in_other_datanet", "near_duplicate"]) {
      await expect(page.locator(`[data-flag-type="${none}"]`)).toContainText("0");
    }
    const flagged = page.getByRole("table", { name: "Flagged rows" });
    await expect(flagged.getByRole("row")).toHaveCount(6); // header + 5 flagged rows
    await expect(flagged.getByRole("row").filter({ hasText: "qa.csv:4" })).toContainText(/Empty\s*the row is empty/);
    await expect(flagged.getByRole("row").filter({ hasText: "qa.csv:5" })).toContainText(
      "E-mail address in “completion”: s***@e***.org",
    );
    await expect(flagged.getByRole("row").filter({ hasText: "qa.csv:6" })).toContainText(
      /Wrong column count\s*the row has 3 fields, the header has 2/,
    );
    await expect(flagged.getByRole("row").filter({ hasText: "qa.csv:7" })).toContainText(
      "Duplicate of row 3 of this file.",
    );
    await expect(flagged.getByRole("row").filter({ hasText: "more.jsonl:3" })).toContainText(
      "Duplicate of qa.csv, row 2.",
    );
    // The lines that could not become rows are left out of what is signed: 7 rows.
    const signPanel = page.getByRole("complementary", { name: "Sign and submit" });
    await expect(signPanel.getByRole("definition").first()).toHaveText("7");
    await expect(signPanel).toContainText("CC-BY-4.0");
    await snap(page, "acceptance-report");

    // 4. Sign (the test wallet has anvil sign the EIP-712 data) and submit.
    const submittedResponse = page.waitForResponse(
      (r) => r.url().endsWith("/contributions") && r.request().method() === "POST",
    );
    await signPanel.getByRole("button", { name: "Sign and submit" }).click();
    const submitted = await submittedResponse;
    expect(submitted.status()).toBe(201);
    await expect(
      page.getByRole("heading", { name: "Contribution submitted: 7 rows, pending review by 1 reviewer" }),
    ).toBeVisible();

    // 5. The invited reviewer, another anvil account, approves it in the Review tab with a wallet of their own.
    const reviewerContext = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      reducedMotion: "reduce",
    });
    try {
      const reviewer = await reviewerContext.newPage();
      await injectTestWallet(reviewer, { address: OTHER_ACCOUNT });
      await signIn(reviewer, OTHER_ACCOUNT, `/datanets/${datanet.slug}?tab=review`);
      const item = reviewer.getByRole("article").filter({ hasText: "7 rows from" });
      await expect(item).toBeVisible();
      await expect(item).toContainText("0 of 1 reviews so far");
      const flagsByCheck = item.getByRole("list", { name: "Flagged rows by check" });
      await expect(flagsByCheck).toContainText("duplicates within");
      await expect(flagsByCheck).toContainText("personal data / secrets");
      const sampled = item.getByRole("region", { name: "Sampled rows" });
      await expect(sampled).toContainText(`Mail security-desk@example.org (run ${run}) with the details.`);
      // Flagged rows first, as the sample says, each group in file order: the e-mail (row 3) and the two duplicates
      // (rows 4 and 7) lead, then the clean rows; five show before "Show all", the duplicates among them.
      await expect(sampled.getByRole("heading", { name: "Sample: 7 rows · flagged rows first" })).toBeVisible();
      const shownRows = sampled.getByRole("listitem", { name: /^Row \d+$/ });
      await expect(shownRows).toHaveCount(5);
      expect(await shownRows.evaluateAll((rows) => rows.map((row) => row.getAttribute("aria-label")))).toEqual([
        "Row 3",
        "Row 4",
        "Row 7",
        "Row 1",
        "Row 2",
      ]);
      for (const position of [3, 4, 7]) {
        await expect(
          sampled.getByRole("listitem", { name: `Row ${position}` }).getByRole("list", { name: "Quality flags" }),
        ).toBeVisible();
      }
      await expect(sampled.getByRole("listitem", { name: "Row 7" })).toContainText(
        `OS command injection (run ${run}): untrusted input reaches a shell command.`,
      );
      await expect(sampled.getByRole("button", { name: "Show all 7 sampled rows" })).toBeVisible();
      await expect(reviewer.getByText("1 contribution waiting for your review")).toBeVisible();
      await item.getByRole("textbox", { name: "Reason" }).fill("Useful answers; the duplicates are harmless.");
      await item.getByRole("button", { name: "Approve" }).click();
      await expect(item.getByRole("status")).toContainText("accepted — 1 of 1 approved");
      // The counts follow the review without a reload.
      await expect(item).toContainText("1 of 1 reviews so far (1 approval)");
      const queue = reviewer.getByRole("region", { name: "Review queue" });
      await expect(queue.getByText("Nothing else waits for you.")).toBeVisible();
      await expect(queue).not.toContainText("waiting for your review");
      await snap(reviewer, "acceptance-review");
    } finally {
      await reviewerContext.close();
    }

    // 6. The owner registers the Datanet on-chain if needed, then publishes version 1 from the Versions tab.
    await page.goto(`/datanets/${datanet.slug}?tab=versions`);
    const panel = page.getByRole("region", { name: "Publish a new version" });
    await expect(panel).toBeVisible();
    const register = panel.getByRole("button", { name: "Register on-chain" });
    const registered = panel.getByText(/Registered as #\d+/);
    await expect(register.or(registered)).toBeVisible();
    if (await register.isVisible()) await register.click();
    await expect(registered).toBeVisible({ timeout: 60_000 });

    await panel.getByRole("textbox", { name: "Changelog" }).fill("First cut: the accepted security Q&A.");
    await panel.getByRole("button", { name: "Publish version 1" }).click();
    await expect(panel.getByText("Version 1 is published on-chain.")).toBeVisible({ timeout: 60_000 });
    const entry = page.getByRole("listitem", { name: "Version 1" });
    await expect(entry).toContainText("First cut: the accepted security Q&A.");
    await expect(entry.getByTestId("onchain-record-1")).toContainText("On-chain root equals the app's root");
    // Version 1 holds every accepted row: the panel has nothing new to publish, right away.
    await expect(panel.getByText("Nothing new since version 1")).toBeVisible();
    await expect(panel.getByRole("button", { name: /Publish version/ })).toHaveCount(0);

    // 7. The transaction confirmed on anvil, and the root the registry stores is the app's root.
    const registration = (await (await page.request.get(`/api/datanets/${datanet.id}/registration`)).json()) as {
      registry: Address;
      onchainId: string | null;
    };
    expect(registration.onchainId).not.toBeNull();
    const versions = (await (await page.request.get(`/api/datanets/${datanet.id}/versions`)).json()) as {
      versions: { number: number; status: string; merkleRoot: Hex; rowCount: number; txHash: Hex | null }[];
    };
    const v1 = versions.versions.find((v) => v.number === 1);
    expect(v1?.status).toBe("confirmed");
    expect(v1?.rowCount).toBe(7);
    if (!v1?.txHash) throw new Error("version 1 has no transaction hash");

    const chain = createPublicClient({ transport: http(RPC_URL) });
    const receipt = await chain.getTransactionReceipt({ hash: v1.txHash });
    expect(receipt.status).toBe("success");
    expect(receipt.to?.toLowerCase()).toBe(registration.registry.toLowerCase());
    const onchainId = BigInt(registration.onchainId ?? 0);
    expect(
      await chain.readContract({
        address: registration.registry,
        abi: registryAbi,
        functionName: "versionCount",
        args: [onchainId],
      }),
    ).toBe(1);
    const stored = await chain.readContract({
      address: registration.registry,
      abi: registryAbi,
      functionName: "getVersion",
      args: [onchainId, 1],
    });
    expect(stored.merkleRoot).toBe(v1.merkleRoot);
    expect(stored.rowCount).toBe(7n);
    // The root the page shows is the same one.
    await expect(entry.getByTestId("app-root")).toHaveAttribute("title", stored.merkleRoot);
    await expect(entry.getByTestId("onchain-record-1").getByTestId("onchain-root")).toHaveAttribute(
      "title",
      stored.merkleRoot,
    );
    await snap(page, "acceptance-published");
  });
});
