import { expect, type Page } from "@playwright/test";

/** Nothing on the page is wider than the window (no sideways scrolling). */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  // Once the page has settled (its data loaded), nothing may stick out.
  await expect
    .poll(
      () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      { message: "the page scrolls sideways by this many pixels" },
    )
    .toBeLessThanOrEqual(0);
}
