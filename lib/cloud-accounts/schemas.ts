import { z } from "zod";
import { credentialsSchema } from "./credentials";

export const cloudAccountIdSchema = z.string().uuid("Unknown cloud account.");

export const cloudAccountNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a name for the cloud account.")
  .max(60, "The name must be at most 60 characters.")
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, "Use letters, digits, spaces, dots, hyphens and underscores, starting with a letter or digit.");

const account = z.object({ cloudAccountId: cloudAccountIdSchema });

export const newCloudAccountSchema = z.object({ name: cloudAccountNameSchema }).and(credentialsSchema);
export const renameCloudAccountSchema = account.extend({ name: cloudAccountNameSchema });
export const rotateCloudAccountSchema = account.and(credentialsSchema);
export const deleteCloudAccountSchema = account;

export type NewCloudAccount = z.output<typeof newCloudAccountSchema>;
