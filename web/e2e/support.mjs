// Shared pieces of the end-to-end tests: the browser, a fresh user with tasks, and the axe check.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

export const BASE_URL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000";
const CHROMIUM = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** A page that fails the test on any request to another host (no fonts, analytics or telemetry). */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ baseURL: BASE_URL, ...options });
  const page = await context.newPage();
  const origin = new URL(BASE_URL).origin;
  const foreign = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) foreign.push(url);
  });
  page.foreignRequests = foreign;
  return page;
}

export function localDate(daysFromToday = 0) {
  const date = new Date();
  date.setDate(date.getDate() + daysFromToday);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

let counter = 0;

/** Registers a new user over the API (in the browser's time zone) and adds `tasks` for them. */
export async function userWithTasks(tasks = []) {
  const email = `e2e-${Date.now()}-${process.pid}-${counter++}@example.com`;
  const password = "correct horse battery";
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const registered = await fetch(`${BASE_URL}/api/v1/auth/register`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password, name: "E2E User", timeZone }),
  });
  assert.equal(registered.status, 201, await registered.clone().text());
  const { accessToken } = await registered.json();
  const created = [];
  for (const task of tasks) {
    const response = await fetch(`${BASE_URL}/api/v1/tasks`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${accessToken}` },
      body: JSON.stringify(task),
    });
    assert.equal(response.status, 201, await response.clone().text());
    created.push((await response.json()).task);
  }
  return { email, password, accessToken, tasks: created };
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
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
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
