"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNotices } from "@/components/ui/toast";
import { sessionKey } from "@/features/auth/use-session";
import { taskKeys } from "@/features/tasks/use-tasks";
import type { User } from "@/features/auth/api";
import { createToken, listTokens, revokeToken, updateProfile, type ApiToken } from "./api";

export const tokenKeys = { all: ["tokens"] as const };

export function useTokens() {
  return useQuery({ queryKey: tokenKeys.all, queryFn: ({ signal }) => listTokens(signal) });
}

/** Creates a token; its secret is in the mutation's answer only, never in the cached list. */
export function useCreateToken() {
  const queryClient = useQueryClient();
  const { announce } = useNotices();
  return useMutation({
    mutationFn: (name: string) => createToken(name),
    onSuccess: ({ token }) => {
      announce(`Token created: ${token.name}`);
      return queryClient.invalidateQueries({ queryKey: tokenKeys.all });
    },
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  const { toast, announce } = useNotices();
  return useMutation({
    mutationFn: (token: ApiToken) => revokeToken(token.id),
    onSuccess: (_nothing, token) => {
      queryClient.setQueryData<ApiToken[]>(tokenKeys.all, (tokens) => tokens?.filter((t) => t.id !== token.id));
      announce(`Token revoked: ${token.name}`);
    },
    onError: (error, token) => toast({ tone: "error", message: `Could not revoke "${token.name}": ${error.message}` }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

/** Saves the profile's time zone, which decides what "today" is on the server. */
export function useUpdateTimeZone() {
  const queryClient = useQueryClient();
  const { toast } = useNotices();
  return useMutation({
    mutationFn: (timeZone: string) => updateProfile({ timeZone }),
    onSuccess: (user) => {
      queryClient.setQueryData(sessionKey, user);
      void queryClient.invalidateQueries({ queryKey: taskKeys.all });
      toast({ message: `Time zone saved: ${user.timeZone}` });
    },
    onError: (error) => toast({ tone: "error", message: `Could not save the time zone: ${error.message}` }),
  });
}

/** Turns reminder emails on or off; the switch moves at once and goes back if the server refuses. */
export function useUpdateEmailReminders() {
  const queryClient = useQueryClient();
  const { toast, announce } = useNotices();
  return useMutation({
    mutationFn: (emailReminders: boolean) => updateProfile({ emailReminders }),
    onMutate: (emailReminders) => {
      const before = queryClient.getQueryData<User | null>(sessionKey);
      if (before) queryClient.setQueryData<User>(sessionKey, { ...before, emailReminders });
      return { before };
    },
    onSuccess: (user) => {
      queryClient.setQueryData(sessionKey, user);
      announce(user.emailReminders ? "Reminder emails on" : "Reminder emails off");
    },
    onError: (error, _value, context) => {
      if (context?.before) queryClient.setQueryData(sessionKey, context.before);
      toast({ tone: "error", message: `Could not save the reminder email setting: ${error.message}` });
    },
  });
}
