// The MCP server at /mcp, driven by an independent client: the official TypeScript SDK over Streamable
// HTTP, signed in with the user's access token or with a personal API token. No browser needed.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { BASE_URL, localDate, userWithTasks } from "./support.mjs";

const TOOLS = ["complete_task", "create_task", "delete_task", "get_task", "list_tasks", "search_tasks", "update_task"];

const clients = [];
after(async () => {
  await Promise.all(clients.map((client) => client.close()));
});

/** A connected (initialized) client sending `token` (if any) as its Bearer credential. */
async function connect(token) {
  const transport = new StreamableHTTPClientTransport(new URL("/mcp", BASE_URL), {
    requestInit: { headers: token ? { Authorization: `Bearer ${token}` } : {} },
  });
  const client = new Client({ name: "todo-e2e", version: "1.0.0" });
  clients.push(client);
  await client.connect(transport);
  return client;
}

/** Calls a tool that must succeed and returns its structured content. */
async function call(client, name, args) {
  const result = await client.callTool({ name, arguments: args });
  assert.notEqual(result.isError, true, `${name} failed: ${JSON.stringify(result.content)}`);
  assert.ok(result.structuredContent, `${name} returned structured content`);
  assert.deepEqual(JSON.parse(result.content[0].text), result.structuredContent, "the text mirrors the structured content");
  return result.structuredContent;
}

async function serverTask(user, id) {
  return fetch(`${BASE_URL}/api/v1/tasks/${id}`, { headers: { Authorization: `Bearer ${user.accessToken}` } });
}

test("an MCP client signed in with the access token manages the user's tasks", async () => {
  const user = await userWithTasks([{ title: "Already there", dueDate: localDate(0) }]);
  const client = await connect(user.accessToken);

  assert.equal(client.getServerVersion()?.name, "todo");
  assert.match(client.getInstructions() ?? "", /list_tasks/);
  const { tools } = await client.listTools();
  assert.deepEqual(tools.map((tool) => tool.name).sort(), TOOLS);
  const create = tools.find((tool) => tool.name === "create_task");
  assert.deepEqual(create.inputSchema.required, ["title"]);
  assert.equal(create.annotations.readOnlyHint, false);
  assert.equal(tools.find((tool) => tool.name === "delete_task").annotations.destructiveHint, true);
  assert.equal(tools.find((tool) => tool.name === "list_tasks").annotations.readOnlyHint, true);

  const { task } = await call(client, "create_task", { title: "Email Ana", due_date: localDate(1), priority: "high", tags: ["work"] });
  assert.equal(task.title, "Email Ana");
  assert.equal(task.status, "pending");
  assert.equal(task.priority, "high");
  assert.equal(task.due_date, localDate(1));
  assert.deepEqual(task.tags, ["work"]);
  const stored = await serverTask(user, task.id);
  assert.equal(stored.status, 200);
  assert.equal((await stored.json()).task.dueDate, localDate(1));

  const listed = await call(client, "list_tasks", {});
  assert.equal(listed.total, 2);
  assert.deepEqual(listed.tasks.map((t) => t.title).sort(), ["Already there", "Email Ana"]);
  const today = await call(client, "list_tasks", { view: "today" });
  assert.deepEqual(today.tasks.map((t) => t.title), ["Already there"]);

  const done = await call(client, "complete_task", { task_id: String(task.id) });
  assert.equal(done.task.status, "done");
  assert.ok(done.task.completed_at);
  const fetched = await call(client, "get_task", { task_id: task.id });
  assert.equal(fetched.task.status, "done");
  assert.equal(fetched.task.completed_at, done.task.completed_at);
  assert.equal((await (await serverTask(user, task.id)).json()).task.status, "done");

  const found = await call(client, "search_tasks", { query: "ana" });
  assert.deepEqual(found.tasks.map((t) => t.id), [task.id]);

  const deleted = await call(client, "delete_task", { task_id: task.id });
  assert.equal(deleted.deleted, true);
  assert.equal((await serverTask(user, task.id)).status, 404);
});

test("mistakes come back as tool errors with a clear message, and the client carries on", async () => {
  const user = await userWithTasks();
  const client = await connect(user.accessToken);

  const missing = await client.callTool({ name: "get_task", arguments: { task_id: "999999" } });
  assert.equal(missing.isError, true);
  assert.match(missing.content[0].text, /Task 999999 not found/);

  const badDate = await client.callTool({ name: "create_task", arguments: { title: "Dentist", due_date: "tomorrow" } });
  assert.equal(badDate.isError, true);
  assert.match(badDate.content[0].text, /due_date/);

  const noTitle = await client.callTool({ name: "create_task", arguments: {} });
  assert.equal(noTitle.isError, true);
  assert.match(noTitle.content[0].text, /title/);

  assert.equal((await call(client, "list_tasks", { status: "all" })).total, 0, "nothing was created");
});

test("a personal API token works on /mcp, is refused by the REST API, and stops working once revoked", async () => {
  const user = await userWithTasks([{ title: "Water plants" }]);
  const response = await fetch(`${BASE_URL}/api/v1/tokens`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${user.accessToken}` },
    body: JSON.stringify({ name: "e2e client" }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  const { token, secret } = await response.json();
  assert.match(secret, /^todo_pat_/);

  const client = await connect(secret);
  const listed = await call(client, "list_tasks", {});
  assert.deepEqual(listed.tasks.map((t) => t.title), ["Water plants"]);
  const { task } = await call(client, "create_task", { title: "Made with a token" });
  assert.equal((await serverTask(user, task.id)).status, 200);

  const rest = await fetch(`${BASE_URL}/api/v1/tasks`, { headers: { Authorization: `Bearer ${secret}` } });
  assert.equal(rest.status, 401, "personal tokens are for /mcp only");

  const revoked = await fetch(`${BASE_URL}/api/v1/tokens/${token.id}`, {
    method: "DELETE",
    headers: { Authorization: `Bearer ${user.accessToken}` },
  });
  assert.equal(revoked.status, 204);
  await assert.rejects(client.callTool({ name: "list_tasks", arguments: {} }), (error) => error.code === 401);
  await assert.rejects(connect(secret), (error) => error.code === 401);
});

test("without a token, or with a made-up one, the client cannot connect", async () => {
  await assert.rejects(connect(undefined), (error) => error.code === 401);
  await assert.rejects(connect("not-a-token"), (error) => error.code === 401);
  await assert.rejects(connect(`todo_pat_${"x".repeat(43)}`), (error) => error.code === 401);
});
