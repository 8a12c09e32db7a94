import Link from "next/link";

export default function NotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p>
        There is no published letter at this address. <Link href="/">See the open letters</Link>.
      </p>
    </>
  );
}
