import { getDb } from "@/db/client";
import { confirmPage, donePage, goneOrgPage, invalidPage } from "@/lib/notifications/unsubscribe-page";
import { orgNameOf, unsubscribe } from "@/lib/notifications/subscriptions";
import { readUnsubscribe } from "@/lib/notifications/unsubscribe-token";

// The one-click unsubscribe link of notices and usage reports (lib/notifications). No sign-in:
// the signed token is the authority. GET changes nothing (link scanners open it); POST, from the
// page's button or a mail client's List-Unsubscribe-Post, unsubscribes at once.

type Params = { params: Promise<{ token: string }> };

const html = (body: string, status = 200) =>
  new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "referrer-policy": "no-referrer" } });

export async function GET(_request: Request, { params }: Params) {
  const { token } = await params;
  const claims = readUnsubscribe(token);
  if (!claims) return html(invalidPage(), 400);
  const orgName = await orgNameOf(await getDb(), claims.orgId);
  if (orgName === null) return html(goneOrgPage(), 404);
  return html(confirmPage(claims, orgName, `/api/unsubscribe/${token}`));
}

export async function POST(_request: Request, { params }: Params) {
  const { token } = await params;
  const claims = readUnsubscribe(token);
  if (!claims) return html(invalidPage(), 400);
  const done = await unsubscribe(await getDb(), claims);
  if (!done) return html(goneOrgPage(), 404);
  return html(donePage(claims, done.orgName));
}
