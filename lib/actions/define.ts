import type { z } from "zod";
import type { Permission } from "@/lib/authz/permissions";
import type { OrgHandler, UserHandler } from "./run-action";

// Every server action is declared one way, in `lib/<domain>/actions.ts`: what the door checks
// (the permission, the zod schema) and the handler it runs. The page's "use server" module wraps
// it in one line (`export const x = orgAction(spec)`, lib/actions/org-action.ts), and the tests
// run the very same spec through the same door (runOrgAction, lib/actions/run-action.ts).

export type OrgActionSpec<Schema extends z.ZodType> = {
  permission: Permission;
  schema: Schema;
  /** Fields never echoed back to the browser after a refusal (credentials): the user types them again. */
  secretFields?: readonly string[];
  /**
   * Runs while the caller views the organization as a lower role (which refuses every other
   * action): only for what writes nothing of the organization's, such as moving between them.
   */
  whileViewing?: "allowed";
  handler: OrgHandler<Schema>;
};

export function defineOrgAction<Schema extends z.ZodType>(
  definition: { permission: Permission; schema: Schema; secretFields?: readonly string[]; whileViewing?: "allowed" },
  handler: OrgHandler<Schema>,
): OrgActionSpec<Schema> {
  return { ...definition, handler };
}

/** A mutation of the signed-in user that no organization owns (creating one, their tokens). */
export type UserActionSpec<Schema extends z.ZodType> = { schema: Schema; handler: UserHandler<Schema> };

export function defineUserAction<Schema extends z.ZodType>(definition: { schema: Schema }, handler: UserHandler<Schema>): UserActionSpec<Schema> {
  return { ...definition, handler };
}
