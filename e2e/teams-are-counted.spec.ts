import { randomBytes } from "node:crypto";
import { addConfirmedSignatures, createLetter } from "@/tests/support/factories";
import { waitForFoldedTotal } from "./support/counts";
import { expect, test } from "./support/fixtures";
import { confirmLinkIn, waitForEmailTo } from "./support/mailbox";
import { organiserAddress, signInAs } from "./support/organiser-session";

// Per-team verified counts (issue 13 §4): the organiser gives the letter a list of teams, a
// signer picks hers from it, and the page and the API show the verified total of each team
// large enough to name (MIN_PUBLIC_GROUP, 5), the rest as "other teams". An anonymous signer's
// team counts, and is never shown beside her.

test("an organiser lists the teams; signers pick theirs; the page and the API count them without singling anyone out", async ({ browser, db, page }) => {
  test.setTimeout(90_000); // the draft editor is the heaviest page to hydrate
  const domain = `teams-${randomBytes(3).toString("hex")}.example`;
  const letter = await createLetter(db, { status: "DRAFT", publishedAt: null, domains: [domain] });
  const context = await browser.newContext();
  const { userId } = await signInAs(context, db, organiserAddress("teams"));
  await db.letterOrganiser.create({ data: { letterId: letter.id, userId, role: "OWNER" } });
  const organiser = await context.newPage();

  await organiser.goto(`/organise/letters/${letter.id}`);
  await organiser.getByLabel("Ask signers for their team").check();
  const teams = organiser.getByLabel("Teams to choose from (optional)");
  // A team listed twice, however it is spelt, is refused and nothing typed is lost.
  await teams.fill("Azure Core\nBing\n\nazure  core");
  await organiser.getByRole("button", { name: "Save draft" }).click();
  await expect(organiser.locator("#error-teams")).toContainText('"azure core" is listed twice');
  await expect(teams).toHaveValue("Azure Core\nBing\n\nazure  core");
  await teams.fill("Azure Core\nBing\nXbox");
  await organiser.getByRole("button", { name: "Save draft" }).click();
  await expect(organiser.getByRole("status").filter({ hasText: "Draft saved." })).toBeVisible();
  await organiser.reload();
  await expect(organiser.getByLabel("Teams to choose from (optional)")).toHaveValue("Azure Core\nBing\nXbox");
  await organiser.getByRole("button", { name: "Publish letter" }).click();
  await expect(organiser.getByText("Open for signatures")).toBeVisible();
  await context.close();

  // Five colleagues at Azure Core already; four at Bing; one at Xbox.
  await addConfirmedSignatures(db, letter.id, [
    ...Array.from({ length: 5 }, (_, i) => ({ domain, team: "Azure Core", name: `Azure Signer ${i}` })),
    ...Array.from({ length: 4 }, (_, i) => ({ domain, team: "Bing", name: `Bing Signer ${i}` })),
    { domain, team: "Xbox", name: "Xbox Signer" },
  ]);

  // Noor signs anonymously, from Bing: the fifth at Bing.
  const email = `noor@${domain}`;
  await page.goto(`/letters/${letter.slug}`);
  await page.getByLabel("Full name").fill("Noor Bing");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel(/Sign anonymously/).check();
  const team = page.getByLabel("Team (optional)");
  await expect(team.locator("option")).toHaveText(["Prefer not to say", "Azure Core", "Bing", "Xbox"]);
  await team.selectOption("Bing");
  await page.getByRole("button", { name: "Sign this letter" }).click();
  await expect(page.getByRole("status")).toContainText("Check your inbox");
  await page.goto(confirmLinkIn(await waitForEmailTo(email)));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("status")).toContainText("Your signature is confirmed");
  await waitForFoldedTotal(page.request, letter.slug, 11);

  // Bing has 4 named and Noor: 5, so it is named; Xbox's one signer is "other teams", and on a
  // list of teams "other teams: 1" alone would name Xbox's count, so the smallest shown team
  // joins it. Azure Core and Bing both have 5: Bing (later in the order) joins "other teams".
  await expect(async () => {
    await page.goto(`/letters/${letter.slug}`);
    // Until the page's cache (5 s) has seen Noor, Bing has 4: then "5 in other teams".
    await expect(page.getByRole("list", { name: "Verified signatures by team" })).toHaveText(/By team:\s*5 Azure Core\s*6 in other teams/, { timeout: 500 });
  }).toPass({ timeout: 15_000, intervals: [200] });
  await expect(page.getByRole("list", { name: "Verified signatures by team" })).not.toContainText(/Bing|Xbox/);
  // Noor is listed as anonymous, without her team.
  const signers = page.getByRole("region", { name: "Recent signatures" });
  await expect(signers).not.toContainText("Noor");
  await expect(signers.locator(".signer").filter({ hasText: /^Anonymous · verified/ })).toHaveCount(1);
  await expect(signers.locator(".signer").filter({ hasText: /^Anonymous · verified/ })).not.toContainText("Bing");

  const detail = (await (await page.request.get(`/api/v1/letters/${letter.slug}`)).json()) as { byTeam: unknown; otherTeams: number };
  expect(detail).toMatchObject({ byTeam: [{ team: "Azure Core", total: 5 }], otherTeams: 6 });
  const listed = (await (await page.request.get(`/api/v1/letters/${letter.slug}/signatures?limit=100`)).json()) as {
    signatures: { name: string | null; team: string | null }[];
  };
  expect(listed.signatures.filter((signature) => signature.name === null)).toEqual([expect.objectContaining({ team: null })]);
});
