import { describe, expect, it } from "vitest";
import { decodeCharset } from "./charset";
import { decodeHeaderWords, emailToText, quotedPrintableBytes } from "./email";
import { htmlToText } from "./html";

const plain = [
  "From someone@example.com  Thu Aug 22 12:36:23 2002",
  "Return-Path: <someone@example.com>",
  "Received: from mail.example.com (mail [10.0.0.1])",
  "\tby mx.example.org with ESMTP id 123",
  "Subject: Re: lunch",
  " tomorrow?",
  "Content-Type: text/plain; charset=us-ascii",
  "",
  "Sure, noon works.",
  "",
  "",
  "",
  "-- ",
  "Bob   ",
].join("\n");

describe("emailToText", () => {
  it("keeps the subject (unfolded) and body, dropping routing headers", () => {
    expect(emailToText(plain)).toEqual({
      subject: "Re: lunch tomorrow?",
      body: "Sure, noon works.\n\n--\nBob",
      text: "Subject: Re: lunch tomorrow?\n\nSure, noon works.\n\n--\nBob",
    });
  });

  it("prefers text/plain in multipart/alternative and decodes quoted-printable with the charset", () => {
    const raw = [
      "Subject: =?iso-8859-1?Q?Caf=E9_offer?=",
      'Content-Type: multipart/alternative; boundary="XYZ"',
      "",
      "This is a multi-part message in MIME format.",
      "--XYZ",
      "Content-Type: text/plain; charset=windows-1252",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      "=93Best=94 price =3D 5 =",
      "dollars",
      "--XYZ",
      "Content-Type: text/html",
      "",
      "<p>HTML version</p>",
      "--XYZ--",
    ].join("\n");
    expect(emailToText(raw)).toMatchObject({ subject: "Café offer", body: "“Best” price = 5 dollars" });
  });

  it("reduces HTML-only mail to text and decodes base64", () => {
    const html = Buffer.from(
      "<html><head><title>x</title><style>p{}</style></head><body><p>Win&nbsp;&amp; save!</p><br>Now &#8212; click</body></html>",
    ).toString("base64");
    const raw = [
      "Subject: deal",
      "Content-Type: text/html; charset=utf-8",
      "Content-Transfer-Encoding: base64",
      "",
      html,
    ].join("\n");
    expect(emailToText(raw).body).toBe("Win & save!\n\nNow — click");
  });

  it("joins the text parts of multipart/mixed and drops attachments and signatures", () => {
    const raw = [
      "Subject: report",
      "Content-Type: multipart/mixed; boundary=outer",
      "",
      "--outer",
      "Content-Type: multipart/alternative; boundary=inner",
      "",
      "--inner",
      "Content-Type: text/plain",
      "",
      "First part.",
      "--inner--",
      "--outer",
      "Content-Type: image/gif",
      "Content-Transfer-Encoding: base64",
      "",
      "R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=",
      "--outer",
      "Content-Type: application/pgp-signature",
      "",
      "-----BEGIN PGP SIGNATURE-----",
      "--outer",
      "",
      "Part without headers.",
      "--outer--",
    ].join("\n");
    expect(emailToText(raw).body).toBe("First part.\n\nPart without headers.");
  });

  it("has no subject line when there is no subject", () => {
    expect(emailToText("Content-Type: text/plain\n\nhello").text).toBe("hello");
  });
});

describe("decoding helpers", () => {
  it("decodes Windows-1252 (Node's TextDecoder maps it to Latin-1)", () => {
    expect(decodeCharset(Uint8Array.of(0x93, 0x41, 0x94, 0x80, 0xe9), "windows-1252")).toBe("“A”€é");
    expect(decodeCharset(Uint8Array.of(0xc3, 0xa9), "utf-8")).toBe("é");
    expect(decodeCharset(Uint8Array.of(0xc3, 0xa9), "no-such-charset")).toBe("é");
  });

  it("decodes quoted-printable and RFC 2047 words", () => {
    expect(new TextDecoder().decode(quotedPrintableBytes("a=3Db=\nc =C3=A9"))).toBe("a=bc é");
    expect(decodeHeaderWords("=?utf-8?B?w6k=?= =?utf-8?Q?t=C3=A9?= plain")).toBe("été plain");
  });

  it("turns HTML into text", () => {
    expect(htmlToText("<div>a</div><div>b&lt;c&gt;</div><!-- hidden --><script>x()</script>")).toBe("\na\n\nb<c>\n");
  });
});
