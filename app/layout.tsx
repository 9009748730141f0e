import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { ThemeProvider } from "@/components/layout/theme-provider";
import { Toaster } from "@/components/ui/sonner";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "ModelFactory · Payable AI", template: "%s · ModelFactory" },
  description:
    "Curate community datasets, fine-tune models on them without code, serve them with OpenLoRA, and pay contributors in OPEN through Proof of Attribution.",
  applicationName: "ModelFactory",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8fafc" },
    { media: "(prefers-color-scheme: dark)", color: "#11141c" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // next-themes sets the theme class on <html> before hydration, which React would otherwise flag.
    <html lang="en" suppressHydrationWarning>
      <body>
        <ThemeProvider>
          <Providers>
            {/* Own full-height column: Providers may wrap children in elements of their own. */}
            <div className="flex min-h-dvh flex-col">
              <a
                href="#main"
                className="sr-only rounded-md bg-primary px-3 py-2 font-medium text-primary-foreground text-sm focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50"
              >
                Skip to content
              </a>
              <SiteHeader />
              <main id="main" tabIndex={-1} className="flex flex-1 flex-col outline-none">
                {children}
              </main>
              <SiteFooter />
            </div>
            <Toaster richColors closeButton />
          </Providers>
        </ThemeProvider>
      </body>
    </html>
  );
}
