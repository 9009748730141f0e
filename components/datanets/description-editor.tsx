"use client";

import { Eye, PenLine } from "lucide-react";
import { useState } from "react";
import type { FieldControlProps } from "@/components/ui/field";
import { Markdown } from "@/components/ui/markdown";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";

type DescriptionEditorProps = {
  control: FieldControlProps;
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
};

/** A markdown textarea with a Preview tab that renders it as the Datanet page will. */
export function DescriptionEditor({ control, value, onChange, onBlur }: DescriptionEditorProps) {
  const [tab, setTab] = useState("write");
  return (
    <Tabs value={tab} onValueChange={setTab} className="gap-2">
      <TabsList aria-label="Description editor">
        <TabsTrigger value="write">
          <PenLine aria-hidden="true" />
          Write
        </TabsTrigger>
        <TabsTrigger value="preview">
          <Eye aria-hidden="true" />
          Preview
        </TabsTrigger>
      </TabsList>
      <TabsContent value="write" forceMount className="data-[state=inactive]:hidden">
        <Textarea
          {...control}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
          rows={8}
          className="min-h-40 font-mono text-[13px]"
          placeholder={"## What's in it\n\nWhere the rows come from, what a good row looks like, what to leave out…"}
        />
      </TabsContent>
      <TabsContent value="preview" className="min-h-40 rounded-lg border bg-background px-4 py-3">
        {value.trim() ? (
          <Markdown>{value}</Markdown>
        ) : (
          <p className="text-muted-foreground text-sm">Nothing to preview yet: write something first.</p>
        )}
      </TabsContent>
    </Tabs>
  );
}
