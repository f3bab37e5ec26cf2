import "server-only";
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { currentSession } from "@/lib/auth";
import type { SessionRef } from "@/lib/auth/user-sessions";
import { readViewAsCookie } from "@/lib/authz/view-as-cookie";
import type { ActionResult, ActionState } from "./result";
import type { OrgActionSpec, UserActionSpec } from "./define";
import { type HandlerResult, runOrgAction, runUserAction } from "./run-action";

export const flashCookie = "flash";

/**
 * Wraps an organization mutation for use as a server action bound to the URL's slug:
 * `updateX.bind(null, slug)`. The slug is re-resolved against the caller's membership on every
 * call (runOrgAction); nothing the browser sends is trusted on its own.
 */
export function orgAction<Schema extends z.ZodType>(action: OrgActionSpec<Schema>) {
  return async (slug: string, _previous: ActionState, formData: FormData): Promise<ActionResult> => {
    const db = await getDb();
    const session = await currentSession();
    const result = await runOrgAction(action, { db, ...signedIn(session), viewAs: await readViewAsCookie(), slug: String(slug), input: formData });
    return finish(result);
  };
}

/** The same for mutations of the signed-in user that no organization owns yet (creating one). */
export function userAction<Schema extends z.ZodType>(action: UserActionSpec<Schema>) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionResult> => {
    const db = await getDb();
    return finish(await runUserAction(action, { db, ...signedIn(await currentSession()), input: formData }));
  };
}

// Who the cookie names, and its session row, which the door checks still exists.
const signedIn = (session: SessionRef | null) => ({ userId: session?.userId ?? null, sessionId: session?.sessionId ?? null });

async function finish({ redirectTo, setCookies = [], ...result }: HandlerResult): Promise<ActionResult> {
  if (!result.ok) return result;
  for (const { name, value, options } of setCookies) (await cookies()).set(name, value, options);
  // Every page is rendered per request; this drops the browser's router cache so the navbar and
  // other pages show the change too.
  revalidatePath("/", "layout");
  if (!redirectTo) return result;
  if (result.message) {
    (await cookies()).set(flashCookie, result.message, { path: "/", maxAge: 60, sameSite: "lax" });
  }
  redirect(redirectTo);
}
