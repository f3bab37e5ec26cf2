"use server";

import { orgAction } from "@/lib/actions/org-action";
import * as notices from "@/lib/notifications/actions";
import * as orgs from "@/lib/orgs/actions";

export const updateGeneralInformation = orgAction(orgs.updateGeneralInformation);
export const sendTestReport = orgAction(notices.sendTestReportAction);
export const resubscribe = orgAction(notices.resubscribeAction);
