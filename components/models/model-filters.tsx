"use client";

import { useId } from "react";
import { useListParams } from "@/components/datanets/use-list-params";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";

const ANY = "any";

/** Base model, Datanet and "mine" filters of the model list, kept in the URL. */
export function ModelFilters({
  baseModels,
  datanets,
  signedIn,
}: {
  baseModels: string[];
  datanets: { slug: string; name: string }[];
  signedIn: boolean;
}) {
  const mineId = useId();
  const { searchParams, setParams, pending } = useListParams();
  const baseModel = searchParams.get("baseModel") ?? ANY;
  const datanet = searchParams.get("datanet") ?? ANY;
  const mine = searchParams.get("owner") === "me";
  return (
    <search aria-label="Filter models" className="flex flex-col gap-2 sm:flex-row sm:items-center" aria-busy={pending}>
      <div className="grid grid-cols-2 gap-2 sm:flex">
        <Select value={baseModel} onValueChange={(value) => setParams({ baseModel: value === ANY ? null : value })}>
          <SelectTrigger aria-label="Base model" className="sm:w-52">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ANY}>Any base model</SelectItem>
            {baseModels.map((id) => (
              <SelectItem key={id} value={id}>
                {id}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <Select value={datanet} onValueChange={(value) => setParams({ datanet: value === ANY ? null : value })}>
          <SelectTrigger aria-label="Datanet" className="sm:w-56">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ANY}>Any Datanet</SelectItem>
            {datanets.map((d) => (
              <SelectItem key={d.slug} value={d.slug}>
                {d.name}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      {signedIn ? (
        <div className="flex items-center gap-2 text-sm sm:ml-2">
          <Switch
            id={mineId}
            checked={mine}
            onCheckedChange={(checked) => setParams({ owner: checked ? "me" : null })}
          />
          <label htmlFor={mineId}>Only mine (drafts included)</label>
        </div>
      ) : null}
    </search>
  );
}
