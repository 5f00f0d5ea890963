import { afterEach, describe, expect, it, vi } from "vitest";
import { api, ApiError, apiFetch, problemOf, setAccessToken } from "./api";

function reply(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

afterEach(() => setAccessToken(null));

describe("api", () => {
  it("refreshes an expired access token through the cookie once, then repeats the request", async () => {
    setAccessToken("expired");
    const fetch = vi.fn()
      .mockResolvedValueOnce(reply(401, { detail: "Expired" }))
      .mockResolvedValueOnce(reply(200, { accessToken: "fresh", refreshToken: "r", expiresIn: 900 }))
      .mockResolvedValueOnce(reply(200, { tasks: [] }));
    vi.stubGlobal("fetch", fetch);

    await expect(api("/tasks")).resolves.toEqual({ tasks: [] });

    expect(fetch.mock.calls.map(([url]) => url)).toEqual(["/api/v1/tasks", "/api/v1/auth/refresh", "/api/v1/tasks"]);
    expect(fetch.mock.calls[1][1]).toMatchObject({ method: "POST", credentials: "include" });
    expect(new Headers(fetch.mock.calls[2][1].headers).get("Authorization")).toBe("Bearer fresh");
  });

  it("turns a problem+json answer into an ApiError with the field errors", async () => {
    vi.stubGlobal("fetch", vi.fn().mockResolvedValue(reply(400, {
      detail: "Password must be at least 8 characters",
      errors: { password: "Password must be at least 8 characters" },
    })));
    const error = await api("/auth/register", { method: "POST", body: "{}" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, message: "Password must be at least 8 characters", errors: { password: "Password must be at least 8 characters" } });
  });

  it("does not try to refresh when the credentials themselves are wrong", async () => {
    const fetch = vi.fn().mockResolvedValue(reply(401, { detail: "Invalid credentials" }));
    vi.stubGlobal("fetch", fetch);
    await expect(api("/auth/login", { method: "POST", body: "{}" })).rejects.toThrow("Invalid credentials");
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("says so when the server cannot be reached", async () => {
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new TypeError("Failed to fetch")));
    await expect(api("/tasks")).rejects.toMatchObject({ status: 0, message: expect.stringContaining("Cannot reach the server") });
  });
});

describe("apiFetch", () => {
  it("hands back the raw response for streaming, after refreshing once on a 401", async () => {
    setAccessToken("expired");
    const fetch = vi.fn()
      .mockResolvedValueOnce(reply(401, { detail: "Expired" }))
      .mockResolvedValueOnce(reply(200, { accessToken: "fresh", refreshToken: "r", expiresIn: 900 }))
      .mockResolvedValueOnce(new Response("event: start\ndata: {}\n\n", { status: 200, headers: { "Content-Type": "text/event-stream" } }));
    vi.stubGlobal("fetch", fetch);

    const response = await apiFetch("/chat", { method: "POST", body: "{}", headers: { Accept: "text/event-stream" } });

    expect(await response.text()).toBe("event: start\ndata: {}\n\n");
    const headers = new Headers(fetch.mock.calls[2][1].headers);
    expect(headers.get("Authorization")).toBe("Bearer fresh");
    expect(headers.get("Accept")).toBe("text/event-stream");
  });

  it("returns an error answer as it is; problemOf reads its problem", async () => {
    vi.stubGlobal("fetch", vi.fn().mockResolvedValue(reply(429, { detail: "Too many requests" })));
    const response = await apiFetch("/chat", { method: "POST", body: "{}" });
    expect(response.status).toBe(429);
    await expect(problemOf(response)).resolves.toMatchObject({ status: 429, message: "Too many requests" });
  });
});
