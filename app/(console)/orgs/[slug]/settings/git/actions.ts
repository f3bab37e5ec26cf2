"use server";

import { orgAction } from "@/lib/actions/org-action";
import { disconnectGithubAppDefinition, handleDisconnectGithubApp, handleInstallGithubApp, installGithubAppDefinition } from "@/lib/git/actions";

export const installGithubAppAction = orgAction(installGithubAppDefinition, handleInstallGithubApp);
export const disconnectGithubAppAction = orgAction(disconnectGithubAppDefinition, handleDisconnectGithubApp);
