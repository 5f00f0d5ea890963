// Live updates over GET /api/v1/events: a change in one tab shows in the user's other tabs within a
// second, without a reload, and never in another user's.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BASE_URL, eventStreamOpened, expectTitles, launch, localDate, logIn, newPage, taskItem, userWithTasks } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A page signed in as `user` on Today, with its event stream open and a marker that a reload would wipe. */
async function signedIn(user) {
  const page = await newPage(browser);
  const opened = eventStreamOpened(page);
  await logIn(page, user);
  await opened;
  await page.evaluate(() => {
    window.__sameDocument = true;
  });
  return page;
}

async function notReloaded(page) {
  assert.equal(await page.evaluate(() => window.__sameDocument), true, "the page was not reloaded");
}

async function createOverApi(user, task) {
  const response = await fetch(`${BASE_URL}/api/v1/tasks`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${user.accessToken}` },
    body: JSON.stringify(task),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return (await response.json()).task;
}

test("a task created in one tab appears in the same user's other tab within 1 s, and never in another user's", async () => {
  const ann = await userWithTasks([]);
  const bob = await userWithTasks([]);
  const first = await signedIn(ann);
  const second = await signedIn(ann);
  const other = await signedIn(bob);

  await first.getByRole("button", { name: "Add Task" }).click();
  const dialog = first.getByRole("dialog", { name: "New task" });
  await dialog.getByLabel("Title").fill("Live from the first tab");
  const saved = first.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/v1/tasks" && r.status() === 201);
  await dialog.getByRole("button", { name: "Add task" }).click();
  await saved;
  // From the moment the server has it, the other tab has one second.
  await taskItem(second, "Live from the first tab").waitFor({ timeout: 1000 });
  await notReloaded(second);

  // Completing it in the second tab takes it off the first tab's Today, just as fast.
  const completed = second.waitForResponse((r) => r.request().method() === "PATCH" && r.status() === 200);
  await second.getByRole("checkbox", { name: "Complete Live from the first tab" }).click();
  await completed;
  await expectTitles(first.getByRole("list", { name: "Due today or overdue" }), []);
  await notReloaded(first);

  // Bob's stream is live (his own new task arrives through it), and Ann's task was never in it.
  await createOverApi(bob, { title: "Bob's own", dueDate: localDate(0) });
  await taskItem(other, "Bob's own").waitFor({ timeout: 1000 });
  assert.equal(await taskItem(other, "Live from the first tab").count(), 0);
  await notReloaded(other);

  for (const page of [first, second, other]) await page.context().close();
});

test("changes made over the API (as the assistant or an MCP client would) show in an open tab: created, renamed, deleted", async () => {
  const ann = await userWithTasks([]);
  const page = await signedIn(ann);
  const today = page.getByRole("list", { name: "Due today or overdue" });
  const task = await createOverApi(ann, { title: "From elsewhere", dueDate: localDate(0) });
  await taskItem(page, "From elsewhere").waitFor({ timeout: 1000 });

  const renamed = await fetch(`${BASE_URL}/api/v1/tasks/${task.id}`, {
    method: "PATCH",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${ann.accessToken}` },
    body: JSON.stringify({ title: "Renamed elsewhere" }),
  });
  assert.equal(renamed.status, 200);
  await taskItem(page, "Renamed elsewhere").waitFor({ timeout: 1000 });

  const deleted = await fetch(`${BASE_URL}/api/v1/tasks/${task.id}`, { method: "DELETE", headers: { Authorization: `Bearer ${ann.accessToken}` } });
  assert.ok(deleted.ok, `DELETE answered ${deleted.status}`);
  await expectTitles(today, []);
  await notReloaded(page);
  await page.context().close();
});
