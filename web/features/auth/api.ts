import { api, json, refreshAccessToken, setAccessToken, hasAccessToken, ApiError } from "@/lib/api";

export type User = {
  id: string;
  email: string;
  name: string | null;
  emailVerified: boolean;
  timeZone: string;
  /** Whether reminders are also sent by email (absent from servers before Phase V: off). */
  emailReminders?: boolean;
  createdAt: string;
};

type Session = { user: User; accessToken: string; expiresIn: number };

export type Credentials = { email: string; password: string };
export type Registration = Credentials & { name?: string };

function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

export async function login(credentials: Credentials): Promise<User> {
  const session = await api<Session>("/auth/login", { method: "POST", body: json(credentials) });
  setAccessToken(session.accessToken);
  return session.user;
}

export async function register(registration: Registration): Promise<User> {
  const session = await api<Session>("/auth/register", {
    method: "POST",
    body: json({ ...registration, name: registration.name || undefined, timeZone: browserTimeZone() }),
  });
  setAccessToken(session.accessToken);
  return session.user;
}

/** The signed-in user, or null when there is no session (no access token and no valid refresh cookie). */
export async function currentUser(): Promise<User | null> {
  if (!hasAccessToken() && !(await refreshAccessToken())) return null;
  try {
    return (await api<{ user: User }>("/auth/me")).user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function logout(): Promise<void> {
  try {
    await api("/auth/logout", { method: "POST" });
  } finally {
    setAccessToken(null);
  }
}

export function requestPasswordReset(email: string): Promise<{ message: string }> {
  return api("/auth/password-reset", { method: "POST", body: json({ email }) });
}

export function confirmPasswordReset(token: string, password: string): Promise<{ message: string }> {
  return api("/auth/password-reset/confirm", { method: "POST", body: json({ token, password }) });
}

export function verifyEmail(token: string): Promise<{ message: string }> {
  return api("/auth/verify-email", { method: "POST", body: json({ token }) });
}
