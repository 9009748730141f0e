import { DatabaseZap } from "lucide-react";
import type { Metadata } from "next";
import { CreateDatanetForm } from "@/components/datanets/create-datanet-form";
import { CreateDatanetGuide } from "@/components/datanets/create-datanet-guide";
import { PageHeader } from "@/components/layout/page-header";
import { PageShell } from "@/components/layout/page-shell";
import type { ComboboxOption } from "@/components/ui/combobox";
import { licenseOptions } from "@/lib/datanets/licenses";

export const metadata: Metadata = { title: "New Datanet" };

export default function NewDatanetPage() {
  const licences: ComboboxOption[] = licenseOptions().map((licence) => ({ value: licence.id, label: licence.name }));
  return (
    <PageShell>
      <PageHeader
        icon={DatabaseZap}
        eyebrow="Step 1 · Curate"
        title="New Datanet"
        description="Start a dataset for your domain: say what it is for, what its rows look like, and how contributions are reviewed. You own it with the wallet you are signed in with."
      />
      <div className="grid items-start gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <CreateDatanetForm licences={licences} />
        <CreateDatanetGuide />
      </div>
    </PageShell>
  );
}
