"use server";

import { orgAction } from "@/lib/actions/org-action";
import * as git from "@/lib/git/actions";

export const installGithubAppAction = orgAction(git.installGithubApp);
export const disconnectGithubAppAction = orgAction(git.disconnectGithubApp);
