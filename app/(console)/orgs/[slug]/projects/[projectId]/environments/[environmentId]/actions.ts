"use server";

import { orgAction } from "@/lib/actions/org-action";
import { deleteEnvironmentActions, startEnvironmentActions, stopEnvironmentActions } from "@/lib/projects/actions/environments";

// One server action per mode class: the page binds the one matching the environment's mode.
export const stopProductionEnvironment = orgAction(stopEnvironmentActions.production);
export const stopDevelopmentEnvironment = orgAction(stopEnvironmentActions.development);
export const startProductionEnvironment = orgAction(startEnvironmentActions.production);
export const startDevelopmentEnvironment = orgAction(startEnvironmentActions.development);
export const deleteProductionEnvironment = orgAction(deleteEnvironmentActions.production);
export const deleteDevelopmentEnvironment = orgAction(deleteEnvironmentActions.development);
