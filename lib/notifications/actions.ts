import { z } from "zod";
import { defineOrgAction } from "@/lib/actions/define";
import { appUrl } from "@/lib/http/app-url";
import { noticeKindLabels, noticeKinds } from "./kinds";
import { resubscribe, sendTestReport } from "./test-report";

// The General Information page's notice actions: "Send a test report" and subscribing an address
// again. Same permission as editing General Information.

export const sendTestReportAction = defineOrgAction({ permission: "org.edit", schema: z.object({}) }, async (ctx, _input, db) => {
  const result = await sendTestReport(db, ctx, { appUrl: await appUrl() });
  if (!result.ok) return result;
  return { ok: true, message: `Test report queued for ${result.recipients.join(", ")}.` };
});

const resubscribeSchema = z.object({
  email: z.string().trim().toLowerCase().max(320).email("Not an email address."),
  kind: z.enum(noticeKinds, "Choose what to receive."),
});

export const resubscribeAction = defineOrgAction({ permission: "org.edit", schema: resubscribeSchema }, async (ctx, input, db) => {
  const result = await resubscribe(db, ctx, input);
  if (!result.ok) return result;
  const what = noticeKindLabels[input.kind].toLowerCase();
  return { ok: true, message: result.changed ? `${input.email} receives ${what} again.` : `${input.email} already receives ${what}.` };
});
