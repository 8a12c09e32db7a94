/**
 * Downloads the delivery CSV. A POST, not a link: exporting is recorded in the letter's activity
 * log, and a state change must not happen on a GET that another site can trigger.
 */
export function ExportCsvButton({ letterId, label }: { letterId: string; label: string }) {
  return (
    <form method="post" action={`/organise/letters/${letterId}/export.csv`}>
      <button type="submit" className="button-secondary">
        {label}
      </button>
    </form>
  );
}
