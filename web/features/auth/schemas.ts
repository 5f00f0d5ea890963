import { z } from "@/lib/zod";

// The server's own messages, so a rule reads the same before and after submitting.
export const PASSWORD_TOO_SHORT = "Password must be at least 8 characters";

const email = z.string().trim().min(1, "Email is required").email("Enter a valid email address");

export const loginSchema = z.object({
  email,
  password: z.string().min(1, "Password is required"),
});

export const registerSchema = z.object({
  name: z.string().trim().max(100, "Name must be at most 100 characters"),
  email,
  password: z.string().min(8, PASSWORD_TOO_SHORT),
});

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z.object({
  password: z.string().min(8, PASSWORD_TOO_SHORT),
});

export type LoginValues = z.infer<typeof loginSchema>;
export type RegisterValues = z.infer<typeof registerSchema>;
