import { Palette } from "lucide-react";
import type { Metadata } from "next";
import spdxLicenseList from "spdx-license-list";
import { PageHeader } from "@/components/layout/page-header";
import { PageShell } from "@/components/layout/page-shell";
import type { ComboboxOption } from "@/components/ui/combobox";
import { UiKit } from "./ui-kit";

export const metadata: Metadata = { title: "UI kit", robots: { index: false } };

/** Every primitive in components/ui in its states, for looking at them in light and dark. */
export default function UiKitPage() {
  const licences: ComboboxOption[] = Object.entries(spdxLicenseList)
    .map(([id, licence]) => ({
      value: id,
      label: licence.name,
      keywords: licence.osiApproved ? ["osi"] : undefined,
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return (
    <PageShell>
      <PageHeader
        icon={Palette}
        eyebrow="Developer tools"
        title="UI kit"
        description="Every primitive in components/ui, in its states. Switch the theme in the header to see them in light and dark."
      />
      <UiKit licences={licences} />
    </PageShell>
  );
}
