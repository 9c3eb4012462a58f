import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { currentShopper } from "@/lib/shop/shopper";
import { CartCountProvider } from "./_components/cart/cart-count";
import { SiteFooter } from "./_components/site-footer";
import { SiteHeader } from "./_components/site-header";
import "./globals.css";

// Catalog pages render per request and read through lib/cache; nothing is baked into the build (docs/architecture.md).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Brisk", template: "%s · Brisk" },
  description: "Well-made everyday things, delivered briskly.",
};

export const viewport: Viewport = { themeColor: "#17603f" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { account, cartCount } = await currentShopper();
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2"
        >
          Skip to content
        </a>
        <CartCountProvider initialCount={cartCount}>
          <SiteHeader account={account} />
          <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
            {children}
          </main>
          <SiteFooter />
        </CartCountProvider>
      </body>
    </html>
  );
}
