"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/error-state";
import { ListSkeleton } from "@/components/ui/skeleton";
import { ApiError } from "@/lib/api";
import { ToolCallCards } from "./tool-call-card";
import type { ChatMessage, ConversationSummary } from "./types";
import { useChat, useConversation, useConversations, useDeleteConversation, type Turn } from "./use-chat";

export const EXAMPLE_PROMPTS = [
  "What do I need to do today?",
  "Remind me to buy groceries tomorrow",
  "urgent: fix production bug",
  "I bought the groceries",
];

export const MESSAGE_MAX_LENGTH = 2000;

/** The assistant: conversations on the side, the chosen one's messages, and the message box. */
export function ChatView() {
  const params = useSearchParams();
  const router = useRouter();
  const onStarted = useCallback((id: string) => router.replace(`/chat?c=${id}`, { scroll: false }), [router]);
  const chat = useChat(params.get("c"), onStarted);
  const conversationId = chat.conversationId;
  const conversations = useConversations();
  const conversation = useConversation(conversationId);
  const remove = useDeleteConversation();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);

  const title =
    conversation.data?.title ?? conversations.data?.find((c) => c.id === conversationId)?.title ?? "Conversation";
  const messages = conversationId ? (conversation.data?.messages ?? []) : [];
  const empty = !conversationId && !chat.turn;

  const send = (message: string) => {
    input.current?.focus();
    void chat.send(message);
  };

  return (
    <div className="flex flex-col gap-4 md:flex-row md:items-start">
      <ConversationNav conversations={conversations} currentId={conversationId} onPick={(id) => router.push(id ? `/chat?c=${id}` : "/chat")} />
      <div className="flex min-w-0 flex-1 flex-col gap-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-bold">Assistant</h1>
          <div className="flex gap-2">
            {conversationId && (
              <button type="button" className="btn btn-secondary" onClick={() => setConfirmingDelete(true)} disabled={chat.streaming}>
                Delete conversation
              </button>
            )}
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => {
                chat.reset();
                router.push("/chat");
                input.current?.focus();
              }}
            >
              <span aria-hidden="true">+</span> New conversation
            </button>
          </div>
        </div>

        {conversationId && conversation.isPending && <ListSkeleton rows={3} label="Loading the conversation" />}
        {conversationId && conversation.isError && (
          conversation.error instanceof ApiError && conversation.error.status === 404 ? (
            <div role="alert" className="flex flex-col items-start gap-3 rounded-lg border border-danger p-4">
              <p className="text-danger">This conversation does not exist (any more).</p>
              <Link href="/chat" className="btn btn-secondary">
                Start a new conversation
              </Link>
            </div>
          ) : (
            <ErrorState message={`Could not load the conversation: ${conversation.error.message}`} onRetry={() => void conversation.refetch()} />
          )
        )}

        <MessageLog messages={messages} turn={chat.turn} onRetry={chat.retry} />

        {empty && <ExamplePrompts onPick={send} />}

        <MessageBox inputRef={input} streaming={chat.streaming} onSend={send} />
      </div>

      <Dialog
        open={confirmingDelete}
        onClose={() => setConfirmingDelete(false)}
        title="Delete conversation?"
        description={`"${title}" and all its messages will be deleted. Your tasks stay as they are.`}
      >
        <form
          method="dialog"
          className="flex justify-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            setConfirmingDelete(false);
            if (!conversationId) return;
            // Leave first, so nothing shows the conversation while it is being deleted.
            router.replace("/chat");
            remove.mutate({ id: conversationId, title });
          }}
        >
          <button type="button" className="btn btn-secondary" autoFocus onClick={() => setConfirmingDelete(false)}>
            Cancel
          </button>
          <button type="submit" className="btn btn-danger">
            Delete
          </button>
        </form>
      </Dialog>
    </div>
  );
}

type ConversationsQuery = ReturnType<typeof useConversations>;

function when(iso: string): string {
  const date = new Date(iso);
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay
    ? date.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" })
    : date.toLocaleDateString("en-US", { month: "short", day: "numeric" });
}

/** The conversation list: a sidebar on wide screens, a select on phones. */
function ConversationNav({ conversations, currentId, onPick }: { conversations: ConversationsQuery; currentId: string | null; onPick: (id: string | null) => void }) {
  const selectId = useId();
  const list: ConversationSummary[] = conversations.data ?? [];
  // A conversation just started may not be in the list yet.
  const currentMissing = currentId !== null && !list.some((c) => c.id === currentId);

  return (
    <>
      <div className="flex flex-col gap-1 md:hidden">
        <label htmlFor={selectId} className="text-xs font-medium">
          Conversation
        </label>
        <select id={selectId} className="input py-1.5 text-sm" value={currentId ?? ""} onChange={(event) => onPick(event.target.value || null)}>
          <option value="">New conversation</option>
          {currentMissing && <option value={currentId}>This conversation</option>}
          {list.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </div>
      <nav aria-label="Conversations" className="hidden w-56 shrink-0 flex-col gap-2 md:flex">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-muted">Conversations</h2>
        {conversations.isPending && <ListSkeleton rows={3} label="Loading conversations" />}
        {conversations.isError && (
          <div className="flex flex-col items-start gap-2 text-sm">
            <p className="text-danger">Could not load your conversations.</p>
            <button type="button" className="btn btn-secondary" onClick={() => void conversations.refetch()}>
              Retry
            </button>
          </div>
        )}
        {conversations.isSuccess && list.length === 0 && <p className="text-sm text-muted">No conversations yet.</p>}
        {list.length > 0 && (
          <ul className="flex flex-col gap-1">
            {list.map((c) => {
              const current = c.id === currentId;
              return (
                <li key={c.id}>
                  <Link
                    href={`/chat?c=${c.id}`}
                    aria-current={current ? "page" : undefined}
                    className={`flex flex-col rounded-md px-2 py-1.5 text-sm ${current ? "bg-surface font-medium text-fg" : "text-fg hover:bg-surface"}`}
                  >
                    <span className="truncate">{c.title}</span>
                    <span className="text-xs text-muted">{when(c.updatedAt)}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
      </nav>
    </>
  );
}

function Message({ role, pending = false, children }: { role: ChatMessage["role"]; pending?: boolean; children: React.ReactNode }) {
  const mine = role === "user";
  const testId = pending ? "pending-reply" : mine ? "user-message" : "assistant-message";
  return (
    <div data-testid={testId} className={`flex flex-col gap-1.5 ${mine ? "items-end" : "items-start"}`}>
      {children}
    </div>
  );
}

function Bubble({ role, text }: { role: ChatMessage["role"]; text: string }) {
  const mine = role === "user";
  return (
    <p className={`max-w-[85%] whitespace-pre-wrap break-words rounded-lg px-3 py-2 ${mine ? "bg-accent text-accent-fg" : "bg-surface text-fg"}`}>
      <span className="sr-only">{mine ? "You: " : "Assistant: "}</span>
      {text}
    </p>
  );
}

/**
 * The messages, as a polite live log, then the exchange in progress outside it: the reply streams
 * there, and joins the log only once it is complete, so screen readers read it once, whole, instead
 * of every piece of it.
 */
function MessageLog({ messages, turn, onRetry }: { messages: ChatMessage[]; turn: Turn | null; onRetry: () => void }) {
  const end = useRef<HTMLDivElement>(null);
  const streaming = turn?.status === "streaming";

  useEffect(() => {
    end.current?.scrollIntoView?.({ block: "nearest" });
  }, [messages.length, turn?.reply, turn?.toolCalls.length, turn?.status]);

  return (
    <div className="flex flex-col gap-4">
      <div role="log" aria-live="polite" aria-label="Messages" className="flex flex-col gap-4">
        {messages.map((message) => (
          <Message key={message.id} role={message.role}>
            {message.content && <Bubble role={message.role} text={message.content} />}
            {message.role === "assistant" && <ToolCallCards calls={message.toolCalls} />}
          </Message>
        ))}
      </div>
      {turn && (
        <div data-testid="reply-in-progress" aria-busy={streaming || undefined} className="flex flex-col gap-4">
          <Message role="user">
            <Bubble role="user" text={turn.message} />
          </Message>
          {(turn.reply || turn.toolCalls.length > 0 || streaming) && (
            <Message role="assistant" pending>
              {turn.reply ? <Bubble role="assistant" text={turn.reply} /> : streaming && <p className="px-3 py-2 text-sm text-muted">Thinking…</p>}
              <ToolCallCards calls={turn.toolCalls} />
            </Message>
          )}
          {turn.status === "failed" && turn.error && (
            <div role="alert" className="flex flex-col items-start gap-3 rounded-lg border border-danger p-4">
              <p className="text-danger">{turn.error.message}</p>
              {turn.error.canRetry && (
                <button type="button" className="btn btn-secondary" onClick={onRetry}>
                  Retry
                </button>
              )}
            </div>
          )}
        </div>
      )}
      <div ref={end} />
    </div>
  );
}

function ExamplePrompts({ onPick }: { onPick: (prompt: string) => void }) {
  return (
    <section aria-labelledby="examples-heading" className="flex flex-col items-center gap-3 rounded-lg border border-dashed border-border px-4 py-8 text-center">
      <h2 id="examples-heading" className="font-medium">
        Ask the assistant about your tasks
      </h2>
      <p className="text-sm text-muted">It can add, find, change and complete tasks for you. Try one of these:</p>
      <ul className="flex flex-wrap justify-center gap-2">
        {EXAMPLE_PROMPTS.map((prompt) => (
          <li key={prompt}>
            <button type="button" className="btn btn-secondary" onClick={() => onPick(prompt)}>
              {prompt}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The message box: Enter sends, Shift+Enter starts a new line; read-only while a reply streams. */
function MessageBox({ inputRef, streaming, onSend }: { inputRef: React.RefObject<HTMLTextAreaElement | null>; streaming: boolean; onSend: (message: string) => void }) {
  const [text, setText] = useState("");
  const id = useId();

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const message = text.trim();
    if (streaming || !message) {
      inputRef.current?.focus();
      return;
    }
    setText("");
    onSend(message);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form onSubmit={submit} className="sticky bottom-0 flex flex-col gap-1 bg-bg py-2">
      <label htmlFor={id} className="text-sm font-medium">
        Message
      </label>
      <div className="flex items-end gap-2">
        <textarea
          ref={inputRef}
          id={id}
          rows={2}
          value={text}
          maxLength={MESSAGE_MAX_LENGTH}
          readOnly={streaming}
          aria-disabled={streaming || undefined}
          aria-describedby={`${id}-hint`}
          placeholder="Ask about your tasks…"
          className="input min-h-11 resize-y"
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="btn btn-primary" disabled={streaming}>
          Send
        </button>
      </div>
      <p id={`${id}-hint`} className="text-xs text-muted">
        {streaming ? "The assistant is answering…" : "Enter sends, Shift+Enter starts a new line."}
      </p>
    </form>
  );
}
