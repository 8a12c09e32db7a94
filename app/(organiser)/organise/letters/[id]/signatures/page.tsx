import type { Metadata } from "next";
import Link from "next/link";
import { hasRole } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { countSignatures } from "@/lib/moderation/count-signatures";
import { detectSignatureBursts } from "@/lib/moderation/detect-signature-bursts";
import { listBusySources } from "@/lib/moderation/list-busy-sources";
import { listSignaturesForOrganisers, ZSignatureSearch } from "@/lib/moderation/list-signatures-for-organisers";
import { previewBulkInvalidation } from "@/lib/moderation/preview-bulk-invalidation";
import { ZSignatureFilter } from "@/lib/moderation/signature-filter";
import { requireOrganiserPage } from "@/lib/adapters/organiser-page";
import { ExportCsvButton } from "../export-csv-button";
import { LetterNav } from "../letter-nav";
import { BulkInvalidationPanel } from "./bulk-invalidation-panel";
import { BurstAlerts } from "./burst-alerts";
import { SignatureCounts } from "./signature-counts";
import { SignatureTable } from "./signature-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Signatures" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

export default async function SignaturesPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const { letter, role } = await requireOrganiserPage(id, "EDITOR", `/organise/letters/${id}/signatures`);
  const db = getDb();
  const search = ZSignatureSearch.parse({ q: one(query.q) || undefined, after: one(query.after) || undefined });

  const raw = { domain: one(query.domain), from: one(query.from), to: one(query.to), source: one(query.source) };
  const wantsPreview = Object.values(raw).some((value) => value.trim() !== "");
  const parsed = wantsPreview ? ZSignatureFilter.safeParse(raw) : null;

  const now = new Date();
  const [counts, page, sources, bursts, preview] = await Promise.all([
    countSignatures(db, letter.id),
    listSignaturesForOrganisers(db, letter.id, search),
    listBusySources(db, letter.id, now),
    detectSignatureBursts(db, [letter.id], now),
    parsed?.success ? previewBulkInvalidation(db, letter.id, parsed.data) : null,
  ]);
  const bulk = parsed
    ? parsed.success && preview
      ? { filter: parsed.data, preview }
      : { error: parsed.error?.issues.map((issue) => issue.message).join(" ") ?? "Check the filter." }
    : null;
  const here = `/organise/letters/${letter.id}/signatures`;

  return (
    <>
      <LetterNav letter={letter} current="/signatures" role={role} />
      <h1>Signatures</h1>
      <BurstAlerts bursts={bursts} signaturesPath={here} now={now} />
      <div className="organiser-toolbar">
        <ExportCsvButton letterId={letter.id} label="Download CSV for delivery" />
      </div>

      <SignatureCounts counts={counts} sources={sources} signaturesPath={here} />

      <section aria-labelledby="list-heading">
        <h2 id="list-heading">Recent signatures</h2>
        <form method="get" action={here} role="search" className="organiser-toolbar">
          <label htmlFor="signature-search">Search public names</label>
          <input id="signature-search" name="q" type="search" defaultValue={search.q ?? ""} maxLength={120} />
          <button type="submit" className="button-secondary">
            Search
          </button>
        </form>
        <p className="muted">Anonymous signers are never named here, and a search never finds them by name.</p>
        <SignatureTable letterId={letter.id} signatures={page.signatures} />
        <p className="organiser-toolbar">
          {search.after ? <Link href={`${here}${search.q ? `?${new URLSearchParams({ q: search.q })}` : ""}`}>Newest</Link> : null}
          {page.nextCursor ? (
            <Link href={`${here}?${new URLSearchParams({ ...(search.q ? { q: search.q } : {}), after: page.nextCursor })}`}>Older signatures</Link>
          ) : null}
        </p>
      </section>

      <BulkInvalidationPanel letterId={letter.id} raw={raw} result={bulk} mayRun={hasRole(role, "OWNER")} />
    </>
  );
}
