// Reminders: a due reminder pops up as a toast (and a system notification when allowed) over the live
// event stream; the permission is asked when a reminder is first chosen, not on page load.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BASE_URL, eventStreamOpened, launch, localDate, logIn, newPage, userWithTasks } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// Headless Chromium shows no system notifications: a stand-in Notification records what the app asks
// of the browser's API (permission requests, notifications) with the permission a test starts from.
async function recordNotifications(page, permission) {
  // Like a real browser, the answer to the permission prompt outlives a navigation: kept in the tab's sessionStorage.
  await page.context().addInitScript((initial) => {
    const KEY = "__recordedNotifications";
    const state = JSON.parse(sessionStorage.getItem(KEY) ?? "null") ?? { permission: initial, requested: 0, shown: [] };
    const save = () => sessionStorage.setItem(KEY, JSON.stringify(state));
    class RecordedNotification {
      static get permission() {
        return state.permission;
      }
      static async requestPermission() {
        state.requested++;
        state.permission = "denied";
        save();
        return "denied";
      }
      constructor(title, options = {}) {
        state.shown.push({ title, body: options.body, tag: options.tag });
        save();
      }
      close() {}
    }
    Object.defineProperty(window, "Notification", { value: RecordedNotification, configurable: true, writable: true });
    Object.defineProperty(window, "__notifications", { value: state });
  }, permission);
}

/** The next whole minute from now, as the due date and "HH:mm" of the browser's (and this machine's) zone. */
function nextWholeMinute() {
  const at = new Date();
  at.setSeconds(0, 0);
  at.setMinutes(at.getMinutes() + 1);
  const days = Math.round((new Date(at).setHours(0, 0, 0, 0) - new Date().setHours(0, 0, 0, 0)) / 86_400_000);
  const time = `${String(at.getHours()).padStart(2, "0")}:${String(at.getMinutes()).padStart(2, "0")}`;
  return { at, dueDate: localDate(days), dueTime: time };
}

test("a reminder at the due time pops up as a toast and a system notification; Mark done completes the task", async () => {
  const due = nextWholeMinute();
  const user = await userWithTasks([{ title: "Stand-up call", dueDate: due.dueDate, dueTime: due.dueTime, reminderMinutesBefore: 0 }]);
  const [task] = user.tasks;
  assert.equal(task.reminderMinutesBefore, 0);
  assert.equal(new Date(task.remindAt).getTime(), due.at.getTime(), "the server computes remindAt as the due moment");

  const page = await newPage(browser);
  await recordNotifications(page, "granted");
  const opened = eventStreamOpened(page);
  await logIn(page, user);
  await opened;

  // The reminder fires at the next whole minute; allow the server's scheduler 30 s past it.
  const toast = page.getByRole("status").filter({ hasText: "⏰ Stand-up call — due" });
  await toast.waitFor({ timeout: Math.max(0, due.at.getTime() - Date.now()) + 30_000 });
  await toast.getByRole("button", { name: "Open" }).waitFor();
  const shown = await page.evaluate(() => window.__notifications.shown);
  assert.equal(shown.length, 1);
  assert.equal(shown[0].title, "⏰ Stand-up call");
  assert.match(shown[0].body, /^Due /);

  const done = page.waitForResponse((r) => r.request().method() === "PATCH" && new URL(r.url()).pathname === `/api/v1/tasks/${task.id}` && r.ok());
  await toast.getByRole("button", { name: "Mark done" }).click();
  await done;
  assert.equal(await toast.count(), 0, "the toast is gone once acted on");
  const stored = await fetch(`${BASE_URL}/api/v1/tasks/${task.id}`, { headers: { Authorization: `Bearer ${user.accessToken}` } });
  assert.equal((await stored.json()).task.status, "done");
  await page.context().close();
});

test("notification permission is asked when a reminder is first chosen, and a refusal leaves the in-app fallback", async () => {
  const user = await userWithTasks([]);
  const page = await newPage(browser);
  await recordNotifications(page, "default");
  await logIn(page, user);
  assert.equal(await page.evaluate(() => window.__notifications.requested), 0, "not asked on page load");

  await page.getByRole("button", { name: "Add Task" }).click();
  const dialog = page.getByRole("dialog", { name: "New task" });
  await dialog.getByLabel("Title").fill("Call the plumber");
  await dialog.getByLabel("Due time").fill("16:45");
  await dialog.getByLabel("Reminder").selectOption({ label: "30 minutes before" });
  await page.waitForFunction(() => window.__notifications.requested === 1);
  await dialog.getByText("Browser notifications are off — reminders will show here in the app").waitFor();
  const created = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/v1/tasks");
  await dialog.getByRole("button", { name: "Add task" }).click();
  const body = (await created).request().postDataJSON();
  assert.deepEqual(
    { dueDate: body.dueDate, dueTime: body.dueTime, reminderMinutesBefore: body.reminderMinutesBefore },
    { dueDate: localDate(0), dueTime: "16:45", reminderMinutesBefore: 30 },
  );
  await page.getByTestId("task").filter({ hasText: "Call the plumber" }).getByRole("img", { name: "Reminder: 30 minutes before" }).waitFor();

  await page.goto("/settings");
  await page.getByText("Browser notifications are off — reminders will show here in the app").waitFor();
  assert.equal(await page.getByRole("button", { name: "Enable browser notifications" }).count(), 0);
  assert.equal(await page.evaluate(() => window.__notifications.requested), 1, "asked once");
  await page.context().close();
});

test("Email me reminders is saved to the profile", async () => {
  const user = await userWithTasks([]);
  const page = await newPage(browser);
  await logIn(page, user);
  await page.goto("/settings");
  const saved = page.waitForResponse((r) => r.request().method() === "PATCH" && new URL(r.url()).pathname === "/api/v1/auth/me" && r.ok());
  await page.getByRole("switch", { name: /Email me reminders/ }).check();
  await saved;
  const me = await fetch(`${BASE_URL}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${user.accessToken}` } });
  assert.equal((await me.json()).user.emailReminders, true);
  await page.context().close();
});
