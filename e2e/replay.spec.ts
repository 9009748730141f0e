import { type APIRequestContext, test as apiTest, expect } from "@playwright/test";
import { BASE_URL, OTHER_ACCOUNT, TEST_ACCOUNT } from "./env";
import { connectWith, expectSession, openApp, signMessage } from "./fixtures/app";
import { fetchNonce, signedSignIn } from "./fixtures/siwe";
import { TEST_WALLET_NAME, test as walletTest } from "./fixtures/test-wallet";

interface ErrorBody {
  error: { code: string; message: string };
}

async function verify(request: APIRequestContext, body: unknown) {
  const response = await request.post("/api/auth/verify", { data: body });
  const json = (await response.json().catch(() => null)) as ErrorBody | Record<string, unknown> | null;
  return { status: response.status(), body: json, headers: response.headers() };
}

const errorCode = (body: unknown) => (body as ErrorBody | null)?.error?.code;

walletTest.describe("SIWE replay protection (browser)", () => {
  walletTest(
    "a message the wallet signed in the browser cannot be used a second time",
    async ({ page, request, walletAddress }) => {
      await openApp(page, "/");
      await connectWith(page, TEST_WALLET_NAME);
      const posted = page.waitForRequest(
        (request) => request.url().endsWith("/api/auth/verify") && request.method() === "POST",
      );
      await signMessage(page, walletAddress);
      const captured = (await posted).postDataJSON() as { message: string; signature: string };
      expect(captured.message).toContain(new URL(BASE_URL).host);
      expect(captured.message).toContain(walletAddress);
      expect(captured.signature).toMatch(/^0x[0-9a-f]{130}$/i);
      await expectSession(page, walletAddress);

      // An attacker who captured the request replays it from a clean client: refused.
      const replay = await verify(request, captured);
      expect(replay.status).toBe(401);
      expect(errorCode(replay.body)).toBe("unknown_nonce");
      expect(replay.headers["set-cookie"] ?? "").not.toContain("mf_session=");
    },
  );
});

apiTest.describe("POST /api/auth/verify", () => {
  apiTest("accepts a signed message once, then refuses the same message", async ({ request }) => {
    const signIn = await signedSignIn(request, TEST_ACCOUNT);

    const first = await verify(request, signIn);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ address: TEST_ACCOUNT, chainId: 31337 });
    expect(first.headers["set-cookie"]).toMatch(/mf_session=[^;]+;.*HttpOnly/i);
    const session = await (await request.get("/api/auth/session")).json();
    expect(session).toMatchObject({ authenticated: true, chainId: 31337 });
    expect(String(session.address).toLowerCase()).toBe(TEST_ACCOUNT.toLowerCase());

    const second = await verify(request, signIn);
    expect(second.status).toBe(401);
    expect(errorCode(second.body)).toBe("unknown_nonce");
  });

  apiTest("refuses a message for another domain", async ({ request }) => {
    const result = await verify(request, await signedSignIn(request, TEST_ACCOUNT, { domain: "evil.example" }));
    expect(result.status).toBe(401);
    expect(errorCode(result.body)).toBe("wrong_domain");
  });

  apiTest("refuses a message for another chain", async ({ request }) => {
    const result = await verify(request, await signedSignIn(request, TEST_ACCOUNT, { chainId: 1 }));
    expect(result.status).toBe(401);
    expect(errorCode(result.body)).toBe("wrong_chain");
  });

  apiTest("refuses an expired message", async ({ request }) => {
    const result = await verify(
      request,
      await signedSignIn(request, TEST_ACCOUNT, {
        issuedAt: new Date(Date.now() - 20 * 60_000),
        expirationTime: new Date(Date.now() - 60_000),
      }),
    );
    expect(result.status).toBe(401);
    expect(errorCode(result.body)).toBe("expired_message");
  });

  apiTest("refuses a message that is not valid yet", async ({ request }) => {
    const result = await verify(
      request,
      await signedSignIn(request, TEST_ACCOUNT, { notBefore: new Date(Date.now() + 60 * 60_000) }),
    );
    expect(result.status).toBe(401);
    expect(errorCode(result.body)).toBe("not_yet_valid");
  });

  apiTest("refuses bad signatures", async ({ request }) => {
    // Signed by another account than the one the message names.
    const bySomeoneElse = await signedSignIn(request, TEST_ACCOUNT, {}, OTHER_ACCOUNT);
    let result = await verify(request, bySomeoneElse);
    expect(result.status).toBe(401);
    expect(errorCode(result.body)).toBe("bad_signature");

    // A genuine signature over a message edited afterwards.
    const genuine = await signedSignIn(request, TEST_ACCOUNT);
    result = await verify(request, {
      message: genuine.message.replace("costs nothing", "costs everything"),
      signature: genuine.signature,
    });
    expect(result.status).toBe(401);
    expect(errorCode(result.body)).toBe("bad_signature");

    // Not a signature at all.
    result = await verify(request, { message: genuine.message, signature: "0xdeadbeef" });
    expect(result.status).toBe(401);
    expect(errorCode(result.body)).toBe("bad_signature");

    // Nothing of that opened a session.
    expect(await (await request.get("/api/auth/session")).json()).toEqual({ authenticated: false });
  });

  apiTest("refuses a nonce the server never issued", async ({ request }) => {
    const result = await verify(request, await signedSignIn(request, TEST_ACCOUNT, { nonce: "neverissued12345" }));
    expect(result.status).toBe(401);
    expect(errorCode(result.body)).toBe("unknown_nonce");
  });

  apiTest("rejects malformed bodies with 422", async ({ request }) => {
    const nonce = await fetchNonce(request);
    for (const body of [
      {},
      { message: "hello" },
      { signature: "0x1234" },
      { message: "", signature: "0x1234" },
      { message: 42, signature: "0x1234" },
      { message: "hello", signature: "not hex" },
      { message: "x".repeat(4_001), signature: "0x1234" },
      [nonce],
    ]) {
      const result = await verify(request, body);
      expect(result.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect(errorCode(result.body)).toBe("invalid_request");
    }
    // A body that is not JSON at all is a 400.
    const notJson = await request.post("/api/auth/verify", {
      headers: { "Content-Type": "application/json" },
      // A Buffer is sent as is (a string would be JSON-encoded for a JSON content type).
      data: Buffer.from("{not json"),
    });
    expect(notJson.status()).toBe(400);
  });

  apiTest("refuses a well-formed body whose message is not EIP-4361", async ({ request }) => {
    const result = await verify(request, { message: "Please sign in", signature: "0x1234" });
    expect(result.status).toBe(401);
    expect(errorCode(result.body)).toBe("malformed_message");
  });
});
