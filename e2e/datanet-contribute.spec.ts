import type { Page } from "@playwright/test";
import { openApp } from "./fixtures/app";
import { signIn, snap, textFile } from "./fixtures/flows";
import { expect, test } from "./fixtures/test-wallet";

/** Pictures of each state for people to look at: e2e/.artifacts/screenshots/contribute-<state>-<width>-<theme>.png. */
const gallery = (page: Page, state: string) => snap(page, `contribute-${state}`);

/**
 * Three bad rows among seven: an empty completion (line 4), an e-mail address (line 5), and the JSONL's first row
 * repeating the CSV's first. Datanets are public and the report flags rows that another Datanet holds, exactly or
 * nearly (word 3-shingles): every answer carries this run's tag mid-sentence, so a retry or a second run on the same
 * stack does not find its first attempt's rows, and the counts below stay this contribution's own.
 */
function contributionFiles(run: string) {
  const csv = textFile(
    "qa.csv",
    "text/csv",
    `question,answer
What is CWE-79?,Cross-site scripting (run ${run}): untrusted input rendered as HTML.
What is CWE-89?,SQL injection (run ${run}): untrusted input concatenated into a query.
What is CWE-22?,
Who handles security reports?,Write to security-team@example.com (run ${run}) with the details.
`,
  );
  const jsonl = textFile(
    "more.jsonl",
    "application/x-ndjson",
    `{"prompt":"What is CWE-79?","completion":"Cross-site scripting (run ${run}): untrusted input rendered as HTML."}
{"prompt":"What is CWE-352?","completion":"Cross-site request forgery (run ${run}): a forged request riding on the user's session."}
{"prompt":"What is CWE-798?","completion":"Hard-coded credentials (run ${run}): passwords or keys written into the source code."}
`,
  );
  return { csv, jsonl };
}

test.use({ reducedMotion: "reduce" });

test.describe("contribute to a Datanet", () => {
  test("drop a CSV and a JSONL → see every flag → redact → sign with the wallet → rows pending review", async ({
    page,
    browser,
    walletAddress,
  }) => {
    test.setTimeout(240_000);
    await signIn(page, walletAddress, "/");
    const run = Date.now().toString(36);
    const { csv, jsonl } = contributionFiles(run);

    const created = await page.request.post("/api/datanets", {
      data: {
        name: `Contribute e2e ${run}`,
        summary: "Questions about software weaknesses, answered by people who fix them.",
        domain: "security",
        license: "CC-BY-4.0",
        kind: "instruction",
        review: { minReviews: 2, approvalThreshold: 0.67, reviewers: "stakers" },
      },
    });
    expect(created.status()).toBe(201);
    const { slug } = ((await created.json()) as { datanet: { slug: string } }).datanet;
    const tabPath = `/datanets/${slug}?tab=contribute`;

    // Signed out: the tab asks to connect and sign in.
    const visitor = await browser.newContext({ reducedMotion: "reduce" });
    const visitorPage = await visitor.newPage();
    await visitorPage.goto(tabPath);
    await expect(visitorPage.getByRole("heading", { name: "Sign in to contribute" })).toBeVisible();
    await expect(visitorPage.getByRole("button", { name: "Connect and sign in" })).toBeVisible();
    await gallery(visitorPage, "signed-out");
    await visitor.close();

    await openApp(page, tabPath);
    await expect(page.getByRole("tab", { name: "Contribute" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByText("Drop files here or browse")).toBeVisible();
    await expect(page.getByText("Accepted: .csv .tsv .jsonl .json with prompt and completion columns.")).toBeVisible();
    await gallery(page, "empty");

    // The browser refuses what the server would refuse, naming why, before any upload.
    const input = page.getByTestId("contribute-file-input");
    await input.setInputFiles([
      textFile("sheet.xlsx", "application/octet-stream", "PK"),
      textFile("notes.txt", "text/plain", "hi"),
    ]);
    const refusal = page.getByRole("alert").filter({ hasText: "2 files were not added" });
    await expect(refusal).toContainText("sheet.xlsx: .xlsx files are not supported.");
    await expect(refusal).toContainText(
      "notes.txt holds text only; this Datanet's rows need prompt and completion columns",
    );
    await refusal.getByRole("button", { name: "Dismiss" }).click();

    // A binary file named .csv passes the browser's checks; the server refuses it with a named error, and the
    // other files stay listed while the culprit is removed.
    await input.setInputFiles([csv, jsonl, { name: "export.csv", mimeType: "text/csv", buffer: Buffer.alloc(512, 1) }]);
    const fileList = page.getByRole("list", { name: "Files to contribute" });
    await expect(fileList.getByRole("listitem")).toHaveCount(3);
    await expect(page.getByText("3 files ·")).toBeVisible();
    await gallery(page, "files");
    const refused = page.waitForResponse((r) => r.url().endsWith("/contributions/preview"));
    await page.getByRole("button", { name: "Check files" }).click();
    expect((await refused).status()).toBe(415);
    const checkError = page.getByRole("alert").filter({ hasText: "The files could not be checked" });
    await expect(checkError).toContainText("export.csv");
    await expect(checkError).toContainText("binary_file");
    await gallery(page, "error");
    await fileList.getByRole("button", { name: "Remove export.csv" }).click();
    await expect(checkError).toBeHidden();
    await expect(fileList.getByRole("listitem")).toHaveCount(2);
    await expect(fileList).toContainText("qa.csv");
    await expect(fileList).toContainText("more.jsonl");

    // Check: upload with progress, then the report.
    const previewed = page.waitForResponse((r) => r.url().endsWith("/contributions/preview"));
    await page.getByRole("button", { name: "Check files" }).click();
    expect((await previewed).status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Quality report" })).toBeVisible();
    await expect(page.getByText("7 rows checked: 4 clean, 3 flagged")).toBeVisible();

    // Per-file summary and the guessed column mapping.
    const filesRead = page.getByRole("list", { name: "Files read" });
    await expect(filesRead).toContainText("CSV");
    await expect(filesRead).toContainText("JSON Lines");
    await expect(filesRead).toContainText("1 line with problems");
    await expect(page.getByRole("combobox", { name: "prompt column of qa.csv" })).toHaveText(/question/);
    await expect(page.getByRole("combobox", { name: "completion column of qa.csv" })).toHaveText(/answer/);

    // Counts per flag type, and every flagged row explained.
    await expect(page.locator('[data-flag-type="ingest"]')).toContainText("1");
    await expect(page.locator('[data-flag-type="duplicate_in_contribution"]')).toContainText("1");
    await expect(page.locator('[data-flag-type="pii"]')).toContainText("1");
    // Nothing from other Datanets, this test's earlier attempts included: the run tag keeps the rows its own.
    for (const none of ["duplicate_in_datanet", "duplicate_in_other_datanet", "near_duplicate"]) {
      await expect(page.locator(`[data-flag-type="${none}"]`)).toContainText("0");
    }
    const flagged = page.getByRole("table", { name: "Flagged rows" });
    await expect(flagged.getByRole("row")).toHaveCount(4);
    await expect(flagged.getByRole("row").filter({ hasText: "qa.csv:4" })).toContainText(
      /Schema violation\s*completion \(column "answer"\) is empty/,
    );
    await expect(flagged.getByRole("row").filter({ hasText: "qa.csv:5" })).toContainText(
      "E-mail address in “completion”: s***@e***.com",
    );
    await expect(flagged.getByRole("row").filter({ hasText: "more.jsonl:1" })).toContainText(
      "Duplicate of qa.csv, row 2.",
    );
    const sample = page.getByRole("table", { name: "Sample of parsed rows" });
    await expect(sample.getByRole("row")).toHaveCount(7); // header + 6 rows
    await expect(sample).toContainText("security-team@example.com");

    // What would be signed.
    const signPanel = page.getByRole("complementary", { name: "Sign and submit" });
    const signed = signPanel.getByRole("definition");
    await expect(signed.first()).toHaveText("6");
    await expect(signPanel).toContainText("CC-BY-4.0");
    await gallery(page, "report");

    // Changing a column mapping checks the files again with it; changing it back restores the report.
    const completionColumn = page.getByRole("combobox", { name: "completion column of qa.csv" });
    const remapped = page.waitForResponse((r) => r.url().endsWith("/contributions/preview"));
    await completionColumn.click();
    await page.getByRole("option", { name: "question" }).click();
    const remap = await remapped;
    expect(remap.status()).toBe(200);
    // Line 4's empty answer no longer matters: its question is the completion now, so it is a row.
    await expect(sample.getByRole("row").filter({ hasText: "qa.csv:4" })).toContainText("What is CWE-22?");
    await expect(completionColumn).toHaveText(/question/);
    const restored = page.waitForResponse((r) => r.url().endsWith("/contributions/preview"));
    await completionColumn.click();
    await page.getByRole("option", { name: "answer" }).click();
    expect((await restored).status()).toBe(200);
    await expect(page.getByText("7 rows checked: 4 clean, 3 flagged")).toBeVisible();

    // Redact: the preview runs again with the e-mail replaced.
    const redacted = page.waitForResponse((r) => r.url().endsWith("/contributions/preview"));
    await page.getByRole("switch", { name: "Redact PII and secrets before submitting" }).click();
    expect((await redacted).status()).toBe(200);
    await expect(sample).toContainText(`Write to [EMAIL] (run ${run}) with the details.`);
    await expect(page.getByText("1 row redacted:")).toBeVisible();
    await expect(page.locator('[data-flag-type="pii"]')).toContainText("0");
    await expect(page.getByRole("switch", { name: "Redact PII and secrets before submitting" })).toBeChecked();

    // Sign (the test wallet has anvil sign the EIP-712 data) and submit.
    const submitted = page.waitForResponse(
      (r) => r.url().endsWith(`/contributions`) && r.request().method() === "POST",
    );
    await signPanel.getByRole("button", { name: "Sign and submit" }).click();
    const answer = await submitted;
    expect(answer.status()).toBe(201);
    await expect(
      page.getByRole("heading", { name: "Contribution submitted: 6 rows, pending review by 2 reviewers" }),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to Review" })).toHaveAttribute(
      "href",
      `/datanets/${slug}?tab=review`,
    );
    await gallery(page, "submitted");

    // The rows are stored, pending, redacted.
    const rows = await page.request.get(`/api/datanets/${slug}/rows?status=pending`);
    expect(rows.status()).toBe(200);
    const body = (await rows.json()) as { total: number; items: { fields: Record<string, string>; file: string }[] };
    expect(body.total).toBe(6);
    expect(body.items.map((row) => row.fields.completion)).toContain(`Write to [EMAIL] (run ${run}) with the details.`);
    expect(JSON.stringify(body.items)).not.toContain("security-team@example.com");
    expect(new Set(body.items.map((row) => row.file))).toEqual(new Set(["qa.csv", "more.jsonl"]));

    // "Contribute more files" starts over with an empty drop zone.
    // The page streams: while it swaps in, a hidden copy of the button can be in the DOM too.
    await page.getByRole("button", { name: "Contribute more files" }).filter({ visible: true }).click();
    await expect(page.getByText("Drop files here or browse")).toBeVisible();
  });
});
