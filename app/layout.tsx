import type { Metadata, Viewport } from "next";
import Link from "next/link";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Undersigned — open letters with verified signatures", template: "%s · Undersigned" },
  description:
    "Employees write open letters to their leadership. Undersigned verifies that every signer holds an address at the company, and never tells the company who signed.",
  // Files in public/ (rendered from public/icon.svg by scripts/render-icons.ts).
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "32x32" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
  manifest: "/manifest.webmanifest",
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfaf7" },
    { media: "(prefers-color-scheme: dark)", color: "#16171a" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {/* No prefetching on public links: a reader who opened a letter on a phone would pay, in
            data and main-thread time while the page becomes usable, for pages they rarely visit
            next (measured by `npm run bench:pages`). A click still navigates within the app. */}
        <header className="site-header">
          <Link href="/" className="brand" prefetch={false}>
            Undersigned
          </Link>
          <span className="tagline">Open letters, verified signatures</span>
          <Link href="/organise" className="header-link" prefetch={false}>
            Organise a letter
          </Link>
        </header>
        <main id="main" className="page">
          {children}
        </main>
        <footer className="site-footer">
          <p>Signatures are verified through work email. We keep no signer&apos;s address, and no employer learns from us who signed.</p>
        </footer>
      </body>
    </html>
  );
}
