/** One tool the assistant ran for a reply, with what it gave back (`result` is a message when `error`). */
export type ToolCall = {
  id: string;
  name: string;
  arguments: Record<string, unknown>;
  result: unknown;
  error: boolean;
};

export type ChatMessage = {
  id: string;
  role: "user" | "assistant";
  content: string;
  toolCalls: ToolCall[];
  createdAt: string;
};

export type ConversationSummary = { id: string; title: string; createdAt: string; updatedAt: string };

export type Conversation = ConversationSummary & { messages: ChatMessage[] };

/** The events of the `POST /chat` stream, in the order they come. */
export type ChatEvent =
  | { type: "start"; conversationId: string }
  | { type: "tool_call"; toolCall: ToolCall }
  | { type: "delta"; text: string }
  | { type: "done"; conversationId: string; messageId: string }
  | { type: "error"; message: string };
