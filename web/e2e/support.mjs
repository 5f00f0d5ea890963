// Shared pieces of the end-to-end tests: the browser, a fresh user with tasks, and the axe check.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterEach } from "node:test";
import { chromium } from "playwright-core";
import { BASE_URL } from "./api.mjs";

export { BASE_URL, localDate, userWithTasks } from "./api.mjs";

const CHROMIUM = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

// Content-Security-Policy violations the pages reported (the policy is the build's, scripts/csp.mjs): a
// test that leaves one here fails, whatever it asserted itself.
const cspViolations = [];

/** The violations reported since the last call, and forgets them (for a test that provokes one). */
export function takeCspViolations() {
  return cspViolations.splice(0);
}

afterEach(async () => {
  // A report is a binding call from the page: give one made just before the test ended the time to arrive.
  await new Promise((resolve) => setImmediate(resolve));
  const reported = takeCspViolations();
  assert.equal(reported.length, 0, `the browser reported Content-Security-Policy violations:\n${reported.map((v) => `  ${v.page}: ${v.directive} blocked ${v.blocked} (${v.sample})`).join("\n")}`);
});

/**
 * A page that fails the test on any request to another host (no fonts, analytics or telemetry), and
 * whose Content-Security-Policy violations fail the test (see the afterEach above).
 */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ baseURL: BASE_URL, ...options });
  await context.exposeBinding("__reportCspViolation", (_source, violation) => cspViolations.push(violation));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      // eslint-disable-next-line no-undef
      window.__reportCspViolation({ page: location.href, directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample });
    });
  });
  const page = await context.newPage();
  const origin = new URL(BASE_URL).origin;
  const foreign = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) foreign.push(url);
  });
  page.foreignRequests = foreign;
  // Requests still loading, but the live event stream: it stays open while signed in, so Playwright's
  // "networkidle" never comes on a signed-in page (waitForQuiet below is the same wait without it).
  const loading = new Set();
  page.on("request", (request) => {
    if (!isEventStream(request.url())) loading.add(request);
  });
  page.on("requestfinished", (request) => loading.delete(request));
  page.on("requestfailed", (request) => loading.delete(request));
  page.loadingRequests = loading;
  return page;
}

function isEventStream(url) {
  return new URL(url).pathname === "/api/v1/events";
}

/** Waits until nothing but the live event stream has loaded for 500 ms ("networkidle" for signed-in pages). */
export async function waitForQuiet(page, { quietMs = 500, timeoutMs = 30_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let quietSince = Date.now();
  for (;;) {
    if (page.loadingRequests.size > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    assert.ok(Date.now() < deadline, `still loading after ${timeoutMs} ms: ${[...page.loadingRequests].map((r) => r.url()).join(", ")}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Resolves when the page's live event stream is answered with 200; call it before the step that opens it (logging in). */
export function eventStreamOpened(page, timeout = 15_000) {
  return page.waitForResponse((response) => isEventStream(response.url()) && response.status() === 200, { timeout });
}

export async function logIn(page, { email, password }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL("**/today");
  await page.getByRole("heading", { level: 1, name: "Today" }).waitFor();
}

/** Runs axe-core (WCAG 2.1 A and AA rules) on the page and fails on any violation. */
export async function expectNoAxeViolations(page, label) {
  // Evaluated, not added as a <script> element: the page's policy rightly refuses an inline script.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const { violations } = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
    return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  assert.deepEqual(result, [], `axe violations on ${label}`);
}

/** The task titled `title` within `scope` (a page or a locator). */
export function taskItem(scope, title) {
  const page = "page" in scope && typeof scope.page === "function" ? scope.page() : scope;
  return scope.getByTestId("task").filter({ has: page.getByRole("button", { name: new RegExp(`^Title of ${title}:`) }) });
}

/** Waits (up to 5 s) until the task titles of `list`, in order, are `expected`. */
export async function expectTitles(list, expected) {
  let actual;
  for (const deadline = Date.now() + 5000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    actual = await list.getByTestId("task").evaluateAll((items) => items.map((item) => item.querySelector("button")?.textContent?.trim()));
    if (JSON.stringify(actual) === JSON.stringify(expected)) return;
  }
  assert.deepEqual(actual, expected);
}

const VIEW_PATHS = { Today: "/today", Upcoming: "/upcoming", "All Tasks": "/all", Completed: "/completed", Assistant: "/chat", Settings: "/settings" };

/**
 * Opens a view from the Views navigation and waits until it is the page shown: its URL and its tab marked
 * current. Waiting for content alone is not enough when the page being left shows the same content (a task
 * listed in both views): the next step would then run while the navigation is still under way.
 */
export async function openView(page, label) {
  const link = page.getByRole("navigation", { name: "Views" }).getByRole("link", { name: label, exact: true });
  await link.click();
  await page.waitForURL(`**${VIEW_PATHS[label]}`);
  await page.waitForFunction((name) => {
    const current = document.querySelector('nav[aria-label="Views"] a[aria-current="page"]');
    return current?.textContent?.trim() === name;
  }, label);
}

/** Goes back one entry in the history and waits until the page at `url` (a string or pattern) shows `ready`. */
export async function goBackTo(page, url, ready) {
  await page.goBack();
  await page.waitForURL(url);
  await ready.waitFor();
}
