// Lighthouse (default mobile throttling) on the login page and on Today with 50 tasks; prints the
// scores and Time to Interactive. Needs E2E_BASE_URL (scripts/lighthouse.sh sets it up).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import lighthouse from "lighthouse";
import { chromium } from "playwright-core";
import { BASE_URL, localDate, userWithTasks } from "../e2e/api.mjs";

const CHROMIUM = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const PORT = 9300 + Math.floor(Math.random() * 500);
const profile = mkdtempSync(join(tmpdir(), "todo-lighthouse-"));

const chrome = spawn(CHROMIUM, [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--no-first-run", `--remote-debugging-port=${PORT}`, "--remote-debugging-address=127.0.0.1",
  `--user-data-dir=${profile}`, "about:blank",
], { stdio: "ignore" });

async function waitForChrome() {
  for (let i = 0; i < 100; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${PORT}/json/version`);
      if (response.ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("Chromium did not start");
}

async function audit(path) {
  const { lhr } = await lighthouse(`${BASE_URL}${path}`, {
    port: PORT,
    output: "json",
    logLevel: "error",
    // Keep the refresh cookie of the signed-in browser: Today needs it.
    disableStorageReset: true,
    onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
  });
  if (lhr.runtimeError) throw new Error(`${path}: ${lhr.runtimeError.message}`);
  const weak = Object.values(lhr.categories).flatMap((category) => category.auditRefs)
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "notApplicable");
  for (const a of weak) console.log(`  ${path}: ${a.id} (${Math.round(a.score * 100)}) ${a.displayValue ?? ""}`);
  const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  return {
    page: path,
    performance: score("performance"),
    accessibility: score("accessibility"),
    "best-practices": score("best-practices"),
    seo: score("seo"),
    "TTI (s)": (lhr.audits.interactive.numericValue / 1000).toFixed(2),
    "LCP (s)": (lhr.audits["largest-contentful-paint"].numericValue / 1000).toFixed(2),
    CLS: lhr.audits["cumulative-layout-shift"].numericValue.toFixed(3),
  };
}

try {
  await waitForChrome();
  const results = [await audit("/login")];

  // Sign a user with 50 tasks due today in, in the browser Lighthouse drives.
  const tasks = Array.from({ length: 50 }, (_, i) => ({
    title: `Task ${i + 1}: ${["Review the pull request", "Call the supplier", "Write the weekly report", "Water the plants"][i % 4]}`,
    dueDate: localDate(i % 5 === 0 ? -1 : 0),
    priority: ["high", "medium", "low"][i % 3],
    tags: i % 2 ? ["work"] : ["home"],
  }));
  const user = await userWithTasks(tasks);
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${PORT}`);
  const page = await browser.contexts()[0].newPage();
  await page.goto(`${BASE_URL}/login`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL("**/today");
  await page.close();
  await browser.close();

  results.push(await audit("/today"));
  console.table(results);
} finally {
  chrome.kill();
  await new Promise((resolve) => setTimeout(resolve, 500));
  rmSync(profile, { recursive: true, force: true });
}
