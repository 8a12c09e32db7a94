import { addConfirmedSignatures, createLetter } from "@/tests/support/factories";
import { waitForFoldedTotal } from "./support/counts";
import { expect, test } from "./support/fixtures";

// No public breakdown singles out a small group (MIN_PUBLIC_GROUP, 5 by default; see
// lib/privacy/small-groups.ts). A letter open to any domain, signed by 4 people at tiny.example
// (all anonymous) and 6 at big.example: every public surface shows big.example and "other
// domains", never tiny.example, and the tiny.example signers as "Anonymous · verified".

const TINY = "tiny.example";

test("a domain with fewer than MIN_PUBLIC_GROUP signers is named on no public surface", async ({ page, request, db }) => {
  const letter = await createLetter(db, { openToAnyDomain: true });
  const day = (n: number) => new Date(Date.now() - n * 86_400_000);
  await addConfirmedSignatures(db, letter.id, [
    ...Array.from({ length: 4 }, (_, i) => ({ domain: TINY, anonymous: true, name: `Tiny Signer ${i}`, confirmedAt: day(i) })),
    ...Array.from({ length: 6 }, (_, i) => ({ domain: "big.example", anonymous: i % 2 === 0, name: `Big Signer ${i}`, confirmedAt: day(i) })),
  ]);
  await waitForFoldedTotal(request, letter.slug, 10);

  // The page: totals by domain, the recent signers, the chart (10 signatures: shown).
  await page.goto(`/letters/${letter.slug}`);
  const totals = page.getByRole("list", { name: "Verified signatures by domain" });
  await expect(totals).toContainText("6 verified @big.example");
  await expect(totals).toContainText("4 at other domains");
  await expect(page.locator("body")).not.toContainText(TINY);
  await expect(page.locator(".signers .signer").filter({ hasText: /^Anonymous · verified$/ })).toHaveCount(4);
  await expect(page.getByRole("img", { name: /10 signatures confirmed between/ })).toBeVisible();

  // Every signature, page by page, as HTML and as JSON.
  const everySignature = await request.get(`/letters/${letter.slug}/signatures`);
  expect(await everySignature.text()).not.toContain(TINY);
  const signatures = (await (await request.get(`/api/v1/letters/${letter.slug}/signatures?limit=100`)).json()) as {
    signatures: { name: string | null; domain: string | null }[];
  };
  expect(signatures.signatures.filter((signature) => signature.domain === null)).toHaveLength(4);
  expect(signatures.signatures.filter((signature) => signature.domain === "big.example")).toHaveLength(6);

  // The letter and its count, as the API gives them; the badge and the preview image show totals only.
  const detail = (await (await request.get(`/api/v1/letters/${letter.slug}`)).json()) as { byDomain: unknown; otherDomains: number };
  expect(detail.byDomain).toEqual([{ domain: "big.example", total: 6 }]);
  expect(detail.otherDomains).toBe(4);
  const count = (await (await request.get(`/api/v1/letters/${letter.slug}/count`)).json()) as { byDomain: unknown; otherDomains: number };
  expect(count).toMatchObject({ total: 10, byDomain: { "big.example": 6 }, otherDomains: 4 });
  for (const path of [
    `/api/v1/letters/${letter.slug}`,
    `/api/v1/letters/${letter.slug}/count`,
    `/letters/${letter.slug}/badge.svg`,
    `/letters/${letter.slug}/feed.xml`,
  ]) {
    expect(await (await request.get(path)).text(), path).not.toContain(TINY);
  }
});

test("a letter with fewer than MIN_PUBLIC_GROUP signatures shows no day-by-day chart, and says why", async ({ page, request, db }) => {
  const letter = await createLetter(db, { openToAnyDomain: true });
  await addConfirmedSignatures(db, letter.id, [
    { domain: "a.example", confirmedAt: new Date(Date.now() - 86_400_000) },
    { domain: "b.example", anonymous: true },
  ]);
  await waitForFoldedTotal(request, letter.slug, 2);
  await page.goto(`/letters/${letter.slug}`);
  const chart = page.getByRole("region", { name: "Signatures per day" });
  await expect(chart).toContainText("Shown once 5 people have signed");
  await expect(chart.getByRole("img")).toHaveCount(0);
  // Neither domain has 5: no totals by domain, and the anonymous signer without a domain.
  await expect(page.getByRole("list", { name: "Verified signatures by domain" })).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText("b.example");
  const detail = (await (await request.get(`/api/v1/letters/${letter.slug}`)).json()) as { daily: unknown[]; byDomain: unknown[]; otherDomains: number };
  expect(detail).toMatchObject({ daily: [], byDomain: [], otherDomains: 2 });
});
