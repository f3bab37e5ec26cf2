import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { buttonClass } from "@/components/ui/button-styles";
import { currentUserId } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { configuredOAuthProviders, devLoginEnabled } from "@/lib/env";
import { signInErrorMessage } from "@/lib/rate-limit/sign-in-page";
import { signInWithProvider } from "./actions";
import { DemoUserPicker } from "./_components/demo-user-picker";
import { DevSignInForm } from "./_components/dev-sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

const providerLabels = { github: "GitHub", gitlab: "GitLab", bitbucket: "Bitbucket" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  // Only a live session skips the form (a signed-out copy of a cookie would loop back here).
  if (await currentUserId()) redirect(callbackUrl);
  const providers = configuredOAuthProviders();
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-2xl font-semibold">Sign in to Org Console</h1>
      {params.error && (
        <p role="status" className="mt-4 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {signInErrorMessage(params)}
        </p>
      )}
      {providers.length > 0 && (
        <section aria-label="Sign in with your Git provider" className="mt-6 grid gap-2">
          {providers.map(({ id }) => (
            <form key={id} action={signInWithProvider}>
              <input type="hidden" name="provider" value={id} />
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <button type="submit" className={buttonClass({ variant: "secondary", className: "w-full" })}>
                Continue with {providerLabels[id]}
              </button>
            </form>
          ))}
        </section>
      )}
      {devLoginEnabled ? (
        <section aria-labelledby="dev-sign-in" className="mt-8 rounded-lg border border-amber-300 bg-amber-50 p-4 sm:p-5 dark:border-amber-800 dark:bg-amber-950/40">
          <h2 id="dev-sign-in" className="font-semibold">Development sign-in</h2>
          <p className="mt-1 mb-4 text-sm text-zinc-700 dark:text-zinc-300">
            For development and tests only: anyone who types an email signs in as that user, no password asked. It is off
            in production unless <code>AUTH_DEV_LOGIN=true</code>.
          </p>
          <DevSignInForm callbackUrl={callbackUrl} />
          <div className="mt-6">
            <DemoUserPicker callbackUrl={callbackUrl} />
          </div>
        </section>
      ) : (
        providers.length === 0 && (
          <p className="mt-6 text-sm text-zinc-700 dark:text-zinc-300">
            No sign-in method is configured. Set a Git provider&apos;s client id and secret (see the README).
          </p>
        )
      )}
    </main>
  );
}
