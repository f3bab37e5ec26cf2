import type { Queryable } from "@/db/client";
import { orgNameOf, unsubscribe } from "./subscriptions";
import { confirmPage, donePage, goneOrgPage, invalidPage } from "./unsubscribe-page";
import { readUnsubscribe } from "./unsubscribe-token";

// The one-click unsubscribe link of notices and usage reports. No sign-in: the signed token is the
// authority. GET changes nothing (link scanners open it) and shows one Unsubscribe button; POST,
// from that button or a mail client's List-Unsubscribe-Post (RFC 8058), unsubscribes at once.
// A forged or broken token answers 400 with a page that says so, never 500.

const html = (body: string, status = 200) =>
  new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "referrer-policy": "no-referrer" } });

export async function handleUnsubscribe(db: Queryable, method: "GET" | "POST", token: string): Promise<Response> {
  const claims = readUnsubscribe(token);
  if (!claims) return html(invalidPage(), 400);
  if (method === "GET") {
    const orgName = await orgNameOf(db, claims.orgId);
    if (orgName === null) return html(goneOrgPage(), 404);
    return html(confirmPage(claims, orgName, `/api/unsubscribe/${token}`));
  }
  const done = await unsubscribe(db, claims);
  if (!done) return html(goneOrgPage(), 404);
  return html(donePage(claims, done.orgName));
}
