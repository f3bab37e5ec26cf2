"use server";

import { orgAction } from "@/lib/actions/org-action";
import * as domains from "@/lib/domains/actions";

export const addDomainAction = orgAction(domains.addDomain);
export const verifyDomainAction = orgAction(domains.verifyDomain);
export const setDomainPolicyAction = orgAction(domains.setDomainPolicy);
export const removeDomainAction = orgAction(domains.removeDomain);
