// A phone (390 px wide): every view is on screen without scrolling sideways, and reachable by touch and by
// keyboard.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launch, logIn, newPage, userWithTasks } from "./support.mjs";

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };
const VIEWS = [
  ["Today", "/today"],
  ["Upcoming", "/upcoming"],
  ["All Tasks", "/all"],
  ["Completed", "/completed"],
  ["Assistant", "/chat"],
  ["Settings", "/settings"],
];

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The link's box, asserted to be wholly inside the 390 px viewport and not hidden by the nav's own scrolling. */
async function assertOnScreen(page, link, label) {
  await link.waitFor();
  const box = await link.boundingBox();
  assert.ok(box, `${label} has a box`);
  assert.ok(box.x >= 0 && box.x + box.width <= PHONE.viewport.width, `${label} is on screen: x=${box.x}, width=${box.width}`);
  const clipped = await link.evaluate((element) => {
    const nav = element.closest("nav");
    const own = element.getBoundingClientRect();
    const frame = nav.getBoundingClientRect();
    return own.left < frame.left || own.right > frame.right || nav.scrollWidth > nav.clientWidth;
  });
  assert.equal(clipped, false, `${label} is not cut off by the navigation`);
}

test("on a phone every view is on screen and opens with a tap", async () => {
  const user = await userWithTasks([]);
  const page = await newPage(browser, PHONE);
  await logIn(page, user);
  const nav = page.getByRole("navigation", { name: "Views" });
  for (const [label, path] of VIEWS) {
    const link = nav.getByRole("link", { name: label, exact: true });
    await assertOnScreen(page, link, label);
    await link.tap();
    await page.waitForURL(`**${path}`);
    assert.equal(await link.getAttribute("aria-current"), "page", `${label} is marked as the current view`);
  }
  assert.equal(
    await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    true,
    "the page does not scroll sideways",
  );
});

test("on a phone every view is reached with Tab and opened with Enter", async () => {
  const user = await userWithTasks([]);
  const page = await newPage(browser, PHONE);
  await logIn(page, user);
  const nav = page.getByRole("navigation", { name: "Views" });
  await nav.getByRole("link", { name: "Today", exact: true }).focus();
  for (const [index, [label]] of VIEWS.entries()) {
    if (index > 0) await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    assert.equal(focused, label, "Tab moves through the views in order");
    await assertOnScreen(page, nav.getByRole("link", { name: label, exact: true }), label);
  }
  await page.keyboard.press("Enter");
  await page.waitForURL("**/settings");
  await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
});
