import { describe, expect, it } from "vitest";
import { luhnValid, type PiiKind, scanRow, scanText, shannonEntropy } from "./pii";

const kinds = (text: string) => scanText(text).map((f) => f.kind);
const found = (text: string) => scanText(text).map((f) => text.slice(f.start, f.end));

describe("helpers", () => {
  it("checks Luhn", () => {
    expect(luhnValid("4111111111111111")).toBe(true);
    expect(luhnValid("4111111111111112")).toBe(false);
    expect(luhnValid("79927398713")).toBe(true);
    expect(luhnValid("")).toBe(false);
  });
  it("measures entropy", () => {
    expect(shannonEntropy("aaaa")).toBe(0);
    expect(shannonEntropy("abcd")).toBe(2);
  });
});

describe("true positives", () => {
  const cases: [string, PiiKind, string][] = [
    ["mail john.doe+news@mail.example.co.uk today", "email", "john.doe+news@mail.example.co.uk"],
    ["call +44 20 7946 0958 now", "phone", "+44 20 7946 0958"],
    ["call +1 (415) 555-2671.", "phone", "+1 (415) 555-2671"],
    ["tel. +33 1 23 45 67 89", "phone", "+33 1 23 45 67 89"],
    ["ring (415) 555-2671 or", "phone", "(415) 555-2671"],
    ["ring 415-555-2671 today", "phone", "415-555-2671"],
    ["ring 415.555.2671 today", "phone", "415.555.2671"],
    ["office 020 7946 0958", "phone", "020 7946 0958"],
    ["mobile 07700 900123", "phone", "07700 900123"],
    ["appelez le 01 23 45 67 89", "phone", "01 23 45 67 89"],
    ["Büro 030 1234567", "phone", "030 1234567"],
    ["visa 4111 1111 1111 1111 exp", "card", "4111 1111 1111 1111"],
    ["mc 5555-5555-5555-4444", "card", "5555-5555-5555-4444"],
    ["amex 378282246310005", "card", "378282246310005"],
    ["card 4111 1111 1111 1111 2024 expiry", "card", "4111 1111 1111 1111"],
    ["key AKIAIOSFODNN7EXAMPLE", "api_key", "AKIAIOSFODNN7EXAMPLE"],
    ["ghp_abcdefghijklmnopqrstuvwxyz0123456789", "api_key", "ghp_abcdefghijklmnopqrstuvwxyz0123456789"],
    [
      "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
      "api_key",
      "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
    ],
    ["OPENAI=sk-proj-abc123def456ghi789jkl012mno", "api_key", "sk-proj-abc123def456ghi789jkl012mno"],
    ["sk-abcdefghij1234567890ABCDEFGHIJ", "api_key", "sk-abcdefghij1234567890ABCDEFGHIJ"],
    ["slack xoxb-123456789012-1234567890123-abcdefghij", "api_key", "xoxb-123456789012-1234567890123-abcdefghij"],
    ["stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc", "api_key", "sk_live_4eC39HqLyjWDarjtT1zdp7dc"],
    ["maps AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW ok", "api_key", "AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW"],
    ['api_key = "a8Fz93kLq0PzX7wR2mN5"', "api_key", "a8Fz93kLq0PzX7wR2mN5"],
    [
      "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      "api_key",
      "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    ],
    ['{"client_secret": "9f8e7d6c5b4a3f2e1d0c9b8a7f6e"}', "api_key", "9f8e7d6c5b4a3f2e1d0c9b8a7f6e"],
    [
      "my private key: 0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318",
      "private_key",
      "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318",
    ],
    [
      "PRIVATE_KEY=4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318",
      "private_key",
      "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318",
    ],
  ];
  it.each(cases)("%s", (text, kind, value) => {
    const findings = scanText(text);
    expect(findings.map((f) => f.kind)).toEqual([kind]);
    expect(found(text)).toEqual([value]);
  });

  it("finds a whole PEM block, and an unterminated one to the end", () => {
    const pem = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----";
    expect(found(`here: ${pem} done`)).toEqual([pem]);
    expect(found("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADAN")).toEqual(["-----BEGIN PRIVATE KEY-----\nMIIEvQIBADAN"]);
    expect(kinds("-----BEGIN EC PRIVATE KEY-----\nabc\n-----END EC PRIVATE KEY-----")).toEqual(["private_key"]);
  });

  it("masks previews and never echoes the whole value", () => {
    const text = "AKIAIOSFODNN7EXAMPLE jane@example.org 4111 1111 1111 1111 +44 20 7946 0958";
    for (const f of scanText(text)) {
      const value = text.slice(f.start, f.end);
      expect(f.preview).not.toContain(value);
    }
    expect(scanText("jane@example.org")[0]?.preview).toBe("j***@e***.org");
    expect(scanText("4111 1111 1111 1111")[0]?.preview).toBe("•••• 1111");
  });

  it("reports field names per row", () => {
    const findings = scanRow({ prompt: "mail me", completion: "at a.b@example.com" });
    expect(findings).toEqual([expect.objectContaining({ kind: "email", field: "completion", start: 3, end: 18 })]);
  });

  it("prefers the more serious kind when spans overlap", () => {
    expect(kinds('api_key = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"')).toEqual(["api_key"]);
  });
});

describe("false positives stay quiet", () => {
  const clean = [
    "In 1999 the town had 1,234,567 inhabitants; by 2024 it grew 12.5% to 1,389,000.",
    "The meeting is on 2024-01-15 at 10:30, or 15.01.2024, or 01/15/2024, or 01-02-2024.",
    "ISBN 978-3-16-148410-0 and ISBN-13: 978-0-306-40615-7 are books.",
    "Order number 4111111111111112 failed (not a card: Luhn fails).",
    "Tracking 1234 5678 9012 3456 is not a card.",
    "The value 0000 0000 0000 0000 is a placeholder.",
    "Version 1.2.3, build 20240115, port 8080, pi = 3.14159265358979.",
    "const apiKey = getApiKeyFromConfig(); const secretKey = process.env.SECRET_KEY;",
    'api_key = os.environ["OPENAI_API_KEY"]  # read from the environment',
    "password: ********, token = <your-token-here>, api_key = YOUR_API_KEY_HERE",
    "def get_token(self): return self.access_token_value",
    "pip install scikit-learn; import sklearn; use sk-learn style APIs",
    "tx hash 0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b confirmed",
    "Use npm i react@19.3.1 and logo@2x.png in the assets.",
    "Call me maybe: 12345678 or 555 1234.",
    "Coordinates 48.8566, 2.3522 and temperature -12.5°C.",
    "Phone numbers look like +1 followed by digits, e.g. a format description.",
  ];
  it.each(clean)("%s", (text) => {
    expect(scanText(text)).toEqual([]);
  });
});
