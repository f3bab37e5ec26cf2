import { z } from "zod";
import { orgPlans } from "@/db/schema/values";
import { organizationNameSchema } from "./details";
import { slugSchema } from "./slug";

export const newOrganizationSchema = z.object({
  name: organizationNameSchema,
  slug: slugSchema,
  plan: z.enum(orgPlans, "Choose a plan."),
});

export type NewOrganization = z.output<typeof newOrganizationSchema>;
