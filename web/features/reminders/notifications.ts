"use client";

import { useSyncExternalStore } from "react";

/** Whether reminders may show as system notifications: the browser's permission, or no Notification API at all. */
export type NotificationState = NotificationPermission | "unsupported";

const listeners = new Set<() => void>();

export function notificationState(): NotificationState {
  if (typeof window === "undefined" || !("Notification" in window)) return "unsupported";
  return Notification.permission;
}

/**
 * Asks for permission to show notifications, once: only while the browser has not been answered yet,
 * and only from a user's action (choosing a reminder, the Settings button), never on page load.
 */
export async function askForNotifications(): Promise<NotificationState> {
  if (notificationState() !== "default") return notificationState();
  try {
    await Notification.requestPermission();
  } catch {
    // Old Safari takes a callback instead and throws here; it then keeps the "default" answer.
  }
  listeners.forEach((listener) => listener());
  return notificationState();
}

/** The permission, re-read whenever this tab asks for it. */
export function useNotificationState(): NotificationState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notificationState,
    () => "unsupported",
  );
}

/** Shows a system notification when allowed; false when it could not be shown (the in-app toast still is). */
export function showSystemNotification(title: string, options: NotificationOptions & { onClick?: () => void }): boolean {
  if (notificationState() !== "granted") return false;
  const { onClick, ...rest } = options;
  try {
    const notification = new Notification(title, rest);
    notification.onclick = () => {
      window.focus();
      onClick?.();
      notification.close();
    };
    return true;
  } catch {
    // Chrome on Android allows notifications only from a service worker, and throws here.
    return false;
  }
}

export const NOTIFICATIONS_OFF = "Browser notifications are off — reminders will show here in the app";
