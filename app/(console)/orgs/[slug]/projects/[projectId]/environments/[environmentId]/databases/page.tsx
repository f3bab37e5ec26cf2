import type { Metadata } from "next";
import { ResourceListPage, type ResourceListProps } from "@/components/projects/resource-list-page";
import { deleteDatabase } from "../actions";

export const metadata: Metadata = { title: "Databases" };

export default function DatabasesPage(props: ResourceListProps) {
  return <ResourceListPage kind="database" deleteAction={deleteDatabase} {...props} />;
}
