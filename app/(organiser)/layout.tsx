import "./organiser.css";

export default function OrganiserLayout({ children }: { children: React.ReactNode }) {
  return <div className="organiser">{children}</div>;
}
