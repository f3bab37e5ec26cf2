"use client";

import { useEffect, useId, useRef, useState } from "react";
import { toast } from "@/components/ui/toast";
import { buttonClass } from "@/components/ui/button-styles";

type Props = { name: string; token: string; resolveUrl: string };

/**
 * The new token, shown this once: focused and selected for copying, with a Copy button and a
 * curl line to try it. Nothing keeps it: "Done" or leaving the page drops it for good.
 */
export function ApiTokensNewToken({ name, token, resolveUrl }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [dismissed, setDismissed] = useState(false);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  if (dismissed) return null;

  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
      toast.success(`Token ${name} copied.`);
    } catch {
      input.current?.select();
      toast.info("Your browser did not let us copy: the token is selected, copy it yourself.");
    }
  }

  return (
    <section
      aria-labelledby={`${id}-title`}
      data-testid="new-api-token"
      className="rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-50"
    >
      <h3 id={`${id}-title`} className="font-semibold">
        Your new token “{name}”
      </h3>
      <p className="mt-1">Copy it now and keep it somewhere safe. You will not see it again.</p>
      <div className="mt-3 flex min-w-0 gap-2">
        <label htmlFor={`${id}-token`} className="sr-only">
          API token {name}
        </label>
        <input
          ref={input}
          id={`${id}-token`}
          readOnly
          value={token}
          onFocus={(event) => event.currentTarget.select()}
          className="block w-full min-w-0 rounded-md border border-emerald-300 bg-white px-2 py-1.5 font-mono text-xs text-zinc-900 dark:border-emerald-800 dark:bg-zinc-950 dark:text-zinc-100"
        />
        <button type="button" onClick={copy} aria-label={`Copy the token ${name}`} className={buttonClass({ variant: "secondary" })}>
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
      <p className="mt-3">Try it with the key of one of your projects (or a new one):</p>
      <pre tabIndex={0} aria-label="Example request" className="mt-1 overflow-x-auto rounded-md bg-zinc-900 p-3 font-mono text-xs text-zinc-100">
        <code>{`curl -X POST ${resolveUrl} \\\n  -H "Authorization: Bearer $ORG_CONSOLE_TOKEN" \\\n  -H "X-Project-Key: my-app"`}</code>
      </pre>
      <button type="button" onClick={() => setDismissed(true)} className={buttonClass({ variant: "secondary", className: "mt-3" })}>
        Done
      </button>
    </section>
  );
}
