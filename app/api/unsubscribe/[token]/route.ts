import { getDb } from "@/db/client";
import { handleUnsubscribe } from "@/lib/notifications/unsubscribe-http";

// The signed unsubscribe link of notices and usage reports (lib/notifications/unsubscribe-http.ts).
// No session: the token is the authority. handleUnsubscribe checks its HMAC (readUnsubscribe)
// before reading or writing anything, and only POST writes.

type Params = { params: Promise<{ token: string }> };

export async function GET(_request: Request, { params }: Params) {
  return handleUnsubscribe(await getDb(), "GET", (await params).token);
}

export async function POST(_request: Request, { params }: Params) {
  return handleUnsubscribe(await getDb(), "POST", (await params).token);
}
