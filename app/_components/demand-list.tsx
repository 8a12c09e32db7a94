import type { DemandStatus } from "@/lib/db/generated/enums";

const LABELS: Record<DemandStatus, string> = {
  OPEN: "Open",
  PARTLY_MET: "Partly met",
  MET: "Met",
  REFUSED: "Refused",
};

type Demand = { id: string; text: string; status: DemandStatus };

export function DemandList({ demands }: { demands: Demand[] }) {
  return (
    <ol className="demands">
      {demands.map((demand) => (
        <li key={demand.id} className="demand">
          <span className="demand-text">{demand.text}</span>
          <span className={`demand-status demand-${demand.status.toLowerCase()}`}>
            <span className="visually-hidden">Status: </span>
            {LABELS[demand.status]}
          </span>
        </li>
      ))}
    </ol>
  );
}
