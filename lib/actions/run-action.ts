import { z } from "zod";
import { loadSessionUser } from "@/lib/auth/user-sessions";
import type { Db } from "@/db/client";
import { authorize } from "@/lib/authz/authorize";
import type { OrgContext } from "@/lib/authz/context";
import { roleLabels } from "@/lib/authz/permissions";
import { type ViewAsChoice, viewingRefusal } from "@/lib/authz/view-as";
import type { CookieToSet } from "@/lib/authz/view-as-cookie";
import type { AuditOrigin } from "@/db/schema/enums";
import { formDataToObject } from "./form-data";
import type { OrgActionSpec, UserActionSpec } from "./define";
import type { ActionResult } from "./result";

/**
 * What a handler may return: a form result, plus where to go next on success and cookies for the
 * web's door to set (never sent to the browser as data).
 */
export type HandlerResult = ActionResult & { redirectTo?: string; setCookies?: CookieToSet[] };

export type OrgHandler<Schema extends z.ZodType> = (
  ctx: OrgContext,
  input: z.output<Schema>,
  db: Db,
) => Promise<HandlerResult>;

export type UserHandler<Schema extends z.ZodType> = (
  userId: string,
  input: z.output<Schema>,
  db: Db,
  /** The caller's own session row (the cookie's), for actions about the user's other sessions. */
  sessionId: string | null,
) => Promise<HandlerResult>;

type Call = {
  db: Db;
  userId: string | null;
  /** Set by the web's doors (org-action.ts): the cookie's session row must still exist. */
  sessionId?: string | null;
  /** Set by the web's doors: the "view as a role" cookie. While viewing, every write is refused. */
  viewAs?: ViewAsChoice | null;
  input: FormData | Record<string, string>;
  origin?: AuditOrigin;
};

export const messages = {
  signedOut: "Your session has ended. Sign in again to continue.",
  notFound: "This organization does not exist, or you are not a member of it.",
  unexpected: "Something went wrong on our side and nothing was changed. Try again in a moment.",
  forbidden: (role: string) => `You need the ${role} role to do this.`,
};

/**
 * The door every organization mutation goes through, in this order and before anything else runs:
 * session → organization by slug joined to the caller's membership (one query) → permission table
 * → zod → handler. `orgAction` binds it to the request; tests run the same spec with a user id.
 */
export async function runOrgAction<Schema extends z.ZodType>(action: OrgActionSpec<Schema>, call: Call & { slug: string }): Promise<HandlerResult> {
  if (!call.userId) return { ok: false, formError: messages.signedOut };
  const access = await authorize(call.db, {
    userId: call.userId,
    slug: call.slug,
    permission: action.permission,
    origin: call.origin,
    sessionId: call.sessionId,
    viewAs: call.viewAs,
  });
  // Viewing as a lower role is for looking: refused before the permission check (its message would
  // name the role being viewed as) and before anything is parsed or written.
  const viewing = (access.ok || access.reason === "forbidden") && access.ctx.viewingAs;
  if (viewing && action.whileViewing !== "allowed") return { ok: false, formError: viewingRefusal(viewing.role) };
  if (!access.ok) {
    if (access.reason === "signed-out") return { ok: false, formError: messages.signedOut };
    return access.reason === "not-found"
      ? { ok: false, formError: messages.notFound }
      : { ok: false, formError: messages.forbidden(roleLabels[access.requiredRole]) };
  }
  return parseThenHandle(action.schema, call.input, (input) => action.handler(access.ctx, input, call.db), action.secretFields);
}

/** The same door for mutations that belong to the signed-in user rather than to an organization. */
export async function runUserAction<Schema extends z.ZodType>(action: UserActionSpec<Schema>, call: Call): Promise<HandlerResult> {
  const { userId } = call;
  if (!userId) return { ok: false, formError: messages.signedOut };
  // No organization query to ride on here: these mutations are rare, so the session costs its own.
  if (call.sessionId !== undefined && !(await loadSessionUser(call.db, { userId, sessionId: call.sessionId }))) {
    return { ok: false, formError: messages.signedOut };
  }
  return parseThenHandle(action.schema, call.input, (input) => action.handler(userId, input, call.db, call.sessionId ?? null));
}

async function parseThenHandle<Schema extends z.ZodType>(
  schema: Schema,
  raw: FormData | Record<string, string>,
  handle: (input: z.output<Schema>) => Promise<HandlerResult>,
  secretFields: readonly string[] = [],
): Promise<HandlerResult> {
  const input = raw instanceof FormData ? formDataToObject(raw) : raw;
  const parsed = schema.safeParse(input);
  // What a refused form gets back to show again, secrets left out.
  const values = secretFields.length === 0 ? input : Object.fromEntries(Object.entries(input).filter(([name]) => !secretFields.includes(name)));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values };
  try {
    const result = await handle(parsed.data);
    return result.ok ? result : { ...result, values };
  } catch (error) {
    // Only bugs and outages get here; expected failures are returned by the handler.
    console.error("action failed", error);
    return { ok: false, formError: messages.unexpected, values };
  }
}

function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    fieldErrors[field] ??= issue.message;
  }
  return fieldErrors;
}
