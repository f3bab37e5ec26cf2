import "server-only";
import { cookies } from "next/headers";
import { appUrl } from "@/lib/http/app-url";
import { parseViewAsCookie, type ViewAsChoice, viewAsCookieValue } from "./view-as";

// One cookie for the organization being viewed as a lower role (its id is inside): viewing another
// organization replaces it. Unsigned on purpose: effectiveRole only ever lowers the role the
// database gives, so a forged value can take rights away from its own browser, never add any.
export const viewAsCookieName = "view-as";

/** The choice this request's browser sent, or null. Reads no database. */
export async function readViewAsCookie(): Promise<ViewAsChoice | null> {
  try {
    return parseViewAsCookie((await cookies()).get(viewAsCookieName)?.value);
  } catch (error) {
    // The page loaders and doors also run outside any request (integration tests call them with a
    // signed-in user): no request, no browser, no cookie. Anything else (Next's own signals) goes on.
    if (error instanceof Error && error.message.includes("outside a request scope")) return null;
    throw error;
  }
}

export type CookieToSet = { name: string; value: string; options: { path: string; httpOnly: boolean; sameSite: "lax"; secure: boolean; maxAge?: number } };

/** The cookie a successful "view as" sets; applied by the web's door (org-action.ts). */
export async function viewAsCookie(choice: ViewAsChoice): Promise<CookieToSet> {
  // Secure whenever the console is served over HTTPS (production); a plain-HTTP dev server keeps it.
  const secure = (await appUrl()).startsWith("https:");
  return { name: viewAsCookieName, value: viewAsCookieValue(choice), options: { path: "/", httpOnly: true, sameSite: "lax", secure, maxAge: 60 * 60 * 8 } };
}

export async function clearViewAsCookie(): Promise<void> {
  (await cookies()).delete(viewAsCookieName);
}
