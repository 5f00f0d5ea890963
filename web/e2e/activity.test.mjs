// A task's Activity (GET /tasks/{id}/history) as the edit dialog lists it, against the real server.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { expectNoAxeViolations, launch, logIn, newPage, openView, taskItem, userWithTasks, waitForQuiet } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const saved = (page, method) => page.waitForResponse((response) => response.request().method() === method && response.url().includes("/api/v1/tasks") && response.ok());

/**
 * Waits (up to 10 s) until the open Activity of `dialog` lists `expected`, newest first. The server
 * records history after each change commits, beside the event that fetches it again, so the newest
 * line may come a moment late: closing and opening the disclosure again fetches it anew, until the
 * deadline.
 */
async function expectActivity(page, dialog, expected) {
  const toggle = dialog.getByRole("button", { name: "Activity" });
  const list = dialog.getByRole("list", { name: /^Activity of / });
  let actual;
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
    if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
    await list.or(dialog.getByText("No activity yet")).waitFor();
    // Opening shows what was fetched before and fetches again: read the list once that answer is in.
    await waitForQuiet(page);
    actual = await dialog.getByTestId("activity-entry").evaluateAll((items) => items.map((item) => item.querySelector("span")?.textContent));
    if (JSON.stringify(actual) === JSON.stringify(expected)) return;
    await toggle.click();
  }
  assert.deepEqual(actual, expected);
}

test("create, rename and complete a task: its Activity lists the three, newest first", async () => {
  const user = await userWithTasks();
  const page = await newPage(browser);
  await logIn(page, user);

  await page.getByRole("button", { name: "Add Task" }).click();
  const newTask = page.getByRole("dialog", { name: "New task" });
  await newTask.getByLabel("Title").fill("Buy milk");
  const created = saved(page, "POST");
  await newTask.getByRole("button", { name: "Add task" }).click();
  await created;
  await taskItem(page, "Buy milk").and(page.locator(":not([aria-busy])")).waitFor();

  await taskItem(page, "Buy milk").getByRole("button", { name: /^Title of Buy milk/ }).click();
  const renamed = saved(page, "PATCH");
  await page.getByRole("textbox", { name: "Title of Buy milk" }).fill("Buy oat milk");
  await page.getByRole("textbox", { name: "Title of Buy milk" }).press("Enter");
  await renamed;

  const completed = saved(page, "PATCH");
  await page.getByRole("checkbox", { name: "Complete Buy oat milk" }).check();
  await completed;

  await openView(page, "Completed");
  await taskItem(page, "Buy oat milk").getByRole("button", { name: "Edit Buy oat milk" }).click();
  const edit = page.getByRole("dialog", { name: "Edit task" });
  await expectActivity(page, edit, ["You completed it", 'You changed the title from "Buy milk" to "Buy oat milk"', "You created the task"]);
  const newest = edit.getByTestId("activity-entry").first().locator("time");
  assert.match(await newest.getAttribute("datetime"), /^\d{4}-\d{2}-\d{2}T/);
  assert.ok(await newest.getAttribute("title"), "the absolute time is the tooltip");
  await expectNoAxeViolations(page, "the edit dialog with its Activity open");
  assert.deepEqual(page.foreignRequests, [], "no request to another host");
});
