import { exportSignatures } from "@/lib/moderation/export-signatures";
import { runLetterRoute } from "@/lib/adapters/organiser-route";

export const dynamic = "force-dynamic";

/**
 * The delivery CSV (see lib/moderation/export-signatures.ts for its two sections). A POST
 * (export-csv-button.tsx), because exporting is recorded in the activity log.
 */
export async function POST(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return runLetterRoute(
    exportSignatures,
    id,
    {},
    ({ stream, filename }) =>
      // Streamed: rows are read from the database as the download proceeds (export-signatures.ts).
      new Response(stream, {
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          // The slug is [a-z0-9-] (ZSlug), so the name needs no quoting beyond the quotes.
          "Content-Disposition": `attachment; filename="${filename}"`,
          "X-Content-Type-Options": "nosniff",
        },
      }),
  );
}
