import type { User } from "@/features/auth/api";
import { api, json } from "@/lib/api";

/** A personal API token, for MCP clients; the server keeps only its hash, so the secret is never listed. */
export type ApiToken = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null };

export type CreatedToken = { token: ApiToken; secret: string };

export async function listTokens(signal?: AbortSignal): Promise<ApiToken[]> {
  return (await api<{ tokens: ApiToken[] }>("/tokens", { signal })).tokens;
}

export function createToken(name: string): Promise<CreatedToken> {
  return api<CreatedToken>("/tokens", { method: "POST", body: json({ name }) });
}

export async function revokeToken(id: string): Promise<void> {
  await api(`/tokens/${encodeURIComponent(id)}`, { method: "DELETE" });
}

/** Changes the signed-in user's profile: time zone, reminder emails. */
export async function updateProfile(changes: Partial<Pick<User, "timeZone" | "emailReminders">>): Promise<User> {
  return (await api<{ user: User }>("/auth/me", { method: "PATCH", body: json(changes) })).user;
}
