"use server";

import { userAction } from "@/lib/actions/org-action";
import * as domains from "@/lib/domains/actions";

export const requestToJoinAction = userAction(domains.requestToJoin);
export const joinAutomaticallyAction = userAction(domains.joinAutomatically);
