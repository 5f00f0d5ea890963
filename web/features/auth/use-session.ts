"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { currentUser, login, logout, register, type Credentials, type Registration, type User } from "./api";

export const sessionKey = ["session"] as const;

/** The signed-in user (null when signed out); the first call restores a session from the refresh cookie. */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: currentUser, staleTime: Infinity, retry: false });
}

function useSignedIn() {
  const queryClient = useQueryClient();
  const router = useRouter();
  return (user: User) => {
    queryClient.setQueryData(sessionKey, user);
    router.replace("/today");
  };
}

export function useLogin() {
  const signedIn = useSignedIn();
  return useMutation({ mutationFn: (credentials: Credentials) => login(credentials), onSuccess: signedIn });
}

export function useRegister() {
  const signedIn = useSignedIn();
  return useMutation({ mutationFn: (registration: Registration) => register(registration), onSuccess: signedIn });
}

/** Ends the sign-in on the server and forgets every cached answer, whatever the server says. */
export function useLogout() {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(sessionKey, null);
      router.replace("/login");
    },
  });
}
