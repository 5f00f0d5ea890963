import { z } from "@/lib/zod";

export const tokenSchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(100, "Name must be at most 100 characters"),
});

export type TokenValues = z.infer<typeof tokenSchema>;
