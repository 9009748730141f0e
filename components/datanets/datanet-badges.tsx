import { Globe, Lock, Scale, Tag } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { DatanetKind } from "@/lib/datanets/kinds";
import { KIND_INFO } from "./kind-info";

type DatanetBadgesProps = {
  kind: DatanetKind;
  license: string;
  domain: string;
  visibility: "public" | "private";
  /** Shows "public" too; lists show only "private", the exception. */
  showPublic?: boolean;
};

/** Kind, licence, domain and visibility of a Datanet as a row of badges. */
export function DatanetBadges({ kind, license, domain, visibility, showPublic = false }: DatanetBadgesProps) {
  return (
    <ul className="flex flex-wrap items-center gap-1.5" aria-label="Datanet properties">
      <li>
        <Badge variant="accent" title={`Rows are ${KIND_INFO[kind].schema}`}>
          {KIND_INFO[kind].label}
        </Badge>
      </li>
      <li>
        <Badge variant="outline" title="Licence (SPDX)">
          <Scale aria-hidden="true" />
          <span className="sr-only">Licence:</span>
          <span className="font-mono">{license}</span>
        </Badge>
      </li>
      <li>
        <Badge variant="outline" title="Domain">
          <Tag aria-hidden="true" />
          <span className="sr-only">Domain:</span>
          {domain}
        </Badge>
      </li>
      {visibility === "private" ? (
        <li>
          <Badge variant="secondary" title="Only you can see it">
            <Lock aria-hidden="true" />
            private
          </Badge>
        </li>
      ) : showPublic ? (
        <li>
          <Badge variant="outline">
            <Globe aria-hidden="true" />
            public
          </Badge>
        </li>
      ) : null}
    </ul>
  );
}
