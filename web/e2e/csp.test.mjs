// The pages' Content-Security-Policy (written by the build, scripts/csp.mjs): strict, satisfied by every
// page, and enforced by the browser. support.mjs fails any test whose pages report a violation.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, test } from "node:test";
import { BASE_URL, launch, logIn, newPage, takeCspViolations, userWithTasks, waitForQuiet } from "./support.mjs";

const PUBLIC_PAGES = ["/login", "/register", "/forgot-password", "/reset-password", "/verify-email"];
const SIGNED_IN_PAGES = ["/", "/today", "/upcoming", "/all", "/completed", "/chat", "/settings"];

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The sources of one directive of a policy. */
function sources(policy, name) {
  const found = policy.split(";").map((part) => part.trim().split(/\s+/)).find(([first]) => first === name);
  assert.ok(found, `no ${name} in ${policy}`);
  return found.slice(1);
}

test("every page comes with a strict policy that lists exactly the hashes of its inline scripts", async () => {
  for (const path of [...PUBLIC_PAGES, ...SIGNED_IN_PAGES]) {
    const response = await fetch(`${BASE_URL}${path}`);
    assert.equal(response.status, 200, path);
    const policy = response.headers.get("content-security-policy");
    assert.ok(policy, `${path} has no Content-Security-Policy`);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/, path);
    assert.deepEqual(sources(policy, "default-src"), ["'self'"], path);
    assert.deepEqual(sources(policy, "object-src"), ["'none'"], path);
    assert.deepEqual(sources(policy, "frame-ancestors"), ["'none'"], path);
    const html = await response.text();
    const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)]
      .map(([, text]) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`);
    assert.ok(inline.length > 0, `${path}: the export has inline scripts, so the hashes matter`);
    assert.deepEqual(new Set(sources(policy, "script-src")), new Set(["'self'", ...inline]), path);
  }
});

test("no page reports a violation, signed out or signed in", async () => {
  const page = await newPage(browser);
  for (const path of PUBLIC_PAGES) {
    await page.goto(path, { waitUntil: "networkidle" });
    await page.getByRole("heading", { level: 1 }).first().waitFor();
  }
  await logIn(page, await userWithTasks([{ title: "Water the plants" }]));
  for (const path of SIGNED_IN_PAGES) {
    await page.goto(path);
    await waitForQuiet(page);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
  }
  await page.context().close();
  // The afterEach of support.mjs fails the test if any of these pages reported a violation.
});

test("an inline script injected into a page is refused, and the violation is reported", async () => {
  const page = await newPage(browser);
  await page.goto("/login", { waitUntil: "networkidle" });
  const ran = await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.injectedScriptRan = true;";
    document.head.append(script);
    return window.injectedScriptRan === true;
  });
  assert.equal(ran, false, "the injected script ran");
  let reported = [];
  for (const deadline = Date.now() + 5000; reported.length === 0 && Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
    reported = takeCspViolations();
  }
  assert.equal(reported.length, 1, JSON.stringify(reported));
  assert.equal(reported[0].directive, "script-src-elem");
  assert.equal(reported[0].blocked, "inline");
  assert.equal(reported[0].page, `${BASE_URL}/login`);
  await page.context().close();
});
