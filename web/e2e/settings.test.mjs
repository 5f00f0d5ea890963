// Settings (/settings): a personal API token shown once, the MCP configuration, revoking, the time
// zone, and axe in light and dark.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BASE_URL, expectNoAxeViolations, launch, logIn, newPage, userWithTasks, waitForQuiet } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function serverTokens(user) {
  const response = await fetch(`${BASE_URL}/api/v1/tokens`, { headers: { Authorization: `Bearer ${user.accessToken}` } });
  assert.equal(response.status, 200);
  return (await response.json()).tokens;
}

test("a new token's secret shows once, fills the MCP configuration, and can be revoked", async () => {
  const user = await userWithTasks([]);
  const page = await newPage(browser, { permissions: ["clipboard-read", "clipboard-write"] });
  await logIn(page, user);
  await page.getByRole("navigation", { name: "Views" }).getByRole("link", { name: "Settings" }).click();
  await page.waitForURL("**/settings");
  await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
  await page.getByText("No tokens yet.").waitFor();
  await page.getByText('"Authorization": "Bearer <your token>"').waitFor();

  await page.getByRole("button", { name: "Create token" }).click();
  await page.getByText("Name is required").waitFor();
  await page.getByLabel("Token name").fill("E2E laptop");
  await page.getByRole("button", { name: "Create token" }).click();

  const panel = page.getByTestId("new-token");
  await panel.getByText("it will not be shown again").waitFor();
  const secret = (await panel.getByTestId("token-secret").textContent()).trim();
  assert.match(secret, /^todo_pat_/);
  await page.getByText(`"Authorization": "Bearer ${secret}"`).waitFor();
  await page.getByText(`"url": "${BASE_URL}/mcp"`).waitFor();
  await page.getByText(`npx @modelcontextprotocol/inspector --cli ${BASE_URL}/mcp`).waitFor();

  await panel.getByRole("button", { name: "Copy token" }).click();
  await panel.getByRole("button", { name: "Copied token" }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), secret);

  const [listed] = await serverTokens(user);
  assert.equal(listed.name, "E2E laptop");
  assert.ok(secret.startsWith(listed.prefix), "the list shows the secret's prefix only");
  const row = page.getByTestId("token").filter({ hasText: "E2E laptop" });
  await row.getByText(listed.prefix, { exact: false }).waitFor();
  await row.getByText("never used").waitFor();
  await expectNoAxeViolations(page, "/settings with a new secret");

  // Shown once: after a reload only the prefix is left.
  await page.reload();
  await row.waitFor();
  assert.equal(await page.getByText(secret).count(), 0);
  assert.equal(await page.getByTestId("new-token").count(), 0);

  await row.getByRole("button", { name: "Revoke E2E laptop" }).click();
  const dialog = page.getByRole("dialog", { name: "Revoke token?" });
  await expectNoAxeViolations(page, "revoke dialog");
  await dialog.getByRole("button", { name: "Revoke" }).click();
  await page.getByText("No tokens yet.").waitFor();
  assert.deepEqual(await serverTokens(user), []);
  assert.deepEqual(page.foreignRequests, []);
});

test("the time zone is saved to the profile", async () => {
  const user = await userWithTasks([]);
  const page = await newPage(browser);
  await logIn(page, user);
  await page.goto("/settings");
  const select = page.getByLabel("Your time zone");
  await select.selectOption("Asia/Tokyo");
  await page.getByRole("button", { name: "Save time zone" }).click();
  await page.getByRole("status").filter({ hasText: "Time zone saved: Asia/Tokyo" }).waitFor();
  const me = await fetch(`${BASE_URL}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${user.accessToken}` } });
  assert.equal((await me.json()).user.timeZone, "Asia/Tokyo");
});

for (const colorScheme of ["light", "dark"]) {
  test(`/settings has no axe violations (${colorScheme})`, async () => {
    const user = await userWithTasks([]);
    const page = await newPage(browser, { colorScheme });
    await logIn(page, user);
    await page.goto("/settings");
    await page.getByText("No tokens yet.").waitFor();
    await waitForQuiet(page);
    await expectNoAxeViolations(page, `/settings (${colorScheme})`);
  });
}
