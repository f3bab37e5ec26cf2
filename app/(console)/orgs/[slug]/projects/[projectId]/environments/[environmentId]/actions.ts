"use server";

import { orgAction } from "@/lib/actions/org-action";
import { deleteEnvironmentActions, startEnvironmentActions, stopEnvironmentActions } from "@/lib/projects/actions/environments";

// One server action per mode class: the page binds the one matching the environment's mode.
export const stopProductionEnvironment = orgAction(stopEnvironmentActions.production.definition, stopEnvironmentActions.production.handler);
export const stopDevelopmentEnvironment = orgAction(stopEnvironmentActions.development.definition, stopEnvironmentActions.development.handler);
export const startProductionEnvironment = orgAction(startEnvironmentActions.production.definition, startEnvironmentActions.production.handler);
export const startDevelopmentEnvironment = orgAction(startEnvironmentActions.development.definition, startEnvironmentActions.development.handler);
export const deleteProductionEnvironment = orgAction(deleteEnvironmentActions.production.definition, deleteEnvironmentActions.production.handler);
export const deleteDevelopmentEnvironment = orgAction(deleteEnvironmentActions.development.definition, deleteEnvironmentActions.development.handler);
