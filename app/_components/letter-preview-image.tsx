import { drawableInPreview } from "./preview-image-text";
import { formatCount } from "@/lib/wording/format";
import { nounFor, NOUNS } from "@/lib/wording/plural";

type Props = { title: string; addressee: string; open: boolean; total: number; goal: number | null };

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/**
 * The link preview social sites show (1200 × 630): title, addressee and the verified total. Its
 * text is drawn with next/og's bundled font only (see drawableInPreview), so nothing is fetched.
 * Each line of text is one string: next/og lays out every JSX text child as its own box, so
 * "To {name}" would be two boxes with the space between them lost or doubled.
 */
export function LetterPreviewImage({ title, addressee, open, total, goal }: Props) {
  const percent = goal ? Math.min(100, Math.round((total / goal) * 100)) : null;
  const drawableAddressee = drawableInPreview(addressee);
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: 64,
        background: "#fbfaf7",
        color: "#1c1d21",
      }}
    >
      <div style={{ display: "flex", flexDirection: "column" }}>
        <div style={{ fontSize: 28, color: "#5d6069", display: "flex" }}>{`Open letter · ${open ? "open for signatures" : "closed"}`}</div>
        <div style={{ fontSize: 60, fontWeight: 700, lineHeight: 1.15, marginTop: 24, display: "flex" }}>
          {clip(drawableInPreview(title) || "An open letter", 110)}
        </div>
        {drawableAddressee ? <div style={{ fontSize: 32, color: "#5d6069", marginTop: 24, display: "flex" }}>{`To ${clip(drawableAddressee, 80)}`}</div> : null}
      </div>
      <div style={{ display: "flex", flexDirection: "column" }}>
        <div style={{ display: "flex", alignItems: "baseline" }}>
          <span style={{ fontSize: 84, fontWeight: 700, color: "#1f5fbf" }}>{formatCount(total)}</span>
          <span style={{ fontSize: 36, marginLeft: 20 }}>{`${nounFor(total, NOUNS.verifiedSignature)}${goal ? ` of ${formatCount(goal)}` : ""}`}</span>
        </div>
        {percent !== null ? (
          <div style={{ display: "flex", height: 16, marginTop: 16, background: "#e3e1da", borderRadius: 8 }}>
            <div style={{ width: `${percent}%`, background: "#1f5fbf", borderRadius: 8 }} />
          </div>
        ) : null}
        <div style={{ fontSize: 24, color: "#5d6069", marginTop: 20, display: "flex" }}>Undersigned — every signature verified through a work email</div>
      </div>
    </div>
  );
}
