import { connection } from "next/server";
import { buttonClass } from "@/components/ui/button-styles";

export default async function NotFound() {
  // Rendered per request like every page, so its scripts carry the request's CSP nonce (proxy.ts);
  // a prerendered copy would have none and the browser would refuse them.
  await connection();
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <p className="text-sm font-semibold text-indigo-700 dark:text-indigo-300">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Page not found</h1>
      <p className="mt-3 text-zinc-700 dark:text-zinc-300">
        This page does not exist, or it belongs to an organization you are not a member of.
      </p>
      {/* A plain link: `/` redirects on the server anyway, and next/link here would put a second
          copy of its client code in every page's first load (the navbar's chunks carry their own). */}
      <a href="/" className={buttonClass({ className: "mt-6" })}>
        Back to your organization
      </a>
    </main>
  );
}
