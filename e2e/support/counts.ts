import type { APIRequestContext } from "@playwright/test";
import { expect } from "@playwright/test";

/**
 * Waits until the app's aggregator has folded a letter's new signatures, so that a page loaded
 * next renders them everywhere (totals by domain, chart), not only in the live total.
 */
export async function waitForFoldedTotal(request: APIRequestContext, slug: string, total: number): Promise<void> {
  await expect
    .poll(async () => ((await (await request.get(`/api/v1/letters/${slug}/count`)).json()) as { total: number }).total, {
      message: `the folded total of ${slug}`,
      timeout: 10_000,
    })
    .toBe(total);
}
