/**
 * The HTTP client of the `/api/v1` contract. The access token lives in memory only; on a 401 the
 * client refreshes it once through the httpOnly refresh cookie and repeats the request.
 */

const BASE = (process.env.NEXT_PUBLIC_API_URL ?? "").replace(/\/$/, "");

export function apiUrl(path: string): string {
  return `${BASE}/api/v1${path}`;
}

/** An RFC 9457 problem: `detail` for people, `errors` (field → message) for bad fields. */
export class ApiError extends Error {
  readonly status: number;
  readonly errors: Record<string, string>;

  constructor(status: number, detail: string, errors: Record<string, string> = {}) {
    super(detail);
    this.name = "ApiError";
    this.status = status;
    this.errors = errors;
  }
}

// Requests whose 401 means "wrong credentials", not "expired access token".
const NO_REFRESH = ["/auth/login", "/auth/register", "/auth/refresh", "/auth/password-reset", "/auth/verify-email"];

const UNREACHABLE = "Cannot reach the server. Check your connection and try again.";

let accessToken: string | null = null;
let refreshing: Promise<boolean> | null = null;

export function setAccessToken(token: string | null): void {
  accessToken = token;
}

export function hasAccessToken(): boolean {
  return accessToken !== null;
}

/** Asks for a new access token with the refresh cookie; concurrent callers share one request. */
export function refreshAccessToken(): Promise<boolean> {
  refreshing ??= fetch(apiUrl("/auth/refresh"), { method: "POST", credentials: "include" })
    .then(async (response) => {
      if (!response.ok) {
        accessToken = null;
        return false;
      }
      const body = (await response.json()) as { accessToken: string };
      accessToken = body.accessToken;
      return true;
    })
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/** The {@link ApiError} of a response that is not ok (its RFC 9457 problem, if it has one). */
export async function problemOf(response: Response): Promise<ApiError> {
  try {
    const problem = (await response.json()) as { detail?: string; title?: string; errors?: Record<string, string> };
    return new ApiError(response.status, problem.detail ?? problem.title ?? response.statusText, problem.errors ?? {});
  } catch {
    return new ApiError(response.status, response.statusText || `Request failed (${response.status})`);
  }
}

function send(path: string, init: RequestInit): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.body !== undefined && !headers.has("Content-Type")) headers.set("Content-Type", "application/json");
  if (accessToken) headers.set("Authorization", `Bearer ${accessToken}`);
  return fetch(apiUrl(path), { ...init, headers, credentials: "include" });
}

/**
 * Sends a request with the access token (refreshing it once on a 401) and returns the response as it
 * is, whatever its status: for answers read as they arrive, like the assistant's event stream.
 * Throws an {@link ApiError} (status 0) only when the server cannot be reached; an aborted request
 * rethrows the abort.
 */
export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  try {
    const response = await send(path, init);
    if (response.status === 401 && !NO_REFRESH.some((prefix) => path.startsWith(prefix)) && (await refreshAccessToken())) {
      return await send(path, init);
    }
    return response;
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiError(0, UNREACHABLE);
  }
}

/** Sends a request and returns the parsed JSON body, or throws an {@link ApiError}. */
export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await apiFetch(path, init);
  } catch {
    throw new ApiError(0, UNREACHABLE);
  }
  if (!response.ok) throw await problemOf(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export function json(body: unknown): string {
  return JSON.stringify(body);
}
