import { expect, type Locator, type Page, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { findAppUserByEmail } from "../db/queries/app-users";
import { loadUserCompletionRecords } from "../db/queries/completion-records";
import { integrations } from "../db/schema";
import { saveMapping } from "../lib/integrations/change-integration";
import { createIntegration } from "../lib/integrations/create-integration";
import { createIntegrationSchema } from "../lib/integrations/schemas";
import type { MappingEntry } from "../lib/mapping";
import { e2eDb } from "./support/db";
import { ADMIN, signIn, VIEWER } from "./support/login";

/** A fresh integration on the standard mapping, so no test touches the demo integration or another test's. */
async function newIntegration(name: string): Promise<string> {
  const input = createIntegrationSchema.parse({
    name: `E2E mapping: ${name}`,
    endpointUrl: "https://hr.example.com/lms",
    authType: "none",
  });
  return (await createIntegration(e2eDb().db, input, null)).id;
}

/** One of anne's completions with the given best combined result, read from the database. */
async function anneCompletion(bestCombined: 0 | 100): Promise<number> {
  const records = await loadUserCompletionRecords(e2eDb().db, "anne", 100);
  const found = records.find((r) => r.completion.bestCombined === bestCombined);
  if (!found) throw new Error(`anne has no completion with bestCombined ${bestCombined}`);
  return found.completionId;
}

/** Below 768 px the editor is three tabs: open one (nothing to do on a wider screen, where all three show). */
async function showTab(page: Page, name: "Fields" | "Keys" | "Preview"): Promise<void> {
  if ((page.viewportSize()?.width ?? 1400) >= 768) return;
  const tab = page.getByRole("tablist", { name: "Mapping editor" }).getByRole("tab", { name });
  await tab.click();
  await expect(tab).toHaveAttribute("aria-selected", "true");
}

async function openEditor(page: Page, id: string, completionId?: number): Promise<void> {
  await page.goto(`/integrations/${id}/mapping`);
  await showTab(page, "Preview");
  await page.getByLabel("Find a learner").fill("anne@company");
  await page.getByRole("option", { name: /anne@company\.com/ }).click();
  await expect(page.getByTestId("preview-learner")).toContainText("anne@company.com");
  if (completionId !== undefined) {
    await page.getByLabel("Completion", { exact: true }).selectOption(String(completionId));
  }
  await expect(page.getByTestId("payload-json")).toBeVisible();
}

// The editor is built for wide screens: three columns from 1280 px.
test.use({ viewport: { width: 1400, height: 1000 } });

const row = (page: Page, key: string) => page.locator(`[data-testid="key-row"][data-key="${key}"]`);

async function payload(page: Page): Promise<Record<string, unknown>> {
  return JSON.parse((await page.getByTestId("payload-json").textContent()) ?? "null");
}

/** A mouse drag as a person does it: press, move past dnd-kit's activation distance, glide, release. */
async function drag(page: Page, handle: Locator, to: { x: number; y: number }): Promise<void> {
  const from = await handle.boundingBox();
  if (!from) throw new Error("the drag handle is not visible");
  const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 12, start.y + 12, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 25 });
  await page.mouse.move(to.x + 1, to.y + 1, { steps: 2 });
  await page.mouse.up();
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("the drop target is not visible");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test("[mapping] admin drags user.email onto employeeId with the mouse and sees it in the preview", async ({
  page,
}) => {
  const id = await newIntegration("mouse drag");
  await signIn(page, ADMIN);
  await openEditor(page, id);
  const employeeId = row(page, "employeeId");
  const source = employeeId.getByLabel("Source of employeeId");
  await source.selectOption("user.userName");
  await expect.poll(() => payload(page)).toMatchObject({ employeeId: "anne" });
  await expect(page.getByTestId("mapping-status")).toContainText("Unsaved changes");

  await drag(page, page.getByRole("button", { name: "Drag field user.email" }), await centre(employeeId));
  await expect(source).toHaveValue("user.email");
  await expect.poll(() => payload(page)).toMatchObject({ employeeId: "anne@company.com" });
  await expect(page.getByTestId("payload-json")).toContainText('"employeeId": "anne@company.com"');

  // The standard mapping again, so nothing is unsaved; then an edit, and leaving asks first.
  await expect(page.getByTestId("mapping-status")).toContainText("Version 1");
  await employeeId.getByLabel("Payload key 1").fill("employee.mail");
  await expect.poll(() => payload(page)).toMatchObject({ employee: { mail: "anne@company.com" } });
  let asked = "";
  page.once("dialog", (d) => {
    asked = d.message();
    void d.dismiss();
  });
  await page.getByRole("link", { name: "Settings" }).click();
  await expect.poll(() => asked).toContain("unsaved changes");
  await expect(page).toHaveURL(/\/mapping$/);
  await expect(page.getByTestId("mapping-status")).toContainText("Unsaved changes");
});

test("[mapping] admin maps a field with the keyboard only", async ({ page }) => {
  const id = await newIntegration("keyboard");
  await signIn(page, ADMIN);
  await openEditor(page, id);
  const liveRegion = page.locator('[id^="DndLiveRegion"]');
  const handle = page.getByRole("button", { name: "Drag field user.firstName" });

  const keys = await page
    .getByTestId("key-row")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-key") ?? ""));

  await handle.focus();
  await page.keyboard.press("Space");
  await expect(liveRegion).toContainText("Picked up field user.firstName");
  // Right goes to the key level with the field (which one depends on the layout), Down/Up to its neighbours.
  await page.keyboard.press("ArrowRight");
  await expect(liveRegion).toContainText(/Field user\.firstName is over key \w+\./);
  const level = keys.indexOf(/over key (\w+)\./.exec((await liveRegion.textContent()) ?? "")?.[1] ?? "");
  expect(level).toBeGreaterThanOrEqual(0);
  const next = level + 1 < keys.length ? level + 1 : level - 1;
  await page.keyboard.press(next > level ? "ArrowDown" : "ArrowUp");
  await expect(liveRegion).toContainText(`Field user.firstName is over key ${keys[next]}.`);
  await page.keyboard.press("Space");
  await expect(liveRegion).toContainText(`Mapped field user.firstName onto key ${keys[next]}.`);

  const target = keys[next] ?? "";
  await expect(row(page, target).getByLabel(`Source of ${target}`)).toHaveValue("user.firstName");
  await expect.poll(() => payload(page)).toMatchObject({ [target]: "Anne" });

  // The click alternative: select a key, then Map on a field.
  await row(page, "organisation")
    .getByRole("button", { name: "Select organisation to map a field onto it" })
    .click();
  await page.getByRole("button", { name: "Map user.lastName onto organisation" }).click();
  await expect.poll(() => payload(page)).toMatchObject({ organisation: "Hansen" });
});

test("[mapping] admin adds statusMap:100=passed,0=failed and sees the status passed", async ({ page }) => {
  const id = await newIntegration("statusMap");
  const passed = await anneCompletion(100);
  await signIn(page, ADMIN);
  await openEditor(page, id, passed);
  const status = row(page, "status");
  const chain = status.getByLabel("Transforms of status");

  await chain.fill("");
  await expect.poll(() => payload(page)).toMatchObject({ status: 100 });
  await chain.fill("statusMap:100=passed");
  await expect(status.getByTestId("issue-warning")).toContainText("completion.bestCombined 0");
  await expect(page.getByTestId("preview-warning")).toContainText(["statusMap:100=passed does not map"]);

  await chain.fill("statusMap:100=passed,0=failed");
  await expect(page.getByTestId("payload-json")).toContainText('"status": "passed"');
  await expect(status.getByTestId("issue-warning")).toHaveCount(0);
  await expect(status.getByTestId("row-output")).toContainText('"passed"');

  await chain.press("Escape");
  await status.getByRole("button", { name: "Trace of status" }).click();
  await expect(status.getByTestId("trace-step")).toHaveText([/statusMap:100=passed,0=failed →\s*"passed"/]);
});

test("[mapping] admin types a bad chain and sees the error where it is", async ({ page }) => {
  const id = await newIntegration("bad chain");
  await signIn(page, ADMIN);
  await openEditor(page, id, await anneCompletion(100));
  const status = row(page, "status");
  const chain = status.getByLabel("Transforms of status");
  const save = page.getByRole("button", { name: "Save mapping" });

  await chain.fill("statusMap:100=passed,0=failed | uppercse");
  await expect(status.getByTestId("error-span")).toHaveText("uppercse");
  await expect(status.getByTestId("issue-error")).toContainText('Did you mean "uppercase"?');
  await expect(status.getByTestId("issue-error")).toContainText("In the 2nd transform:");
  await expect(status.getByTestId("issue-error")).not.toContainText("col ");
  await expect(chain).toHaveAttribute("aria-invalid", "true");
  await expect(save).toBeDisabled();
  await expect(page.getByTestId("save-blocker")).toHaveText("Fix 1 error to save");
  await expect(page.getByTestId("omitted-key")).toContainText(["status"]);
  // "Did you mean" puts it right with one click.
  await status.getByRole("button", { name: "Use uppercase" }).click();
  await expect(chain).toHaveValue("statusMap:100=passed,0=failed | uppercase");
  await expect(status.getByTestId("error-span")).toHaveCount(0);
  await expect(save).toBeEnabled();

  // Autocomplete puts it right.
  await chain.fill("statusMap:100=passed,0=failed | upp");
  await expect(page.getByRole("option", { name: /uppercase/ })).toBeVisible();
  await chain.press("ArrowDown");
  await chain.press("Enter");
  await expect(chain).toHaveValue("statusMap:100=passed,0=failed | uppercase");
  await expect(status.getByTestId("error-span")).toHaveCount(0);
  await expect.poll(() => payload(page)).toMatchObject({ status: "PASSED" });
  await expect(save).toBeEnabled();
});

test("[mapping] admin reorders keys, sees the JSON order change, and saves a new version", async ({
  page,
}) => {
  const id = await newIntegration("reorder");
  await signIn(page, ADMIN);
  await openEditor(page, id);
  const keys = () => payload(page).then((p) => Object.keys(p));
  await expect
    .poll(keys)
    .toEqual(["employeeId", "courseName", "completedOn", "score", "status", "organisation"]);

  // employeeId down to where completedOn is, with the mouse.
  const from = page.getByRole("button", { name: "Reorder key employeeId" });
  const to = page.getByRole("button", { name: "Reorder key completedOn" });
  await from.scrollIntoViewIfNeeded();
  const target = await centre(to);
  await drag(page, from, { x: target.x, y: target.y + 8 });
  await expect
    .poll(keys)
    .toEqual(["courseName", "completedOn", "employeeId", "score", "status", "organisation"]);

  // organisation one place up, with the keyboard.
  const liveRegion = page.locator('[id^="DndLiveRegion"]');
  await page.getByRole("button", { name: "Reorder key organisation" }).focus();
  await page.keyboard.press("Space");
  await expect(liveRegion).toContainText("Key organisation is over position 6 of 6.");
  await page.keyboard.press("ArrowUp");
  await expect(liveRegion).toContainText("Key organisation is over position 5 of 6.");
  await page.keyboard.press("Space");
  await expect
    .poll(keys)
    .toEqual(["courseName", "completedOn", "employeeId", "score", "organisation", "status"]);
  await expect(liveRegion).toContainText("Moved key organisation to position 5 of 6.");

  await page.getByRole("button", { name: "Save mapping" }).click();
  await expect(page.getByTestId("mapping-status")).toHaveText("Saved · version 2");
  await page.reload();
  await expect(page.getByTestId("key-row").first()).toHaveAttribute("data-key", "courseName");
  await expect(page.getByTestId("mapping-status")).toHaveText("Version 2");
});

/** Saves version 2 of an integration's mapping as another admin would, elsewhere: `status` sent upper-case. */
async function saveElsewhere(id: string): Promise<void> {
  const db = e2eDb().db;
  const admin = await findAppUserByEmail(db, ADMIN.email);
  const [current] = await db.select().from(integrations).where(eq(integrations.id, id));
  const mapping = (current!.mapping as MappingEntry[]).map((e) =>
    e.key === "status" ? { ...e, transforms: `${e.transforms} | uppercase` } : e,
  );
  const saved = await saveMapping(db, id, mapping, { ...admin!, via: "session" }, 1);
  if (!saved.ok) throw new Error(`could not save version 2: ${saved.reason}`);
}

for (const choice of ["Save mine over version 2", "Discard mine, load version 2"] as const) {
  test(`[mapping] a version saved elsewhere meanwhile: ${choice}`, async ({ page }) => {
    const id = await newIntegration(`conflict ${choice}`);
    await signIn(page, ADMIN);
    await openEditor(page, id, await anneCompletion(100));
    const employee = row(page, "employeeId").getByLabel("Transforms of employeeId");
    await employee.fill("uppercase");
    await employee.press("Escape");
    await saveElsewhere(id);

    // Save finds version 2: Save is off, and the admin chooses which to keep.
    await page.getByRole("button", { name: "Save mapping" }).click();
    const conflict = page.getByRole("status").filter({ hasText: "was saved elsewhere while you edited" });
    await expect(conflict).toContainText("Version 2 of this mapping was saved elsewhere while you edited.");
    await expect(page.getByRole("button", { name: "Save mapping" })).toBeDisabled();
    await expect(page.getByTestId("save-blocker")).toHaveText(
      "Version 2 was saved elsewhere: choose below what to keep",
    );
    page.once("dialog", (dialog) => void dialog.accept());
    await conflict.getByRole("button", { name: choice }).click();

    if (choice === "Save mine over version 2") {
      // Mine is version 3, whole: the employeeId edit, and status as it was in version 1.
      await expect(page.getByTestId("mapping-status")).toHaveText("Saved · version 3");
      await expect
        .poll(() => payload(page))
        .toMatchObject({ employeeId: "ANNE@COMPANY.COM", status: "passed" });
      const [stored] = await e2eDb().db.select().from(integrations).where(eq(integrations.id, id));
      expect(stored!.mappingVersion).toBe(3);
      const byKey = Object.fromEntries((stored!.mapping as MappingEntry[]).map((e) => [e.key, e.transforms]));
      expect(byKey.employeeId).toBe("uppercase");
      expect(byKey.status).not.toContain("uppercase");
    } else {
      // Version 2 loaded as it was saved; mine is gone, and nothing more was saved.
      await expect(page.getByTestId("mapping-status")).toHaveText("Version 2");
      await expect
        .poll(() => payload(page))
        .toMatchObject({ employeeId: "anne@company.com", status: "PASSED" });
      await expect(employee).toHaveValue("");
      const [after] = await e2eDb().db.select().from(integrations).where(eq(integrations.id, id));
      expect(after!.mappingVersion).toBe(2);
    }
    await expect(conflict).toHaveCount(0);
  });
}

test("[mapping] viewer sees the mapping read-only", async ({ page }) => {
  const id = await newIntegration("viewer");
  await signIn(page, VIEWER);
  await openEditor(page, id);
  await expect(page.getByText("Read-only: viewers can look, not change")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save mapping" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Drag field / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Reorder key / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Remove key / })).toHaveCount(0);
  const status = row(page, "status");
  await expect(status.getByLabel("Payload key 5")).toBeDisabled();
  await expect(status.getByLabel("Source of status")).toBeDisabled();
  await expect(status.getByLabel("Transforms of status")).toBeDisabled();
  await expect.poll(() => payload(page)).toMatchObject({ employeeId: "anne@company.com" });
  expect(
    (await page.request.put(`/api/integrations/${id}/mapping`, { data: { mapping: [] } })).status(),
  ).toBe(403);
});

for (const size of [
  { name: "1440×900", viewport: { width: 1440, height: 900 } },
  { name: "390×844", viewport: { width: 390, height: 844 } },
]) {
  test.describe(size.name, () => {
    test.use({ viewport: size.viewport });

    test("[mapping] keyboard drop then typing names the key", async ({ page }) => {
      const id = await newIntegration(`keyboard new key ${size.name}`);
      await signIn(page, ADMIN);
      await openEditor(page, id);
      const liveRegion = page.locator('[id^="DndLiveRegion"]');

      // One Tab from the search box into the fields, arrows within them.
      await showTab(page, "Fields");
      await page.getByLabel("Search fields").focus();
      await page.keyboard.press("Tab");
      await expect(page.getByRole("button", { name: "Drag field user.email" })).toBeFocused();
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowDown");
      const handle = page.getByRole("button", { name: "Drag field user.firstName" });
      await expect(handle).toBeFocused();

      // Pick it up, take it to "new key" (the last target), drop it.
      await page.keyboard.press("Space");
      await expect(liveRegion).toContainText("Picked up field user.firstName");
      await page.keyboard.press("ArrowRight");
      await expect(liveRegion).toContainText(/Field user\.firstName is over /);
      for (let i = 0; i < 10; i++) {
        if (((await liveRegion.textContent()) ?? "").includes('is over "new key"')) break;
        await page.keyboard.press("ArrowDown");
        await expect(liveRegion).toContainText(/Field user\.firstName is over /);
      }
      await expect(liveRegion).toContainText('Field user.firstName is over "new key".');
      await page.keyboard.press("Space");
      await expect(liveRegion).toContainText("Added a new key for field user.firstName at the end.");

      // The focus is on the new key's name, its text selected: typing names the key.
      const newName = page.getByLabel("Payload key 7");
      await expect(newName).toBeFocused();
      await expect(newName).toHaveValue("firstName");
      await page.keyboard.type("givenName");
      await expect(newName).toHaveValue("givenName");
      await expect
        .poll(() => payload(page))
        .toMatchObject({ givenName: "Anne", employeeId: "anne@company.com" });
      await expect(row(page, "givenName").getByLabel("Source of givenName")).toHaveValue("user.firstName");

      // The key list is one Tab stop too: arrows move from key to key, to the same control.
      await page.getByRole("button", { name: "Reorder key employeeId" }).focus();
      await page.keyboard.press("ArrowDown");
      await expect(page.getByRole("button", { name: "Reorder key courseName" })).toBeFocused();
      await page.keyboard.press("End");
      await expect(page.getByRole("button", { name: "Reorder key givenName" })).toBeFocused();
      // Nothing moved: arrows outside a drag only move the focus.
      await expect
        .poll(() => payload(page).then((p) => Object.keys(p)))
        .toEqual(["employeeId", "courseName", "completedOn", "score", "status", "organisation", "givenName"]);

      if (size.viewport.width >= 768) {
        // The skip link goes past the palette to the keys, from where Tab enters the key last used.
        const skip = page.getByRole("button", { name: "Skip to payload keys" });
        await skip.focus();
        await expect(skip).toBeInViewport();
        await page.keyboard.press("Enter");
        await expect(page.getByRole("heading", { name: "Payload keys" })).toBeFocused();
      } else {
        // On a phone the drop opened the Keys tab; the tabs move by arrows, and Tab enters the key last used.
        const keysTab = page.getByRole("tab", { name: "Keys" });
        await expect(keysTab).toHaveAttribute("aria-selected", "true");
        await expect(page.getByRole("heading", { name: "LMS fields" })).toBeHidden();
        await keysTab.focus();
        await page.keyboard.press("ArrowRight");
        await expect(page.getByRole("tab", { name: "Preview" })).toBeFocused();
        await expect(page.getByRole("tabpanel", { name: "Preview" })).toBeVisible();
        await expect(page.getByTestId("payload-json")).toContainText('"givenName": "Anne"');
        await expect(page.getByRole("heading", { name: "Payload keys" })).toBeHidden();
        await page.keyboard.press("ArrowLeft");
        await expect(keysTab).toBeFocused();
      }
      await page.keyboard.press("Tab");
      await expect(page.getByRole("button", { name: "Reorder key givenName" })).toBeFocused();
    });
  });
}

test.describe("1440×900", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("[mapping] all twelve fields fit on a laptop screen on one line each, and the preview stays in its box", async ({
    page,
  }) => {
    const id = await newIntegration("dense palette");
    await signIn(page, ADMIN);
    await openEditor(page, id);
    const fields = page.getByTestId("palette-field");
    await expect(fields).toHaveCount(12);
    await fields.last().scrollIntoViewIfNeeded();
    for (const field of await fields.all()) {
      await expect(field).toBeInViewport();
      // One line, the name whole: never cut mid-word.
      const name = field.locator("code").first();
      expect(
        await name.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getClientRects().length === 1),
      ).toBe(true);
    }
    // The description is on hover (title) and on expanding the name.
    const email = page.locator('[data-testid="palette-field"][data-field="activity.activityName"]');
    await expect(email).toHaveAttribute("title", /^activity\.activityName: /);
    const toggle = email.getByRole("button", { name: "activity.activityName", exact: true });
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(email.locator("p")).toBeVisible();

    // The search still narrows the list.
    await page.getByLabel("Search fields").fill("score");
    await expect(fields).toHaveCount(1);
    await page.getByLabel("Search fields").fill("");

    // A long value wraps inside the preview's box instead of running out of it.
    await page.getByRole("button", { name: "Add constant" }).click();
    await page.getByLabel("Constant text of constant").fill(`https://example.com/${"x".repeat(180)}`);
    const json = page.getByTestId("payload-json");
    await expect(json).toContainText("xxxxxxxx");
    expect(await json.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  });
});
