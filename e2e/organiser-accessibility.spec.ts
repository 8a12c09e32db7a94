import { createLetter } from "@/tests/support/factories";
import { createPendingSignatures } from "@/tests/support/moderation";
import { expect, test } from "./support/fixtures";
import { seriousAccessibilityViolations } from "./support/axe";
import { E2E_ADMIN_EMAIL, signInAs } from "./support/organiser-session";

// Organisers use screen readers and keyboards too. Every organiser page, in a draft and an open
// letter's state, light and dark, must have no serious or critical WCAG 2.1 AA violations.

for (const colorScheme of ["light", "dark"] as const) {
  test(`organiser pages have no serious accessibility violations (${colorScheme})`, async ({ page, db }) => {
    test.setTimeout(120_000); // 14 pages, each scanned by axe
    await page.emulateMedia({ colorScheme });
    await page.goto("/sign-in");
    expect(await seriousAccessibilityViolations(page), "/sign-in").toEqual([]);

    const draft = await createLetter(db, { status: "DRAFT" });
    const open = await createLetter(db, { status: "OPEN" });
    // A burst on the open letter, so its trending alert is checked too: on the dashboard and at
    // the top of the moderation page.
    await createPendingSignatures(db, open.id, 30, {
      from: new Date(Date.now() - 60_000),
      to: new Date(),
      sourceKey: "a11y-burst",
      domain: (i) => `n${i % 10}.test`,
    });
    const { userId } = await signInAs(page.context(), db, E2E_ADMIN_EMAIL);
    await db.letterOrganiser.createMany({
      data: [draft, open].map((letter) => ({ letterId: letter.id, userId, role: "OWNER" as const })),
      skipDuplicates: true,
    });

    const paths = [
      "/organise",
      "/organise/review",
      ...[draft, open].flatMap((letter) =>
        ["", "/status", "/team", "/signatures", "/delivery", "/activity"].map((suffix) => `/organise/letters/${letter.id}${suffix}`),
      ),
    ];
    for (const path of paths) {
      await page.goto(path);
      await expect(page.locator("h1"), path).toHaveCount(1);
      if (path === `/organise/letters/${open.id}/signatures`) await expect(page.getByTestId("burst-alerts")).toBeVisible();
      expect(await seriousAccessibilityViolations(page), path).toEqual([]);
    }
  });
}
