// The Daily Task Management journey of the spec, against the real server and database.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { expectTitles, launch, localDate, logIn, newPage, taskItem, userWithTasks } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("daily task management: log in, complete, add, reorder, upcoming, edit, log out", async () => {
  const user = await userWithTasks([
    { title: "Review PRs", dueDate: localDate(0), priority: "high", tags: ["work"] },
    { title: "Pay bills", dueDate: localDate(-2) },
    { title: "Write report", dueDate: localDate(0) },
    { title: "Answer email", dueDate: localDate(0) },
    { title: "Plan sprint", dueDate: localDate(3) },
  ]);
  const page = await newPage(browser);

  // Log in: Today lists what is due today or overdue, the overdue one in words.
  await logIn(page, user);
  const today = page.getByRole("list", { name: "Due today or overdue" });
  await expectTitles(today, ["Review PRs", "Pay bills", "Write report", "Answer email"]);
  await taskItem(page, "Pay bills").getByText("Overdue by 2 days").waitFor();

  // Complete two: each is announced and leaves Today.
  await page.getByRole("checkbox", { name: "Complete Review PRs" }).check();
  await page.getByTestId("announcer").getByText("Task completed: Review PRs").waitFor();
  await taskItem(page, "Review PRs").waitFor({ state: "detached" });
  await page.getByRole("checkbox", { name: "Complete Pay bills" }).check();
  await page.getByTestId("announcer").getByText("Task completed: Pay bills").waitFor();
  await taskItem(page, "Pay bills").waitFor({ state: "detached" });

  // Add one due tomorrow with the Add Task button.
  await page.getByRole("button", { name: "Add Task" }).click();
  const dialog = page.getByRole("dialog", { name: "New task" });
  await dialog.getByLabel("Title").fill("Call the dentist");
  assert.equal(await dialog.getByLabel("Due date").inputValue(), localDate(0), "the due date defaults to today on Today");
  await dialog.getByLabel("Due date").fill(localDate(1));
  await dialog.getByLabel("Priority").selectOption("high");
  await dialog.getByRole("button", { name: "Add task" }).click();
  await dialog.waitFor({ state: "hidden" });
  await page.getByTestId("announcer").getByText("Task created: Call the dentist").waitFor();

  // Reorder with the keyboard alternative; the order is the server's after a reload.
  const moved = page.waitForResponse((response) => response.url().includes("/move") && response.ok());
  await page.getByRole("button", { name: "Move Answer email up" }).click();
  await moved;
  await expectTitles(today, ["Answer email", "Write report"]);
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Today" }).waitFor();
  await expectTitles(today, ["Answer email", "Write report"]);

  // Upcoming: grouped by day, with the new task under Tomorrow.
  await page.getByRole("link", { name: "Upcoming" }).click();
  await page.getByRole("heading", { level: 1, name: "Upcoming" }).waitFor();
  const tomorrow = page.getByRole("region", { name: "Tomorrow" });
  await taskItem(tomorrow, "Call the dentist").getByText("Due tomorrow").waitFor();
  await taskItem(page, "Plan sprint").waitFor();

  // Edit a description inline: Enter saves, and it is saved on the server.
  await taskItem(page, "Call the dentist").getByRole("button", { name: /^Description of Call the dentist/ }).click();
  const description = page.getByRole("textbox", { name: "Description of Call the dentist" });
  await description.fill("Ask about the check-up");
  const saved = page.waitForResponse((response) => response.request().method() === "PATCH" && response.ok());
  await description.press("Enter");
  await taskItem(page, "Call the dentist").getByText("Ask about the check-up").waitFor();
  await saved;
  await page.reload();
  await taskItem(page, "Call the dentist").getByText("Ask about the check-up").waitFor();

  // Log out: back to the login page, and the tasks are out of reach.
  await page.getByRole("button", { name: "Log out" }).click();
  await page.waitForURL("**/login");
  await page.goto("/today");
  await page.waitForURL("**/login");
  assert.deepEqual(page.foreignRequests, [], "no request to another host");
});
