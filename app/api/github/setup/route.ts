import { cookies } from "next/headers";
import type { NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { flashCookie } from "@/lib/actions/org-action";
import { currentUserId } from "@/lib/auth";
import { answerSetup } from "@/lib/git/setup-http";

// GitHub's "Setup URL" (lib/git/setup-http.ts). Behind the sign-in proxy: the signed-in user must
// be the one who started the installation, and must still be allowed to manage Git.

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest): Promise<Response> {
  const { pathname, search } = request.nextUrl;
  const userId = await currentUserId();
  if (!userId) return redirect(`/sign-in?callbackUrl=${encodeURIComponent(`${pathname}${search}`)}`);
  try {
    const answer = await answerSetup(await getDb(), request.nextUrl.searchParams, userId);
    if (answer.kind === "page") {
      return new Response(answer.html, { status: answer.status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
    }
    if (answer.flash) (await cookies()).set(flashCookie, answer.flash, { path: "/", maxAge: 60, sameSite: "lax" });
    return redirect(answer.location);
  } catch (error) {
    console.error("GitHub setup failed", error instanceof Error ? error.message : error);
    return new Response("Something went wrong on our side and nothing was connected. Try the installation again in a moment.", {
      status: 500,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
}

// A relative Location: correct behind any proxy, whatever host the request came in on.
function redirect(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}
