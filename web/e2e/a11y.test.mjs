// axe-core (WCAG 2.1 A/AA and best practices) on every page and every dialog, with zero violations.
import { after, before, test } from "node:test";
import { expectNoAxeViolations, launch, localDate, logIn, newPage, openView, taskItem, userWithTasks } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

for (const colorScheme of ["light", "dark"]) {
  test(`signed-out pages have no axe violations (${colorScheme})`, async () => {
    const page = await newPage(browser, { colorScheme });
    for (const [path, heading] of [
      ["/login", "Log in to Todo"],
      ["/register", "Create your account"],
      ["/forgot-password", "Reset your password"],
      ["/reset-password?token=abc", "Choose a new password"],
      ["/verify-email?token=abc", "Verify your email"],
    ]) {
      await page.goto(path);
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      await page.waitForLoadState("networkidle");
      await expectNoAxeViolations(page, `${path} (${colorScheme})`);
    }
    // With errors showing.
    await page.goto("/register");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByText("Password must be at least 8 characters").waitFor();
    await expectNoAxeViolations(page, `/register with errors (${colorScheme})`);
  });

  test(`signed-in views and dialogs have no axe violations (${colorScheme})`, async () => {
    const user = await userWithTasks([
      { title: "Overdue report", dueDate: localDate(-1), priority: "high", tags: ["work"], description: "Numbers for Q3" },
      { title: "Due today", dueDate: localDate(0) },
      { title: "Next week", dueDate: localDate(3), priority: "low" },
      { title: "Someday", tags: ["ideas"] },
      { title: "Done already", status: "done" },
    ]);
    const page = await newPage(browser, { colorScheme });
    await logIn(page, user);
    for (const [link, path, title] of [
      ["Today", "/today", "Overdue report"],
      ["Upcoming", "/upcoming", "Next week"],
      ["All Tasks", "/all", "Someday"],
      ["Completed", "/completed", "Done already"],
    ]) {
      await page.getByRole("link", { name: link }).click();
      await page.waitForURL(`**${path}`);
      await taskItem(page, title).waitFor();
      await expectNoAxeViolations(page, `${path} (${colorScheme})`);
    }
    await openView(page, "Today");
    await taskItem(page, "Overdue report").waitFor();

    await page.getByRole("button", { name: "Add Task" }).click();
    await page.getByRole("dialog", { name: "New task" }).getByRole("button", { name: "Add task" }).click();
    await page.getByText("Title is required").waitFor();
    await expectNoAxeViolations(page, `new-task dialog (${colorScheme})`);
    await page.keyboard.press("Escape");

    await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
    await expectNoAxeViolations(page, `help dialog (${colorScheme})`);
    await page.keyboard.press("Escape");

    await page.getByRole("button", { name: "Delete Due today" }).click();
    await expectNoAxeViolations(page, `delete dialog (${colorScheme})`);
    await page.getByRole("dialog", { name: "Delete task?" }).getByRole("button", { name: "Delete" }).click();
    await page.getByRole("button", { name: "Undo" }).waitFor();
    await expectNoAxeViolations(page, `undo toast (${colorScheme})`);

    await taskItem(page, "Overdue report").getByRole("button", { name: /^Title of Overdue report/ }).click();
    await expectNoAxeViolations(page, `inline edit (${colorScheme})`);
  });
}
