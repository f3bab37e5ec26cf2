"use client";

import { useToastingAction } from "@/components/forms/use-toasting-action";
import { FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { type NoticeKind, noticeKindLabels } from "@/lib/notifications/kinds";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

export function ResubscribeButton({ action, email, kind }: { action: Action; email: string; kind: NoticeKind }) {
  const { submit, pending, formError } = useToastingAction(action);
  return (
    <form action={submit} className="contents">
      <input type="hidden" name="email" value={email} />
      <input type="hidden" name="kind" value={kind} />
      <SubmitButton variant="secondary" size="sm" pendingLabel="Subscribing…" disabled={pending}>
        Subscribe again<span className="sr-only"> {email} to {noticeKindLabels[kind].toLowerCase()}</span>
      </SubmitButton>
      {formError && (
        <div className="basis-full">
          <FormError message={formError} />
        </div>
      )}
    </form>
  );
}

export function TestReportButton({ action }: { action: Action }) {
  const { submit, formError } = useToastingAction(action);
  return (
    <form action={submit} className="space-y-3">
      <FormError message={formError} />
      <p className="text-sm text-zinc-700 dark:text-zinc-300">Sends this week&apos;s usage report so far to the addresses above.</p>
      <SubmitButton variant="secondary" pendingLabel="Sending…">
        Send a test report
      </SubmitButton>
    </form>
  );
}
