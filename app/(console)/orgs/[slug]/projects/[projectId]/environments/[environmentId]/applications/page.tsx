import type { Metadata } from "next";
import { ResourceListPage, type ResourceListProps } from "@/components/projects/resource-list-page";
import { deleteApplication } from "../actions";

export const metadata: Metadata = { title: "Applications" };

export default function ApplicationsPage(props: ResourceListProps) {
  return <ResourceListPage kind="application" deleteAction={deleteApplication} {...props} />;
}
