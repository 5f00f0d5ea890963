"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useId, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/error-state";
import { Field } from "@/components/ui/field";
import { ListSkeleton } from "@/components/ui/skeleton";
import { showServerErrors } from "@/features/auth/server-errors";
import { useSession } from "@/features/auth/use-session";
import type { ApiToken, CreatedToken } from "./api";
import { CopyButton } from "./copy-button";
import { tokenSchema, type TokenValues } from "./schemas";
import { askForNotifications, NOTIFICATIONS_OFF, useNotificationState } from "@/features/reminders/notifications";
import { useCreateToken, useRevokeToken, useTokens, useUpdateEmailReminders, useUpdateTimeZone } from "./use-settings";

export const TOKEN_PLACEHOLDER = "<your token>";

export function SettingsView() {
  // The secret of a token just created: shown once, gone when the page is left.
  const [created, setCreated] = useState<CreatedToken | null>(null);
  return (
    <>
      <h1 className="text-2xl font-bold">Settings</h1>
      <TokensSection created={created} onCreated={setCreated} />
      <McpSection secret={created?.secret ?? null} />
      <RemindersSection />
      <TimeZoneSection />
    </>
  );
}

function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric" });
}

function TokensSection({ created, onCreated }: { created: CreatedToken | null; onCreated: (token: CreatedToken | null) => void }) {
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [confirming, setConfirming] = useState<ApiToken | null>(null);

  return (
    <section aria-labelledby="tokens-heading" className="flex flex-col gap-3">
      <div>
        <h2 id="tokens-heading" className="text-lg font-semibold">
          API tokens
        </h2>
        <p className="text-sm text-muted">
          Personal tokens let MCP clients such as Claude Desktop or Cursor reach your tasks. Anyone with a token can read and
          change your tasks: revoke the ones you no longer use.
        </p>
      </div>

      <NewTokenForm onCreated={onCreated} />
      {created && <NewSecret created={created} onDone={() => onCreated(null)} />}

      {tokens.isPending && <ListSkeleton rows={2} label="Loading tokens" />}
      {tokens.isError && <ErrorState message={`Could not load your tokens: ${tokens.error.message}`} onRetry={() => void tokens.refetch()} />}
      {tokens.isSuccess && tokens.data.length === 0 && <p className="text-sm text-muted">No tokens yet.</p>}
      {tokens.isSuccess && tokens.data.length > 0 && (
        <ul aria-label="Your tokens" className="flex flex-col gap-2">
          {tokens.data.map((token) => (
            <li key={token.id} data-testid="token" className="flex items-center justify-between gap-3 rounded-lg border border-border p-3">
              <div className="flex min-w-0 flex-col gap-0.5">
                <p className="truncate font-medium">{token.name}</p>
                <p className="text-xs text-muted">
                  <code>{token.prefix}…</code> · created {formatDate(token.createdAt)} ·{" "}
                  {token.lastUsedAt ? `last used ${formatDate(token.lastUsedAt)}` : "never used"}
                </p>
              </div>
              <button type="button" className="btn btn-secondary shrink-0" aria-label={`Revoke ${token.name}`} onClick={() => setConfirming(token)}>
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}

      <Dialog
        open={confirming !== null}
        onClose={() => setConfirming(null)}
        title="Revoke token?"
        description={confirming ? `Clients using "${confirming.name}" will no longer reach your tasks. This cannot be undone.` : undefined}
      >
        <form
          method="dialog"
          className="flex justify-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (confirming) {
              revoke.mutate(confirming);
              if (created?.token.id === confirming.id) onCreated(null);
            }
            setConfirming(null);
          }}
        >
          <button type="button" className="btn btn-secondary" autoFocus onClick={() => setConfirming(null)}>
            Cancel
          </button>
          <button type="submit" className="btn btn-danger">
            Revoke
          </button>
        </form>
      </Dialog>
    </section>
  );
}

function NewTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const create = useCreateToken();
  const { register, handleSubmit, setError, reset, formState } = useForm<TokenValues>({
    resolver: zodResolver(tokenSchema),
    mode: "onTouched",
    defaultValues: { name: "" },
  });
  const { errors, isSubmitting } = formState;

  return (
    <form
      noValidate
      aria-label="New token"
      className="flex flex-col gap-2 sm:flex-row sm:items-start"
      onSubmit={handleSubmit(async ({ name }) => {
        try {
          onCreated(await create.mutateAsync(name));
          reset();
        } catch (error) {
          showServerErrors(error, ["name"], setError);
        }
      })}
    >
      <div className="flex-1">
        <Field label="Token name" placeholder="e.g. Claude Desktop at home" maxLength={100} error={errors.name?.message ?? errors.root?.server?.message} {...register("name")} />
      </div>
      <button type="submit" className="btn btn-primary sm:mt-6" disabled={isSubmitting}>
        {isSubmitting ? "Creating…" : "Create token"}
      </button>
    </form>
  );
}

/** The secret of the token just created, with the warning that it will not be shown again. */
function NewSecret({ created, onDone }: { created: CreatedToken; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [created]);
  return (
    <div className="flex flex-col gap-3 rounded-lg border border-warning p-4" data-testid="new-token">
      <h3 ref={heading} tabIndex={-1} className="font-semibold">
        Token &ldquo;{created.token.name}&rdquo; created
      </h3>
      <p className="text-sm text-warning">
        <strong>Copy it now: it will not be shown again.</strong> The server keeps only a fingerprint of it.
      </p>
      <div className="flex items-center gap-2">
        <code data-testid="token-secret" className="min-w-0 flex-1 break-all rounded-md bg-surface px-3 py-2 font-mono text-sm">
          {created.secret}
        </code>
        <CopyButton text={created.secret} what="token" />
      </div>
      <div>
        <button type="button" className="btn btn-secondary" onClick={onDone}>
          I have copied it
        </button>
      </div>
    </div>
  );
}

/** What an MCP client needs: the server's address and a token, as configuration to copy. */
export function mcpConfig(origin: string, secret: string | null): { json: string; inspector: string } {
  const url = `${origin}/mcp`;
  const token = secret ?? TOKEN_PLACEHOLDER;
  const json = JSON.stringify({ mcpServers: { todo: { url, headers: { Authorization: `Bearer ${token}` } } } }, null, 2);
  const inspector = `npx @modelcontextprotocol/inspector --cli ${url} --transport http --header "Authorization: Bearer ${token}" --method tools/list`;
  return { json, inspector };
}

function McpSection({ secret }: { secret: string | null }) {
  // The page's own origin, known only in the browser (the page is static).
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  const config = mcpConfig(origin, secret);

  return (
    <section aria-labelledby="mcp-heading" className="flex flex-col gap-3">
      <div>
        <h2 id="mcp-heading" className="text-lg font-semibold">
          Connect an MCP client
        </h2>
        <p className="text-sm text-muted">
          {secret
            ? "Filled in with the token you just created."
            : `Create a token above, or put one of yours in place of ${TOKEN_PLACEHOLDER}.`}
        </p>
      </div>
      <Snippet title="Claude Desktop, Cursor and similar clients (JSON configuration)" text={config.json} what="configuration" />
      <Snippet title="Try it with the MCP Inspector" text={config.inspector} what="command" />
    </section>
  );
}

function Snippet({ title, text, what }: { title: string; text: string; what: string }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center justify-between gap-2">
        <h3 id={id} className="text-sm font-medium">
          {title}
        </h3>
        <CopyButton text={text} what={what} />
      </div>
      <pre aria-labelledby={id} tabIndex={0} className="overflow-x-auto rounded-md border border-border bg-surface p-3 font-mono text-xs">
        {text}
      </pre>
    </div>
  );
}

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return [];
  }
}

function TimeZoneSection() {
  const session = useSession();
  const save = useUpdateTimeZone();
  const id = useId();
  const current = session.data?.timeZone ?? "";
  const [zone, setZone] = useState(current);
  useEffect(() => setZone(current), [current]);
  const [zones] = useState(timeZones);
  const options = zones.includes(current) || !current ? zones : [current, ...zones];

  return (
    <section aria-labelledby="zone-heading" className="flex flex-col gap-3">
      <div>
        <h2 id="zone-heading" className="text-lg font-semibold">
          Time zone
        </h2>
        <p className="text-sm text-muted">Decides what &ldquo;today&rdquo; and &ldquo;tomorrow&rdquo; mean for your tasks and the assistant.</p>
      </div>
      <form
        className="flex flex-col gap-2 sm:flex-row sm:items-end"
        onSubmit={(event) => {
          event.preventDefault();
          if (zone && zone !== current) save.mutate(zone);
        }}
      >
        <div className="flex flex-1 flex-col gap-1">
          <label htmlFor={id} className="text-sm font-medium">
            Your time zone
          </label>
          <select id={id} className="input" value={zone} onChange={(event) => setZone(event.target.value)}>
            {options.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, " ")}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-primary" disabled={save.isPending || !zone || zone === current}>
          {save.isPending ? "Saving…" : "Save time zone"}
        </button>
      </form>
    </section>
  );
}

/** Where reminders reach the user: this browser's notifications (asked for here, on a click) and email. */
function RemindersSection() {
  const session = useSession();
  const permission = useNotificationState();
  const emails = useUpdateEmailReminders();
  const emailOn = session.data?.emailReminders ?? false;

  return (
    <section aria-labelledby="reminders-heading" className="flex flex-col gap-3">
      <div>
        <h2 id="reminders-heading" className="text-lg font-semibold">
          Reminders
        </h2>
        <p className="text-sm text-muted">A task with a reminder pops up here in the app at its time, while Todo is open.</p>
      </div>
      <div className="flex flex-col gap-2" data-testid="notification-setting">
        {permission === "default" && (
          <div>
            <button type="button" className="btn btn-secondary" onClick={() => void askForNotifications()}>
              Enable browser notifications
            </button>
          </div>
        )}
        {permission === "granted" && <p className="text-sm">Browser notifications are on: reminders also show when Todo is in the background.</p>}
        {(permission === "denied" || permission === "unsupported") && (
          <p className="text-sm text-muted">
            {NOTIFICATIONS_OFF}
            {permission === "denied" ? " (allow notifications for this site in the browser's settings to turn them on)." : "."}
          </p>
        )}
      </div>
      <label className="flex items-center justify-between gap-3 rounded-lg border border-border p-3">
        <span className="flex flex-col">
          <span className="text-sm font-medium">Email me reminders</span>
          <span className="text-xs text-muted">Also send each reminder to {session.data?.email ?? "your email address"}.</span>
        </span>
        <input
          type="checkbox"
          role="switch"
          className="h-5 w-9 shrink-0 accent-[var(--accent)]"
          checked={emailOn}
          disabled={!session.data || emails.isPending}
          onChange={(event) => emails.mutate(event.target.checked)}
        />
      </label>
    </section>
  );
}
