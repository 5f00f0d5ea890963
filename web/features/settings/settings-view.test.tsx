import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NoticesProvider } from "@/components/ui/toast";
import { mcpConfig, SettingsView } from "./settings-view";

afterEach(cleanup);

// jsdom has no modal dialogs: open and close them by the attribute.
HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
  this.setAttribute("open", "");
};
HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
  this.removeAttribute("open");
  this.dispatchEvent(new Event("close"));
};

const SECRET = "todo_pat_abc123secret";
const listed = { id: "t1", name: "Laptop", prefix: "todo_pat_abc1", createdAt: "2026-11-22T08:00:00Z", lastUsedAt: null };

function reply(status: number, body?: unknown) {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

const user = { id: "u", email: "ann@example.com", name: "Ann", emailVerified: true, timeZone: "Europe/Paris", emailReminders: false, createdAt: "" };
let patchRefused = false;

/** A fake server for the token endpoints and the profile (the session the time-zone and reminder settings read). */
function fakeServer() {
  patchRefused = false;
  let tokens: Array<typeof listed> = [];
  const fetch = vi.fn(async (url: string, init: RequestInit = {}) => {
    const path = String(url).replace("/api/v1", "");
    if (path === "/tokens" && init.method === "POST") {
      const { name } = JSON.parse(String(init.body));
      tokens = [{ ...listed, name }];
      return reply(201, { token: tokens[0], secret: SECRET });
    }
    if (path === "/tokens") return reply(200, { tokens });
    if (path === "/auth/me" && init.method === "PATCH") {
      const changes = JSON.parse(String(init.body));
      if (patchRefused) return reply(500, { detail: "Database unavailable" });
      return reply(200, { user: { ...user, ...changes } });
    }
    if (path === "/tokens/t1" && init.method === "DELETE") {
      tokens = [];
      return reply(204);
    }
    return reply(404, { detail: "Not found" });
  });
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

function renderSettings() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(["session"], user);
  render(
    <QueryClientProvider client={queryClient}>
      <NoticesProvider>
        <SettingsView />
      </NoticesProvider>
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

describe("SettingsView tokens", () => {
  it("requires a name, then shows the new secret once with a Copy button and fills the MCP configuration", async () => {
    const fetch = fakeServer();
    const user = renderSettings();
    await screen.findByText("No tokens yet.");
    expect(screen.getByText(/"Bearer <your token>"/)).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Create token" }));
    expect(await screen.findByText("Name is required")).toBeTruthy();
    expect(fetch.mock.calls.some(([, init]) => init?.method === "POST")).toBe(false);

    await user.type(screen.getByLabelText("Token name"), "Laptop");
    await user.click(screen.getByRole("button", { name: "Create token" }));
    const panel = await screen.findByTestId("new-token");
    expect(within(panel).getByTestId("token-secret").textContent).toBe(SECRET);
    expect(within(panel).getByText(/will not be shown again/)).toBeTruthy();
    expect(document.activeElement).toBe(within(panel).getByRole("heading", { name: /Laptop/ }));
    expect(screen.getByText(new RegExp(`"Bearer ${SECRET}"`))).toBeTruthy();

    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await user.click(within(panel).getByRole("button", { name: "Copy token" }));
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(within(panel).getByRole("button", { name: "Copied token" })).toBeTruthy();

    // The list shows the prefix only; once dismissed, the secret is gone for good.
    const list = await screen.findByRole("list", { name: "Your tokens" });
    expect(within(list).getByText(/todo_pat_abc1/)).toBeTruthy();
    expect(within(list).queryByText(SECRET)).toBeNull();
    await user.click(within(panel).getByRole("button", { name: "I have copied it" }));
    expect(screen.queryByText(SECRET)).toBeNull();
    expect(screen.queryByText(new RegExp(SECRET))).toBeNull();
  });

  it("revokes a token after confirming", async () => {
    const fetch = fakeServer();
    const user = renderSettings();
    await user.type(await screen.findByLabelText("Token name"), "Laptop");
    await user.click(screen.getByRole("button", { name: "Create token" }));
    await user.click(await screen.findByRole("button", { name: "Revoke Laptop" }));
    const dialog = await screen.findByRole("dialog", { name: "Revoke token?" });
    await user.click(within(dialog).getByRole("button", { name: "Revoke" }));
    await screen.findByText("No tokens yet.");
    expect(fetch).toHaveBeenCalledWith("/api/v1/tokens/t1", expect.objectContaining({ method: "DELETE" }));
    expect(screen.queryByTestId("new-token")).toBeNull();
  });
});

describe("mcpConfig", () => {
  it("points MCP clients at <origin>/mcp with the token as a bearer header", () => {
    const { json, inspector } = mcpConfig("https://todo.example.com", "todo_pat_x");
    expect(JSON.parse(json)).toEqual({ mcpServers: { todo: { url: "https://todo.example.com/mcp", headers: { Authorization: "Bearer todo_pat_x" } } } });
    expect(inspector).toContain("npx @modelcontextprotocol/inspector");
    expect(inspector).toContain("https://todo.example.com/mcp");
    expect(mcpConfig("http://localhost:8080", null).json).toContain("Bearer <your token>");
  });
});

describe("SettingsView reminders", () => {
  afterEach(() => vi.unstubAllGlobals());

  const stubNotifications = (permission: NotificationPermission, answer: NotificationPermission = permission) => {
    const fake: { permission: NotificationPermission; requestPermission: () => Promise<NotificationPermission> } = Object.assign(function Notification() {}, {
      permission,
      requestPermission: vi.fn(async () => (fake.permission = answer)),
    });
    vi.stubGlobal("Notification", fake);
    return fake;
  };

  it("offers to enable browser notifications, asks only on the click, and says where reminders go when refused", async () => {
    fakeServer();
    const notifications = stubNotifications("default", "denied");
    const user = renderSettings();
    expect(notifications.requestPermission).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "Enable browser notifications" }));
    expect(notifications.requestPermission).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(/Browser notifications are off — reminders will show here in the app/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Enable browser notifications" })).toBeNull();
  });

  it("says notifications are on once allowed", async () => {
    fakeServer();
    stubNotifications("default", "granted");
    const user = renderSettings();
    await user.click(screen.getByRole("button", { name: "Enable browser notifications" }));
    expect(await screen.findByText(/Browser notifications are on/)).toBeTruthy();
  });

  it("shows the in-app fallback where the browser has no notifications", () => {
    fakeServer();
    renderSettings();
    expect(within(screen.getByTestId("notification-setting")).getByText(/Browser notifications are off — reminders will show here in the app/)).toBeTruthy();
  });

  it("turns reminder emails on through PATCH /auth/me", async () => {
    const fetch = fakeServer();
    const user = renderSettings();
    const emails = screen.getByRole("switch", { name: /Email me reminders/ });
    expect(emails).toHaveProperty("checked", false);
    await user.click(emails);
    expect(fetch).toHaveBeenCalledWith("/api/v1/auth/me", expect.objectContaining({ method: "PATCH", body: JSON.stringify({ emailReminders: true }) }));
    await vi.waitFor(() => expect(screen.getByRole("switch", { name: /Email me reminders/ })).toHaveProperty("checked", true));
  });

  it("puts the switch back and says why when the server refuses", async () => {
    fakeServer();
    patchRefused = true;
    const user = renderSettings();
    await user.click(screen.getByRole("switch", { name: /Email me reminders/ }));
    expect(await screen.findByRole("alert")).toHaveProperty("textContent", expect.stringContaining("Could not save the reminder email setting: Database unavailable"));
    expect(screen.getByRole("switch", { name: /Email me reminders/ })).toHaveProperty("checked", false);
  });
});
