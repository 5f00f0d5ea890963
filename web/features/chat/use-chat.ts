"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useNotices } from "@/components/ui/toast";
import { taskKeys } from "@/features/tasks/use-tasks";
import { ApiError } from "@/lib/api";
import { ChatError, deleteConversation, getConversation, listConversations, streamChat } from "./api";
import { changesTasks } from "./tool-calls";
import type { ChatMessage, Conversation, ToolCall } from "./types";

export const chatKeys = {
  conversations: ["conversations"] as const,
  conversation: (id: string) => ["conversation", id] as const,
};

/** The user's conversations, newest first. */
export function useConversations() {
  return useQuery({ queryKey: chatKeys.conversations, queryFn: ({ signal }) => listConversations(signal) });
}

/** One conversation with its messages; kept up to date by {@link useChat}, so never refetched on its own. */
export function useConversation(id: string | null) {
  return useQuery({
    queryKey: chatKeys.conversation(id ?? ""),
    queryFn: ({ signal }) => getConversation(id as string, signal),
    enabled: id !== null,
    staleTime: Infinity,
  });
}

export function useDeleteConversation() {
  const queryClient = useQueryClient();
  const { toast } = useNotices();
  return useMutation({
    mutationFn: (conversation: { id: string; title: string }) => deleteConversation(conversation.id),
    onSuccess: (_nothing, conversation) => {
      queryClient.removeQueries({ queryKey: chatKeys.conversation(conversation.id) });
      toast({ message: `Deleted conversation "${conversation.title}"` });
    },
    onError: (error, conversation) => {
      toast({ tone: "error", message: `Could not delete "${conversation.title}": ${error.message}` });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: chatKeys.conversations }),
  });
}

/** The exchange in progress (or the one that failed): what the user sent and the reply so far. */
export type Turn = {
  conversationId: string | null;
  message: string;
  reply: string;
  toolCalls: ToolCall[];
  status: "streaming" | "failed";
  error?: { message: string; canRetry: boolean };
};

/** Words for a request that failed, and whether trying again can help. */
export function describeChatError(error: unknown): { message: string; canRetry: boolean } {
  if (error instanceof ChatError && error.status === 429) {
    const wait = error.retryAfterSeconds ? `${error.retryAfterSeconds} ${error.retryAfterSeconds === 1 ? "second" : "seconds"}` : "a moment";
    return { message: `You are sending messages too quickly. Wait ${wait}, then retry.`, canRetry: true };
  }
  if (error instanceof ApiError && error.status === 404) {
    return { message: "This conversation no longer exists. Start a new conversation.", canRetry: false };
  }
  if (error instanceof ApiError && error.status === 400) return { message: error.message, canRetry: false };
  if (error instanceof ApiError && error.status === 0) return { message: error.message, canRetry: true };
  const reason = error instanceof Error ? error.message : "Something went wrong";
  return { message: `The assistant could not answer: ${reason}`, canRetry: true };
}

/**
 * Talks to the assistant in conversation `conversationId` (null: a new one). `send` streams the reply
 * into `turn`; once done, the exchange joins the conversation's cached history and `turn` is empty
 * again. A new conversation's id is passed to `onStarted` (to put it in the URL) as soon as the
 * server names it.
 */
export function useChat(conversationId: string | null, onStarted: (id: string) => void) {
  const queryClient = useQueryClient();
  const [turn, setTurn] = useState<Turn | null>(null);
  // A conversation this hook started, until the URL names it.
  const [startedId, setStartedId] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);
  // The conversation the turn belongs to; going to another one drops the turn (and stops its stream).
  const turnConversation = useRef(conversationId);

  useEffect(() => {
    if (turnConversation.current === conversationId) return;
    controller.current?.abort();
    controller.current = null;
    turnConversation.current = conversationId;
    setTurn(null);
    setStartedId(null);
  }, [conversationId]);

  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(
    async (message: string, startIn: string | null) => {
      if (controller.current) return;
      const abort = new AbortController();
      controller.current = abort;
      let id = startIn;
      let reply = "";
      const toolCalls: ToolCall[] = [];
      let finished = false;
      const update = (changes: Partial<Turn>) => setTurn((current) => (current ? { ...current, ...changes } : current));
      const fail = (error: { message: string; canRetry: boolean }) => {
        finished = true;
        update({ status: "failed", error, conversationId: id });
      };

      turnConversation.current = id;
      setTurn({ conversationId: id, message, reply: "", toolCalls: [], status: "streaming" });
      try {
        await streamChat(
          { message, conversationId: id ?? undefined },
          (event) => {
            if (abort.signal.aborted || finished) return;
            switch (event.type) {
              case "start":
                if (id === null) {
                  id = event.conversationId;
                  const now = new Date().toISOString();
                  queryClient.setQueryData<Conversation>(chatKeys.conversation(id), { id, title: message, createdAt: now, updatedAt: now, messages: [] });
                  turnConversation.current = id;
                  update({ conversationId: id });
                  setStartedId(id);
                  onStarted(id);
                }
                break;
              case "tool_call":
                toolCalls.push(event.toolCall);
                update({ toolCalls: [...toolCalls] });
                if (changesTasks(event.toolCall)) void queryClient.invalidateQueries({ queryKey: taskKeys.all });
                break;
              case "delta":
                reply += event.text;
                update({ reply });
                break;
              case "done": {
                finished = true;
                const now = new Date().toISOString();
                const exchange: ChatMessage[] = [
                  { id: `sent-${Date.now()}`, role: "user", content: message, toolCalls: [], createdAt: now },
                  { id: event.messageId, role: "assistant", content: reply, toolCalls, createdAt: now },
                ];
                const key = chatKeys.conversation(event.conversationId);
                if (queryClient.getQueryData(key)) {
                  queryClient.setQueryData<Conversation>(key, (old) => old && { ...old, updatedAt: now, messages: [...old.messages, ...exchange] });
                } else {
                  void queryClient.invalidateQueries({ queryKey: key });
                }
                setTurn(null);
                void queryClient.invalidateQueries({ queryKey: chatKeys.conversations });
                break;
              }
              case "error":
                fail({ message: event.message, canRetry: true });
                break;
            }
          },
          abort.signal,
        );
        if (!finished) fail({ message: "The reply stopped before it was complete.", canRetry: true });
      } catch (error) {
        if (abort.signal.aborted) return;
        fail(describeChatError(error));
      } finally {
        if (controller.current === abort) controller.current = null;
        // A new conversation shows in the list as soon as it exists, even if the reply failed.
        if (startIn === null && id !== null) void queryClient.invalidateQueries({ queryKey: chatKeys.conversations });
      }
    },
    [queryClient, onStarted],
  );

  const send = useCallback((message: string) => run(message, conversationId), [run, conversationId]);

  const retry = useCallback(() => {
    if (turn?.status === "failed") void run(turn.message, turn.conversationId);
  }, [run, turn]);

  /** Stops a reply in progress and forgets the turn (for "New conversation"). */
  const reset = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setTurn(null);
    setStartedId(null);
  }, []);

  return {
    /** The conversation to show: the URL's, or the one just started before the URL names it. */
    conversationId: conversationId ?? startedId,
    turn,
    streaming: turn?.status === "streaming",
    send,
    retry,
    reset,
  };
}
