// Deleting with undo, the keyboard shortcuts, dragging, tags and filters.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BASE_URL, expectTitles, launch, localDate, logIn, newPage, openView, taskItem, userWithTasks } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function serverTask(user, id) {
  return fetch(`${BASE_URL}/api/v1/tasks/${id}`, { headers: { Authorization: `Bearer ${user.accessToken}` } });
}

test("delete asks first, then Undo within 5 seconds restores the task exactly", async () => {
  const user = await userWithTasks([
    { title: "Water plants", dueDate: localDate(0), description: "The ferns too", tags: ["home"] },
    { title: "Stretch", dueDate: localDate(0) },
  ]);
  const page = await newPage(browser);
  await logIn(page, user);
  const today = page.getByRole("list", { name: "Due today or overdue" });
  await expectTitles(today, ["Water plants", "Stretch"]);

  await page.getByRole("button", { name: "Delete Water plants" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete task?" });
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expectTitles(today, ["Stretch"]);
  await page.getByTestId("announcer").getByText("Task deleted: Water plants").waitFor();

  await page.getByRole("status").filter({ hasText: 'Deleted "Water plants"' }).getByRole("button", { name: "Undo" }).click();
  await expectTitles(today, ["Water plants", "Stretch"]);
  await taskItem(page, "Water plants").getByText("The ferns too").waitFor();
  await page.waitForTimeout(5500);
  const original = user.tasks[0];
  const kept = await serverTask(user, original.id);
  assert.equal(kept.status, 200, "the task was never deleted on the server");
  assert.deepEqual((await kept.json()).task, original, "restored exactly: same id, fields and place");

  // Without Undo, the task is gone from the server once the toast has gone.
  await page.getByRole("button", { name: "Delete Stretch" }).click();
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expectTitles(today, ["Water plants", "Stretch"]);
  await page.getByRole("button", { name: "Delete Stretch" }).click();
  const deleted = page.waitForResponse((response) => response.request().method() === "DELETE" && response.ok(), { timeout: 8000 });
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expectTitles(today, ["Water plants"]);
  await deleted;
  assert.equal((await serverTask(user, user.tasks[1].id)).status, 404);
});

test("n opens the new-task dialog from any view, ? lists the shortcuts, focus comes back", async () => {
  const user = await userWithTasks([{ title: "Existing", dueDate: localDate(1) }]);
  const page = await newPage(browser);
  await logIn(page, user);

  await page.keyboard.press("n");
  const dialog = page.getByRole("dialog", { name: "New task" });
  await dialog.getByLabel("Title").waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute("name") === "title", null, { timeout: 2000 });
  await dialog.getByRole("button", { name: "Add task" }).click();
  await dialog.getByText("Title is required").waitFor();
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });

  await openView(page, "Upcoming");
  await taskItem(page, "Existing").waitFor();
  await page.keyboard.press("n");
  await dialog.waitFor();
  assert.equal(await dialog.getByLabel("Due date").inputValue(), localDate(2), "Upcoming defaults to the next free day");
  await dialog.getByLabel("Title").fill("Made with the shortcut");
  await dialog.getByLabel("Tags").fill("Errands, home");
  await page.keyboard.press("Enter");
  await dialog.waitFor({ state: "hidden" });
  await taskItem(page, "Made with the shortcut").getByRole("link", { name: "Show tasks tagged errands" }).waitFor();

  await page.getByRole("button", { name: "Keyboard shortcuts" }).focus();
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await help.getByText("New task").waitFor();
  await page.keyboard.press("Escape");
  await help.waitFor({ state: "hidden" });
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "?Keyboard shortcuts", "focus returns to where it was");
});

test("tags filter the All view; drag and drop reorders", async () => {
  const user = await userWithTasks([
    { title: "First", dueDate: localDate(0), tags: ["work"] },
    { title: "Second", dueDate: localDate(0) },
    { title: "Third", dueDate: localDate(0), tags: ["work"] },
  ]);
  const page = await newPage(browser);
  await logIn(page, user);
  const today = page.getByRole("list", { name: "Due today or overdue" });
  await expectTitles(today, ["First", "Second", "Third"]);

  const moved = page.waitForResponse((response) => response.url().includes("/move") && response.ok());
  await taskItem(page, "Third").dragTo(taskItem(page, "First"));
  await expectTitles(today, ["Third", "First", "Second"]);
  await moved;

  await taskItem(page, "First").getByRole("link", { name: "Show tasks tagged work" }).click();
  await page.waitForURL("**/all?tag=work");
  await expectTitles(page.getByRole("list", { name: "Tasks" }), ["Third", "First"]);

  await page.getByLabel("Search").fill("sec");
  await page.getByRole("button", { name: "Clear tag filter" }).click();
  await expectTitles(page.getByRole("list", { name: "Tasks" }), ["Second"]);
});
