import { api, apiFetch, ApiError, json, problemOf } from "@/lib/api";
import { createSseParser, type SseFrame } from "@/lib/sse";
import type { ChatEvent, Conversation, ConversationSummary, ToolCall } from "./types";

export async function listConversations(signal?: AbortSignal): Promise<ConversationSummary[]> {
  return (await api<{ conversations: ConversationSummary[] }>("/conversations", { signal })).conversations;
}

export function getConversation(id: string, signal?: AbortSignal): Promise<Conversation> {
  return api<Conversation>(`/conversations/${encodeURIComponent(id)}`, { signal });
}

export async function deleteConversation(id: string): Promise<void> {
  await api(`/conversations/${encodeURIComponent(id)}`, { method: "DELETE" });
}

/** A refused chat request; `retryAfterSeconds` comes with a 429. */
export class ChatError extends ApiError {
  readonly retryAfterSeconds: number | null;

  constructor(error: ApiError, retryAfterSeconds: number | null) {
    super(error.status, error.message, error.errors);
    this.name = "ChatError";
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** The event of one frame of the stream, or null for a frame this client does not know. */
export function toChatEvent(frame: SseFrame): ChatEvent | null {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(frame.data) as Record<string, unknown>;
  } catch {
    return null;
  }
  switch (frame.event) {
    case "start":
      return { type: "start", conversationId: String(data.conversationId) };
    case "tool_call":
      return { type: "tool_call", toolCall: data as unknown as ToolCall };
    case "delta":
      return { type: "delta", text: typeof data.text === "string" ? data.text : "" };
    case "done":
      return { type: "done", conversationId: String(data.conversationId), messageId: String(data.messageId) };
    case "error":
      return { type: "error", message: typeof data.message === "string" ? data.message : "The assistant could not answer." };
    default:
      return null;
  }
}

/**
 * Sends a message to the assistant and calls `onEvent` for each event of the streamed reply as it
 * arrives. Resolves when the stream ends; throws a {@link ChatError} when the request is refused
 * (400, 404, 429...) before anything streams.
 */
export async function streamChat(
  input: { message: string; conversationId?: string },
  onEvent: (event: ChatEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  const response = await apiFetch("/chat", {
    method: "POST",
    headers: { Accept: "text/event-stream" },
    body: json({ message: input.message, conversationId: input.conversationId, timezone: browserTimeZone() }),
    signal,
  });
  if (!response.ok) {
    const retryAfter = Number(response.headers.get("Retry-After"));
    throw new ChatError(await problemOf(response), Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
  }
  if (!response.body) throw new ApiError(0, "The server sent no reply.");

  const parser = createSseParser();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const emit = (frames: SseFrame[]) => {
    for (const frame of frames) {
      const event = toChatEvent(frame);
      if (event) onEvent(event);
    }
  };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      emit(parser.push(decoder.decode(value, { stream: true })));
    }
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, "The connection was lost while the assistant was answering.");
  }
  emit(parser.push(decoder.decode()));
  emit(parser.end());
}
