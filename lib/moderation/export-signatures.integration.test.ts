import { beforeEach, describe, expect, it } from "vitest";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";
import { createActor, createSignatureRow, perform } from "@/tests/support/moderation";
import { exportSignatures } from "./export-signatures";
import { listDeliverySigners } from "./list-delivery-signers";

const db = connectTestDb();

async function letterWithSigners() {
  const letter = await createLetter(db, { slug: "pay-equity", domains: ["example.com", "other.org"] });
  const confirmedAt = new Date("2026-11-02T09:15:42Z");
  await createSignatureRow(db, letter.id, { name: '=HYPERLINK("http://x")', jobTitle: "Engineer", team: "Platform", confirmedAt });
  await createSignatureRow(db, letter.id, { name: "Grace Public", domain: "other.org", confirmedAt: new Date("2026-11-03T10:00:00Z") });
  await createSignatureRow(db, letter.id, { name: "Secret Sam", showName: false, jobTitle: "Director of Secrets", confirmedAt });
  await createSignatureRow(db, letter.id, { name: "Hidden Hana", nameHidden: true, domain: "other.org", team: "Hana's team", confirmedAt });
  await createSignatureRow(db, letter.id, { name: "Anon Ana", showName: false, domain: "other.org", confirmedAt });
  await createSignatureRow(db, letter.id, { name: "Pending Pete", state: "PENDING" });
  await createSignatureRow(db, letter.id, { name: "Withdrawn Wes", state: "WITHDRAWN" });
  await createSignatureRow(db, letter.id, { name: "Invalid Ivy", state: "INVALIDATED" });
  return letter;
}

describe("exporting signatures for delivery", () => {
  beforeEach(() => resetDatabase(db));

  it("lists confirmed public signers, counts the others by domain, and names no one else", async () => {
    const letter = await letterWithSigners();
    const editor = await createActor(db, letter.id, "EDITOR");
    const now = new Date("2026-11-29T08:00:00Z");

    const result = await perform(db, editor, exportSignatures, letter.id, {}, now);
    // As the bytes arrive: Response.text() would drop the byte order mark.
    const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(result.stream).arrayBuffer());

    expect(result.filename).toBe("pay-equity-signatures-2026-11-29.csv");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual([
      '"Name","Job title","Team","Domain","Confirmed","Verified by"',
      `"'=HYPERLINK(""http://x"")","Engineer","Platform","example.com","2026-11-02 09:15 UTC","work email"`,
      '"Grace Public","","","other.org","2026-11-03 10:00 UTC","work email"',
      "",
      '"Domain","Anonymous verified signers","Of which verified by organisers"',
      '"other.org","2","0"',
      '"example.com","1","0"',
      "",
    ]);
    const bytes = Buffer.from(csv, "utf8");
    for (const secret of ["Secret Sam", "Director of Secrets", "Hidden Hana", "Hana's team", "Anon Ana", "Pending Pete", "Withdrawn Wes", "Invalid Ivy"]) {
      expect(bytes.includes(Buffer.from(secret, "utf8")), secret).toBe(false);
    }
    expect(result).toMatchObject({ named: 2, anonymous: 3 });
  });

  it("records who exported and how much, and a stranger's attempt records nothing", async () => {
    const letter = await letterWithSigners();
    const editor = await createActor(db, letter.id, "EDITOR");
    const stranger = await createActor(db);
    await expect(perform(db, stranger, exportSignatures, letter.id, {})).rejects.toMatchObject({ code: "LETTER_NOT_FOUND" });
    await expect(perform(db, null, exportSignatures, letter.id, {})).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await db.letterActivity.count()).toBe(0);

    await (await perform(db, editor, exportSignatures, letter.id, {})).stream.cancel();
    expect(await db.letterActivity.findMany({ where: { letterId: letter.id } })).toEqual([
      expect.objectContaining({ action: "signatures.exported", actorId: editor.userId, detail: { named: 2, anonymous: 3 } }),
    ]);
  });

  it("gives the delivery page the exact verified total and the totals by domain", async () => {
    const letter = await letterWithSigners();
    const signers = await listDeliverySigners(db, letter.id, { namedLimit: 1, minPublicGroup: 1 });
    expect(signers.total).toBe(5);
    expect(signers.totalsByDomain).toEqual([
      { domain: "other.org", count: 3 },
      { domain: "example.com", count: 2 },
    ]);
    // The page names the first signers only (DELIVERY_INLINE_NAMES); the CSV has them all.
    expect(signers.firstNamed.map((signer) => signer.name)).toEqual(['=HYPERLINK("http://x")']);
    expect(signers).toMatchObject({ named: 2, anonymous: 3 });
    expect(signers.anonymousByDomain).toEqual([
      { domain: "other.org", count: 2, byOrganisers: 0 },
      { domain: "example.com", count: 1, byOrganisers: 0 },
    ]);
  });
});
