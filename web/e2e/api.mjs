// The API side of the end-to-end tests: the app's address and users made over the API. Kept apart from
// support.mjs (which registers test hooks) so scripts/lighthouse.mjs can use it outside the test runner.
import assert from "node:assert/strict";

export const BASE_URL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000";

export function localDate(daysFromToday = 0) {
  const date = new Date();
  date.setDate(date.getDate() + daysFromToday);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

let counter = 0;

/** Registers a new user over the API (in the browser's time zone) and adds `tasks` for them. */
export async function userWithTasks(tasks = []) {
  const email = `e2e-${Date.now()}-${process.pid}-${counter++}@example.com`;
  const password = "correct horse battery";
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const registered = await fetch(`${BASE_URL}/api/v1/auth/register`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password, name: "E2E User", timeZone }),
  });
  assert.equal(registered.status, 201, await registered.clone().text());
  const { accessToken } = await registered.json();
  const created = [];
  for (const task of tasks) {
    const response = await fetch(`${BASE_URL}/api/v1/tasks`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${accessToken}` },
      body: JSON.stringify(task),
    });
    assert.equal(response.status, 201, await response.clone().text());
    created.push((await response.json()).task);
  }
  return { email, password, accessToken, tasks: created };
}
