// Registration and login: inline validation before submitting, the server's errors beside the field.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launch, newPage, userWithTasks } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("registration with a short password is refused before submitting, then succeeds and lands on Today", async () => {
  const page = await newPage(browser);
  await page.goto("/register");
  const registers = [];
  page.on("request", (request) => request.url().endsWith("/auth/register") && registers.push(request));

  await page.getByLabel("Name").fill("Dana");
  await page.getByLabel("Email").fill(`dana-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("short");
  await page.getByLabel("Password").blur();
  await page.getByText("Password must be at least 8 characters").waitFor();
  assert.equal(await page.getByLabel("Password").getAttribute("aria-invalid"), "true");

  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByText("Password must be at least 8 characters").waitFor();
  assert.equal(registers.length, 0, "nothing is sent while the form is invalid");

  await page.getByLabel("Password").fill("long enough now");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/today");
  await page.getByText("Nothing due today").waitFor();
});

test("the server's errors show next to the field they are about", async () => {
  const existing = await userWithTasks();
  const page = await newPage(browser);
  await page.goto("/register");
  await page.getByLabel("Email").fill(existing.email);
  await page.getByLabel("Password").fill("another password");
  await page.getByRole("button", { name: "Create account" }).click();
  const email = page.getByLabel("Email");
  await page.getByText("Email already exists").waitFor();
  assert.equal(await email.getAttribute("aria-invalid"), "true");
  const describedBy = await email.getAttribute("aria-describedby");
  assert.equal(await page.locator(`[id="${describedBy}"]`).textContent(), "Email already exists");

  await page.goto("/login");
  await page.getByLabel("Email").fill(existing.email);
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("alert").getByText("Invalid credentials").waitFor();
  assert.match(page.url(), /\/login$/);
});

test("a signed-out visitor is sent to the login page; the session survives a reload", async () => {
  const user = await userWithTasks();
  const page = await newPage(browser);
  await page.goto("/today");
  await page.waitForURL("**/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL("**/today");
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Today" }).waitFor();
});
