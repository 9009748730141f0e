import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown, safeUrl } from "./markdown";

const render = (source: string, headingOffset?: number) =>
  renderToStaticMarkup(<Markdown headingOffset={headingOffset}>{source}</Markdown>);

describe("Markdown", () => {
  it("drops raw HTML, scripts included", () => {
    const html = render(
      'Hello <script>alert("x")</script> <b onclick="steal()">bold</b>\n\n<iframe src="https://evil.example"></iframe>\n\n<img src=x onerror=alert(1)>',
    );
    expect(html).not.toMatch(/<script|<iframe|<b[ >]|<img|onerror|onclick/i);
    expect(html).toContain("Hello");
    // A block of HTML goes entirely, content included; inline tags go, their text stays as text.
    const block = render('<script>\nfetch("https://evil.example")\n</script>\n\nafter');
    expect(block).not.toContain("evil");
    expect(block).toContain("after");
  });

  it("neutralizes javascript:, data: and obfuscated links", () => {
    const html = render(
      "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) [c](data:text/html;base64,PHNjcmlwdD4=) [d](<java\tscript:alert(3)>) [e](vbscript:msgbox)",
    );
    expect(html).not.toMatch(/javascript|vbscript|data:/i);
    expect(html).not.toMatch(/href=/);
    // The link text survives as plain text.
    for (const text of ["a", "b", "c", "d", "e"]) expect(html).toContain(`>${text}<`);
  });

  it("opens safe links in a new tab without referrer or follow", () => {
    const html = render("[docs](https://example.com/docs) and <https://auto.example> and [mail](mailto:a@b.example)");
    const anchors = html.match(/<a [^>]*>/g) ?? [];
    expect(anchors).toHaveLength(3);
    for (const anchor of anchors) {
      expect(anchor).toContain('target="_blank"');
      expect(anchor).toContain('rel="noopener noreferrer nofollow"');
    }
    expect(html).toContain('href="https://example.com/docs"');
    expect(html).toContain('href="mailto:a@b.example"');
  });

  it("never loads images: their alt text links to them", () => {
    const html = render("![a cat](https://tracker.example/pixel.png) ![x](javascript:alert(1))");
    expect(html).not.toContain("<img");
    expect(html).toContain('href="https://tracker.example/pixel.png"');
    expect(html).toContain("a cat");
    expect(html).not.toContain("javascript");
  });

  it("renders GFM tables and task lists, and shifts headings below the page's h1", () => {
    const html = render("# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo");
    expect(html).toContain("<h2");
    expect(html).not.toContain("<h1");
    expect(html).toContain("<table");
    expect(html).toMatch(/type="checkbox"[^>]*checked/);
    expect(render("# Title", 0)).toContain("<h1");
  });
});

describe("safeUrl", () => {
  it("keeps http(s), mailto and fragments only", () => {
    expect(safeUrl("https://a.example/x", "href", {} as never)).toBe("https://a.example/x");
    expect(safeUrl("http://a.example", "href", {} as never)).toBe("http://a.example");
    expect(safeUrl("mailto:a@b.example", "href", {} as never)).toBe("mailto:a@b.example");
    expect(safeUrl("#notes", "href", {} as never)).toBe("#notes");
    expect(safeUrl("/relative", "href", {} as never)).toBe("");
    expect(safeUrl(" javascript:alert(1)", "href", {} as never)).toBe("");
    expect(safeUrl("\u0000javascript:alert(1)", "href", {} as never)).toBe("");
  });
});
