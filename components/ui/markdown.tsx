import { ExternalLinkIcon, ImageIcon } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import ReactMarkdown, { type Components, type UrlTransform } from "react-markdown";
import remarkGfm from "remark-gfm";
import { cn } from "@/lib/utils/cn";

const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/**
 * Keeps absolute http(s) and mailto URLs and in-document fragments ("#notes"); anything else
 * (javascript:, data:, vbscript:, relative paths) becomes "" and renders as plain text. The
 * WHATWG parser strips the tabs and newlines people hide inside "java\tscript:".
 */
export const safeUrl: UrlTransform = (url) => {
  const trimmed = url.trim();
  if (/^#[\w-]*$/.test(trimmed)) return trimmed;
  try {
    return SAFE_PROTOCOLS.has(new URL(trimmed).protocol) ? trimmed : "";
  } catch {
    return "";
  }
};

type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;
const headingClasses: Record<HeadingLevel, string> = {
  1: "mt-8 mb-3 font-semibold text-2xl tracking-tight first:mt-0",
  2: "mt-8 mb-3 border-b pb-1.5 font-semibold text-xl tracking-tight first:mt-0",
  3: "mt-6 mb-2 font-semibold text-lg first:mt-0",
  4: "mt-5 mb-2 font-semibold text-base first:mt-0",
  5: "mt-4 mb-1.5 font-semibold text-sm first:mt-0",
  6: "mt-4 mb-1.5 font-semibold text-muted-foreground text-sm first:mt-0",
};

type HeadingProps = ComponentProps<"h1"> & { node?: unknown; level: number };

function MarkdownHeading({ node: _node, level, className, ...props }: HeadingProps) {
  const shifted = Math.min(6, Math.max(1, level)) as HeadingLevel;
  const Tag = `h${shifted}` as const;
  return <Tag className={cn(headingClasses[shifted], "scroll-mt-20", className)} {...props} />;
}

function components(headingOffset: number): Components {
  return {
    h1: (props) => <MarkdownHeading level={1 + headingOffset} {...props} />,
    h2: (props) => <MarkdownHeading level={2 + headingOffset} {...props} />,
    h3: (props) => <MarkdownHeading level={3 + headingOffset} {...props} />,
    h4: (props) => <MarkdownHeading level={4 + headingOffset} {...props} />,
    h5: (props) => <MarkdownHeading level={5 + headingOffset} {...props} />,
    h6: (props) => <MarkdownHeading level={6 + headingOffset} {...props} />,
    p: ({ node: _node, ...props }) => <p className="my-3 leading-relaxed first:mt-0 last:mb-0" {...props} />,
    a: ({ node: _node, href, children, className, ...props }) => {
      if (!href) return <span className="text-foreground">{children}</span>;
      if (href.startsWith("#")) {
        return (
          <a href={href} className={cn("font-medium text-primary underline underline-offset-4", className)} {...props}>
            {children}
          </a>
        );
      }
      return (
        <a
          {...props}
          href={href}
          target="_blank"
          rel="noopener noreferrer nofollow"
          className="font-medium text-primary underline decoration-primary/40 underline-offset-4 transition-colors hover:decoration-primary"
        >
          {children}
        </a>
      );
    },
    // Images are never fetched from wherever the author pointed: their alt text links to them instead.
    img: ({ src, alt }) => {
      const label = alt?.trim() || "image";
      const href = typeof src === "string" ? src : "";
      const content = (
        <>
          <ImageIcon className="size-3.5 shrink-0" aria-hidden="true" />
          <span>{label}</span>
        </>
      );
      const classes =
        "inline-flex items-center gap-1 rounded-md border bg-muted/60 px-1.5 py-0.5 align-baseline text-muted-foreground text-sm";
      return href ? (
        <a
          href={href}
          target="_blank"
          rel="noopener noreferrer nofollow"
          className={cn(classes, "transition-colors hover:text-foreground")}
          title="Image (opens in a new tab)"
        >
          {content}
          <ExternalLinkIcon className="size-3 shrink-0" aria-hidden="true" />
        </a>
      ) : (
        <span className={classes}>{content}</span>
      );
    },
    ul: ({ node: _node, className, ...props }) => (
      <ul className={cn("my-3 list-disc space-y-1 pl-6 marker:text-muted-foreground", className)} {...props} />
    ),
    ol: ({ node: _node, className, ...props }) => (
      <ol className={cn("my-3 list-decimal space-y-1 pl-6 marker:text-muted-foreground", className)} {...props} />
    ),
    li: ({ node: _node, className, ...props }) => (
      <li
        className={cn(
          "pl-1 leading-relaxed [&.task-list-item]:-ml-5 [&.task-list-item]:list-none [&>ol]:my-1 [&>ul]:my-1",
          className,
        )}
        {...props}
      />
    ),
    input: ({ node: _node, type, checked }) =>
      type === "checkbox" ? (
        <input
          type="checkbox"
          checked={checked ?? false}
          readOnly
          disabled
          aria-label={checked ? "Done" : "Not done"}
          className="mr-2 size-3.5 translate-y-0.5 accent-primary"
        />
      ) : null,
    blockquote: ({ node: _node, ...props }) => (
      <blockquote className="my-4 border-primary/40 border-l-4 pl-4 text-muted-foreground italic" {...props} />
    ),
    hr: () => <hr className="my-6 border-border" />,
    pre: ({ node: _node, ...props }) => (
      <pre
        className="my-4 overflow-x-auto rounded-lg border bg-muted/60 p-4 font-mono text-[13px] leading-relaxed [&>code]:rounded-none [&>code]:bg-transparent [&>code]:p-0 [&>code]:text-[13px]"
        {...props}
      />
    ),
    code: ({ node: _node, className, ...props }) => (
      <code
        className={cn("rounded-md bg-muted px-1.5 py-0.5 font-mono text-[0.85em] text-foreground", className)}
        {...props}
      />
    ),
    table: ({ node: _node, ...props }) => (
      <div className="my-4 w-full overflow-x-auto rounded-lg border">
        <table className="w-full border-collapse text-sm" {...props} />
      </div>
    ),
    thead: ({ node: _node, ...props }) => <thead className="bg-muted/50" {...props} />,
    tr: ({ node: _node, ...props }) => <tr className="border-b last:border-0" {...props} />,
    th: ({ node: _node, style, ...props }) => (
      <th className="px-3 py-2 text-left font-medium" style={style} {...props} />
    ),
    td: ({ node: _node, style, ...props }) => <td className="px-3 py-2 align-top" style={style} {...props} />,
    strong: ({ node: _node, ...props }) => <strong className="font-semibold" {...props} />,
    del: ({ node: _node, ...props }) => <del className="text-muted-foreground" {...props} />,
  };
}

const componentsByOffset = new Map<number, Components>();

type MarkdownProps = {
  /** Markdown written by users (GFM: tables, task lists, strikethrough, autolinks). */
  children: string;
  /**
   * Levels added to every heading, so a user's "# Title" does not compete with the page's h1:
   * 1 by default ("#" renders an h2), 0 to keep levels as written.
   */
  headingOffset?: number;
  className?: string;
};

/**
 * Renders untrusted markdown safely: raw HTML is dropped, only http(s)/mailto links survive and
 * open in a new tab without referrer or follow, and images are shown as links, never loaded.
 */
export function Markdown({ children, headingOffset = 1, className }: MarkdownProps): ReactNode {
  let mapped = componentsByOffset.get(headingOffset);
  if (!mapped) {
    mapped = components(headingOffset);
    componentsByOffset.set(headingOffset, mapped);
  }
  return (
    <div data-slot="markdown" className={cn("min-w-0 break-words text-sm", className)}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml urlTransform={safeUrl} components={mapped}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
