import { getDb } from "@/db/client";
import { handleResolve, internalError, methodNotAllowed, optionsResponse } from "@/lib/projects/resolve-http";

// The CLI's X-Project-Key resolution (lib/projects/resolve-http.ts). Authenticated by a personal
// API token, not by the session: this is not an organization URL, and every lookup is scoped by
// the token's user's memberships.

export async function POST(request: Request): Promise<Response> {
  let db;
  try {
    db = await getDb();
  } catch (error) {
    console.error("project resolve: database unavailable", error instanceof Error ? error.message : error);
    return internalError();
  }
  return handleResolve(db, request);
}

// Next answers other methods with a bare 405; these say which method to use, in JSON (HEAD is
// answered by GET, without the body).
export const GET = methodNotAllowed;
export const PUT = methodNotAllowed;
export const PATCH = methodNotAllowed;
export const DELETE = methodNotAllowed;
export const OPTIONS = optionsResponse;
