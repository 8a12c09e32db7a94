import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DemandList } from "@/app/_components/demand-list";
import { formatCount, formatDate } from "@/lib/wording/format";
import { MarkdownBody } from "@/app/_components/markdown";
import { countOf, NOUNS } from "@/lib/wording/plural";
import { getEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { getDeliverySheet } from "@/lib/moderation/get-delivery-sheet";
import { requireOrganiserPage } from "@/lib/adapters/organiser-page";
import { LetterNav } from "../letter-nav";
import { ExportCsvButton } from "../export-csv-button";
import { PrintButton } from "./print-button";
import { TableHead } from "../table-head";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Delivery" };

type Props = { params: Promise<{ id: string }> };

/**
 * The letter as it is handed over: printable to PDF from the browser (organiser.css has the
 * print rules). Anonymous signers appear only as counts per domain; named signers inline up to
 * DELIVERY_INLINE_NAMES (get-delivery-sheet.ts says why), the rest in the CSV.
 */
export default async function DeliveryPage({ params }: Props) {
  const { id } = await params;
  const { letter, role } = await requireOrganiserPage(id, "EDITOR", `/organise/letters/${id}/delivery`);
  const sheet = await getDeliverySheet(getDb(), letter.id, { minPublicGroup: getEnv().MIN_PUBLIC_GROUP });
  if (!sheet) notFound();
  const { signers } = sheet;

  return (
    <>
      <div className="no-print">
        <LetterNav letter={letter} current="/delivery" role={role} />
        <div className="organiser-toolbar">
          <PrintButton />
          <ExportCsvButton letterId={letter.id} label="Download CSV" />
        </div>
      </div>

      <article className="delivery">
        <header>
          <h1>{sheet.letter.title}</h1>
          <p className="addressee">To {sheet.letter.addressee}</p>
          <p className="muted">
            {formatDate(new Date())}
            {sheet.letter.publishedAt ? ` · published ${formatDate(sheet.letter.publishedAt)}` : ""}
          </p>
        </header>

        <MarkdownBody source={sheet.letter.bodyMarkdown} />

        {sheet.demands.length > 0 ? (
          <section aria-labelledby="delivery-demands">
            <h2 id="delivery-demands">Our demands</h2>
            <DemandList demands={sheet.demands} />
          </section>
        ) : null}

        <section aria-labelledby="delivery-totals" className="delivery-totals">
          <h2 id="delivery-totals">Signed by {countOf(signers.total, NOUNS.verifiedSigner)}</h2>
          <p className="muted">Every signer confirmed the letter from a work inbox at the domain shown.</p>
          {signers.totalsByDomain.length > 0 ? (
            <table>
              <TableHead columns={["Domain", "Verified signers"]} />
              <tbody>
                {signers.totalsByDomain.map((row) => (
                  <tr key={row.domain}>
                    <td>@{row.domain}</td>
                    <td>{formatCount(row.count)}</td>
                  </tr>
                ))}
                {signers.otherDomains > 0 ? (
                  <tr>
                    <td>Other domains</td>
                    <td>{formatCount(signers.otherDomains)}</td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          ) : null}
        </section>

        <section aria-labelledby="delivery-signers" className="delivery-signers">
          <h2 id="delivery-signers">Signers</h2>
          {signers.named > signers.firstNamed.length ? (
            <div className="muted no-print">
              The first {formatCount(signers.firstNamed.length)} of {formatCount(signers.named)} named signers are listed here, in the order they signed, so the
              page stays printable. <ExportCsvButton letterId={letter.id} label="Download the full list (CSV)" />
            </div>
          ) : null}
          <ul className="delivery-signer-list">
            {signers.firstNamed.map((signer) => {
              const role = [signer.jobTitle, signer.team].filter(Boolean).join(", ");
              return (
                <li key={signer.id}>
                  <strong>{signer.name}</strong>
                  {role ? `, ${role}` : ""} <span className="muted">@{signer.domain}</span>
                </li>
              );
            })}
            {signers.named > signers.firstNamed.length ? (
              <li className="delivery-more-names">
                and {countOf(signers.named - signers.firstNamed.length, NOUNS.moreNamedSigner)}, listed in full in the CSV
              </li>
            ) : null}
            {signers.anonymousByDomain.map((row) => (
              <li key={`anonymous-${row.domain}`}>
                {countOf(row.count, NOUNS.anonymousVerifiedSigner)} at @{row.domain}
              </li>
            ))}
            {signers.anonymousElsewhere.count > 0 ? <li>{countOf(signers.anonymousElsewhere.count, NOUNS.anonymousVerifiedSigner)} at other domains</li> : null}
          </ul>
        </section>
      </article>
    </>
  );
}
