// The assistant (/chat): a conversation that creates, lists and completes a task, its history after a
// reload, deleting it, errors with Retry, and axe on /chat in light and dark.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BASE_URL, expectNoAxeViolations, goBackTo, launch, localDate, logIn, newPage, openView, taskItem, userWithTasks, waitForQuiet } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function serverTasks(user) {
  const response = await fetch(`${BASE_URL}/api/v1/tasks?status=all&limit=100`, { headers: { Authorization: `Bearer ${user.accessToken}` } });
  assert.equal(response.status, 200);
  return (await response.json()).tasks;
}

/** Sends `message` from the message box; returns the reply once it is complete and in the log. */
async function ask(page, message) {
  const log = page.getByRole("log", { name: "Messages" });
  const replies = await log.getByTestId("assistant-message").count();
  const box = page.getByRole("textbox", { name: "Message" });
  await box.fill(message);
  await box.press("Enter");
  // The reply streams outside the live log and joins it when done.
  await log.getByTestId("assistant-message").nth(replies).waitFor({ timeout: 30_000 });
  await page.getByTestId("reply-in-progress").waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), "TEXTAREA", "focus stays in the message box");
  return log.getByTestId("assistant-message").nth(replies);
}

test("the assistant creates, lists and completes a task; the conversation survives a reload", async () => {
  const user = await userWithTasks([]);
  const page = await newPage(browser);
  await logIn(page, user);
  await page.getByRole("navigation", { name: "Views" }).getByRole("link", { name: "Assistant" }).click();
  await page.waitForURL("**/chat");
  await page.getByRole("heading", { level: 1, name: "Assistant" }).waitFor();
  await page.getByRole("button", { name: "Remind me to buy groceries tomorrow" }).waitFor();

  // Create.
  const created = await ask(page, "remind me to buy groceries tomorrow");
  const card = created.getByTestId("tool-call").filter({ hasText: "Created task" });
  await card.waitFor();
  await card.getByText("due tomorrow").waitFor();
  await page.waitForURL(/\/chat\?c=[0-9a-f-]{36}$/);
  const conversationUrl = page.url();
  const task = (await serverTasks(user)).find((t) => /groceries/i.test(t.title));
  assert.ok(task, "the server has the task");
  assert.equal(task.dueDate, localDate(1));
  assert.equal(task.status, "pending");
  await page.getByRole("navigation", { name: "Conversations" }).getByRole("link", { name: /remind me to buy groceries/i }).waitFor();

  // The card links to the task; Upcoming shows it (its cache was refreshed by the tool call).
  await card.getByRole("link", { name: task.title }).click();
  await page.waitForURL("**/all?q=*");
  const searchUrl = page.url();
  await taskItem(page, task.title).waitFor();
  // The task is on both pages: wait for Upcoming itself, or going back races the navigation still under way.
  await openView(page, "Upcoming");
  await taskItem(page, task.title).waitFor();
  await goBackTo(page, searchUrl, taskItem(page, task.title));
  await goBackTo(page, conversationUrl, page.getByRole("textbox", { name: "Message" }));

  // List.
  const listed = await ask(page, "what do I need to do tomorrow?");
  await listed.getByText(/groceries/i).first().waitFor();

  // Complete.
  const completed = await ask(page, "I bought the groceries");
  await completed.getByTestId("tool-call").filter({ hasText: "Completed task" }).waitFor();
  assert.equal((await serverTasks(user)).find((t) => t.id === task.id)?.status, "done");
  await openView(page, "Completed");
  await taskItem(page, task.title).waitFor();
  assert.equal(await taskItem(page, task.title).getByRole("checkbox").isChecked(), true);

  // The conversation comes back from the server after a reload.
  await page.goto(conversationUrl);
  const log = page.getByRole("log", { name: "Messages" });
  await log.getByText("I bought the groceries").waitFor();
  assert.equal(await log.getByTestId("user-message").count(), 3);
  assert.equal(await log.getByTestId("assistant-message").count(), 3);
  await log.getByTestId("tool-call").filter({ hasText: "Created task" }).waitFor();
  await log.getByTestId("tool-call").filter({ hasText: "Completed task" }).waitFor();

  // Delete it, after confirming.
  await page.getByRole("button", { name: "Delete conversation" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete conversation?" });
  await dialog.getByRole("button", { name: "Delete" }).click();
  await page.waitForURL(/\/chat$/);
  await page.getByRole("button", { name: "What do I need to do today?" }).waitFor();
  await page.getByRole("navigation", { name: "Conversations" }).getByText("No conversations yet.").waitFor();
  const gone = await fetch(`${BASE_URL}/api/v1/conversations/${new URL(conversationUrl).searchParams.get("c")}`, { headers: { Authorization: `Bearer ${user.accessToken}` } });
  assert.equal(gone.status, 404);
  assert.deepEqual(page.foreignRequests, []);
});

test("an example prompt sends at once; a refused or broken reply shows a message with Retry", async () => {
  const user = await userWithTasks([{ title: "Water plants", dueDate: localDate(0) }]);
  const page = await newPage(browser);
  await logIn(page, user);
  await page.goto("/chat");

  await page.getByRole("button", { name: "What do I need to do today?" }).click();
  const log = page.getByRole("log", { name: "Messages" });
  await log.getByTestId("assistant-message").getByText(/Water plants/i).first().waitFor({ timeout: 30_000 });
  await page.waitForURL(/\/chat\?c=/);

  // Rate limited: the server's 429 says how long to wait.
  await page.route("**/api/v1/chat", (route) =>
    route.fulfill({ status: 429, headers: { "Content-Type": "application/problem+json", "Retry-After": "30" }, body: JSON.stringify({ status: 429, detail: "Too many requests" }) }),
  );
  const box = page.getByRole("textbox", { name: "Message" });
  await box.fill("show my tasks");
  await box.press("Enter");
  await page.getByRole("alert").getByText("You are sending messages too quickly. Wait 30 seconds, then retry.").waitFor();

  // Retry goes to the real server again and gets an answer.
  await page.unroute("**/api/v1/chat");
  await page.getByRole("button", { name: "Retry" }).click();
  await log.getByTestId("assistant-message").nth(1).waitFor({ timeout: 30_000 });
  assert.equal(await page.getByRole("alert").filter({ hasText: "too quickly" }).count(), 0);

  // A stream that ends with `event: error` keeps what arrived and offers Retry.
  await page.route("**/api/v1/chat", (route) =>
    route.fulfill({
      status: 200,
      headers: { "Content-Type": "text/event-stream" },
      body: 'event: delta\ndata: {"text":"Let me"}\n\nevent: error\ndata: {"message":"The assistant is unavailable right now."}\n\n',
    }),
  );
  await box.fill("show my tasks");
  await box.press("Enter");
  await page.getByRole("alert").getByText("The assistant is unavailable right now.").waitFor();
  await page.getByTestId("reply-in-progress").getByText("Let me").waitFor();
  await expectNoAxeViolations(page, "/chat with an error");
});

for (const colorScheme of ["light", "dark"]) {
  test(`/chat has no axe violations (${colorScheme})`, async () => {
    const user = await userWithTasks([]);
    const page = await newPage(browser, { colorScheme });
    await logIn(page, user);
    await page.goto("/chat");
    await page.getByRole("button", { name: "I bought the groceries" }).waitFor();
    await waitForQuiet(page);
    await expectNoAxeViolations(page, `/chat empty (${colorScheme})`);

    await ask(page, "urgent: fix production bug");
    await page.getByRole("log", { name: "Messages" }).getByTestId("tool-call").first().waitFor();
    await expectNoAxeViolations(page, `/chat with messages (${colorScheme})`);

    await page.getByRole("button", { name: "Delete conversation" }).click();
    await expectNoAxeViolations(page, `delete conversation dialog (${colorScheme})`);
    await page.keyboard.press("Escape");

    // Phone width: the conversation list is a select.
    await page.setViewportSize({ width: 390, height: 800 });
    await page.getByLabel("Conversation", { exact: true }).waitFor();
    await expectNoAxeViolations(page, `/chat on a phone (${colorScheme})`);
  });
}
