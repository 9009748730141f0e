"use client";

import { Coins, Database, Info, Plus, Trash2, Users } from "lucide-react";
import { type ReactNode, useState } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Combobox, type ComboboxOption } from "@/components/ui/combobox";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Markdown } from "@/components/ui/markdown";
import { Pagination } from "@/components/ui/pagination";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Progress } from "@/components/ui/progress";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import {
  Select,
  SelectContent,
  SelectGroup,
  SelectItem,
  SelectLabel,
  SelectSeparator,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import { Slider } from "@/components/ui/slider";
import { Stat } from "@/components/ui/stat";
import { Stepper } from "@/components/ui/stepper";
import { Switch } from "@/components/ui/switch";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { TagInput } from "@/components/ui/tag-input";
import { Textarea } from "@/components/ui/textarea";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";

const SAMPLE_MARKDOWN = `# Legal clauses (EN)

A Datanet of **contract clauses**, labelled by type. See the [labelling guide](https://example.com/guide) or mail <curators@example.com>.

## What is inside
- ~12,000 clauses from ~~public~~ open filings
- [x] de-duplicated
- [ ] PII review

1. Drop a CSV
2. Sign the contribution

> Contributions are paid by attribution.

Inline \`code\` and a block:

\`\`\`json
{ "text": "The Licensee shall…", "label": "obligation" }
\`\`\`

| column | type | required |
|---|---|:---:|
| text | string | yes |
| label | enum | yes |

Hostile bits, neutralized: [click me](javascript:alert(1)), <script>alert("x")</script><b>raw html</b>, and an image ![tracking pixel](https://tracker.example/p.png).
`;

const STEPS = [
  { label: "Base model", description: "Pick a base" },
  { label: "Data", description: "Datanet versions" },
  { label: "Training", description: "LoRA settings" },
  { label: "Launch" },
];

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent className="flex flex-col gap-6">{children}</CardContent>
    </Card>
  );
}

function Row({ children }: { children: ReactNode }) {
  return <div className="flex flex-wrap items-center gap-3">{children}</div>;
}

export function UiKit({ licences }: { licences: ComboboxOption[] }) {
  const [licence, setLicence] = useState<string | null>("Apache-2.0");
  const [emptyLicence, setEmptyLicence] = useState<string | null>(null);
  const [tags, setTags] = useState<string[]>(["legal", "contracts", "en"]);
  const [rank, setRank] = useState([8]);
  const [page, setPage] = useState(4);
  const [step, setStep] = useState(1);
  const [notify, setNotify] = useState(true);

  return (
    <div className="flex flex-col gap-8">
      <Section title="Buttons and badges" description="Existing primitives, for reference.">
        <Row>
          <Button>Default</Button>
          <Button variant="secondary">Secondary</Button>
          <Button variant="outline">Outline</Button>
          <Button variant="ghost">Ghost</Button>
          <Button variant="destructive">Destructive</Button>
          <Button variant="link">Link</Button>
          <Button disabled>Disabled</Button>
        </Row>
        <Row>
          <Badge>Default</Badge>
          <Badge variant="secondary">Secondary</Badge>
          <Badge variant="outline">Outline</Badge>
          <Badge variant="accent">Accent</Badge>
        </Row>
      </Section>

      <Section
        title="Text fields"
        description="Input, Textarea and Label inside Field: description, error, required, disabled."
      >
        <div className="grid gap-6 md:grid-cols-2">
          <Field label="Datanet name" description="Shown on the Datanet page and on-chain." required>
            <Input placeholder="e.g. Legal clauses (EN)" />
          </Field>
          <Field label="Slug" error="Use lowercase letters, digits and dashes only." required>
            <Input defaultValue="Legal Clauses!" />
          </Field>
          <Field label="Price per 1k tokens" description="In OPEN.">
            <Input type="number" inputMode="decimal" defaultValue="0.02" step="0.01" />
          </Field>
          <Field label="Owner address" description="Set by your wallet." disabled>
            <Input value="0x70997970C51812dc3A010C7d01b50e0d17dc79C8" readOnly />
          </Field>
          <Field label="Description" description="Markdown is supported." className="md:col-span-2">
            <Textarea placeholder="What is in this Datanet, where it comes from, how it is labelled…" />
          </Field>
          <Field
            label="Licence notes"
            error={["Too short: at least 20 characters.", "Mention the attribution terms."]}
            className="md:col-span-2"
          >
            <Textarea defaultValue="CC BY" />
          </Field>
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor="plain-input">A bare Label + Input</Label>
          <Input id="plain-input" placeholder="No Field wrapper" className="max-w-sm" />
        </div>
      </Section>

      <Section title="Select and Combobox" description="Select for short lists; Combobox for the 700+ SPDX licences.">
        <div className="grid gap-6 md:grid-cols-2">
          <Field label="Base model" description="Radix Select with groups, a separator and a disabled item.">
            {(control) => (
              <Select defaultValue="tiny-gpt-2l">
                <SelectTrigger {...control}>
                  <SelectValue placeholder="Choose a base model" />
                </SelectTrigger>
                <SelectContent>
                  <SelectGroup>
                    <SelectLabel>Byte-level</SelectLabel>
                    <SelectItem value="tiny-gpt-2l">Tiny GPT · 2 layers</SelectItem>
                    <SelectItem value="tiny-gpt-4l">Tiny GPT · 4 layers</SelectItem>
                  </SelectGroup>
                  <SelectSeparator />
                  <SelectGroup>
                    <SelectLabel>BPE (cl100k)</SelectLabel>
                    <SelectItem value="small-6l">Small · 6 layers</SelectItem>
                    <SelectItem value="medium-12l" disabled>
                      Medium · 12 layers (not trained yet)
                    </SelectItem>
                  </SelectGroup>
                </SelectContent>
              </Select>
            )}
          </Field>
          <Field label="Task type" error="Choose a task type." required>
            {(control) => (
              <Select>
                <SelectTrigger {...control}>
                  <SelectValue placeholder="Choose…" />
                </SelectTrigger>
                <SelectContent>
                  {Array.from({ length: 30 }, (_, i) => `Task ${i + 1}`).map((task) => (
                    <SelectItem key={task} value={task}>
                      {task}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            )}
          </Field>
          <Field label="Licence" description={`Search by id or name (${licences.length} SPDX licences).`}>
            <Combobox
              options={licences}
              value={licence}
              onValueChange={setLicence}
              placeholder="Choose a licence"
              searchPlaceholder="Search licences…"
              emptyText="No licence matches."
            />
          </Field>
          <Field label="Licence (empty, invalid)" error="Choose a licence.">
            <Combobox
              options={licences}
              value={emptyLicence}
              onValueChange={setEmptyLicence}
              placeholder="Choose a licence"
              searchPlaceholder="Search licences…"
              clearable
            />
          </Field>
        </div>
      </Section>

      <Section title="Choices" description="Checkbox, RadioGroup, Switch, Slider.">
        <div className="grid gap-8 md:grid-cols-2">
          <div className="flex flex-col gap-4">
            <Field label="Accept the contributor terms" orientation="horizontal" description="Required to sign.">
              <Checkbox defaultChecked />
            </Field>
            <Field label="Unchecked" orientation="horizontal">
              <Checkbox />
            </Field>
            <Field label="Some rows selected" orientation="horizontal">
              <Checkbox checked="indeterminate" />
            </Field>
            <Field label="Invalid" orientation="horizontal" error="You must accept the terms.">
              <Checkbox />
            </Field>
            <Field label="Disabled" orientation="horizontal" disabled>
              <Checkbox defaultChecked />
            </Field>
          </div>
          <div className="flex flex-col gap-6">
            <Field label="Precision">
              {(control, { labelId }) => (
                <RadioGroup
                  defaultValue="fp32"
                  aria-labelledby={labelId}
                  aria-describedby={control["aria-describedby"]}
                  className="flex flex-wrap gap-4"
                >
                  {["fp32", "fp16", "int8"].map((p) => (
                    <div key={p} className="flex items-center gap-2">
                      <RadioGroupItem value={p} id={`precision-${p}`} disabled={p === "int8"} />
                      <Label htmlFor={`precision-${p}`}>{p}</Label>
                    </div>
                  ))}
                </RadioGroup>
              )}
            </Field>
            <Field label="Email me when training ends" orientation="horizontal" description="Off by default.">
              <Switch checked={notify} onCheckedChange={setNotify} />
            </Field>
            <Field label="Disabled switch" orientation="horizontal" disabled>
              <Switch />
            </Field>
            <Field label={`LoRA rank: ${rank[0]}`} description="Higher ranks learn more and cost more.">
              {(_control, { labelId }) => (
                <Slider value={rank} onValueChange={setRank} min={1} max={64} step={1} aria-labelledby={labelId} />
              )}
            </Field>
            <Field label="Token range">
              {() => <Slider defaultValue={[128, 768]} max={1024} step={16} thumbLabels={["Minimum", "Maximum"]} />}
            </Field>
          </div>
        </div>
      </Section>

      <Section
        title="Tag input"
        description="Enter or comma adds, Backspace removes the last, duplicates and bad tags refused."
      >
        <Field label="Tags" description="Lowercase letters, digits and dashes; up to 8.">
          <TagInput
            value={tags}
            onValueChange={setTags}
            placeholder="Add a tag…"
            maxTags={8}
            normalize={(raw) => raw.trim().toLowerCase()}
            validate={(tag) => (/^[a-z0-9-]+$/.test(tag) ? null : `“${tag}”: use letters, digits and dashes.`)}
          />
        </Field>
        <Field label="Disabled">
          <TagInput value={["read-only"]} onValueChange={() => {}} disabled />
        </Field>
      </Section>

      <Section title="Tabs">
        <Tabs defaultValue="overview">
          <TabsList>
            <TabsTrigger value="overview">
              <Info /> Overview
            </TabsTrigger>
            <TabsTrigger value="rows">
              <Database /> Rows
            </TabsTrigger>
            <TabsTrigger value="contributors">
              <Users /> Contributors
            </TabsTrigger>
            <TabsTrigger value="settings" disabled>
              Settings
            </TabsTrigger>
          </TabsList>
          <TabsContent value="overview" className="text-muted-foreground text-sm">
            The overview tab’s content.
          </TabsContent>
          <TabsContent value="rows" className="text-muted-foreground text-sm">
            Rows.
          </TabsContent>
          <TabsContent value="contributors" className="text-muted-foreground text-sm">
            Contributors.
          </TabsContent>
        </Tabs>
      </Section>

      <Section title="Overlays" description="Dialog, AlertDialog, Popover, Tooltip.">
        <Row>
          <Dialog>
            <DialogTrigger asChild>
              <Button variant="outline">Open dialog</Button>
            </DialogTrigger>
            <DialogContent>
              <DialogHeader>
                <DialogTitle>New Datanet version</DialogTitle>
                <DialogDescription>Freezes the approved rows under a Merkle root.</DialogDescription>
              </DialogHeader>
              <Field label="Version note">
                <Input placeholder="What changed" />
              </Field>
              <DialogFooter>
                <DialogClose asChild>
                  <Button variant="outline">Cancel</Button>
                </DialogClose>
                <Button>Publish</Button>
              </DialogFooter>
            </DialogContent>
          </Dialog>
          <AlertDialog>
            <AlertDialogTrigger asChild>
              <Button variant="destructive">
                <Trash2 /> Delete
              </Button>
            </AlertDialogTrigger>
            <AlertDialogContent>
              <AlertDialogHeader>
                <AlertDialogTitle>Delete this draft?</AlertDialogTitle>
                <AlertDialogDescription>Its 120 unpublished rows go too. This cannot be undone.</AlertDialogDescription>
              </AlertDialogHeader>
              <AlertDialogFooter>
                <AlertDialogCancel>Cancel</AlertDialogCancel>
                <AlertDialogAction variant="destructive">Delete</AlertDialogAction>
              </AlertDialogFooter>
            </AlertDialogContent>
          </AlertDialog>
          <Popover>
            <PopoverTrigger asChild>
              <Button variant="secondary">Open popover</Button>
            </PopoverTrigger>
            <PopoverContent>
              <p className="font-medium text-sm">Attribution</p>
              <p className="mt-1 text-muted-foreground text-sm">Answers credit the rows that shaped them.</p>
            </PopoverContent>
          </Popover>
          <Tooltip>
            <TooltipTrigger asChild>
              <Button variant="ghost" size="icon" aria-label="Add">
                <Plus />
              </Button>
            </TooltipTrigger>
            <TooltipContent>Add a contribution</TooltipContent>
          </Tooltip>
        </Row>
      </Section>

      <Section title="Progress">
        <div className="grid gap-4 md:grid-cols-2">
          {[0, 45, 100].map((v) => (
            <div key={v} className="flex flex-col gap-1.5">
              <span className="text-muted-foreground text-xs">{v}%</span>
              <Progress value={v} aria-label={`Example at ${v}%`} />
            </div>
          ))}
          <div className="flex flex-col gap-1.5">
            <span className="text-muted-foreground text-xs">Indeterminate</span>
            <Progress value={null} aria-label="Preparing" />
          </div>
          <div className="flex flex-col gap-1.5">
            <span className="text-muted-foreground text-xs">Small, 70%</span>
            <Progress value={70} size="sm" aria-label="Small example" />
          </div>
        </div>
      </Section>

      <Section title="Table and pagination">
        <Table>
          <TableCaption>Training runs, newest first.</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead className="w-8">
                <Checkbox aria-label="Select all" checked="indeterminate" />
              </TableHead>
              <TableHead>Run</TableHead>
              <TableHead>Base model</TableHead>
              <TableHead>Status</TableHead>
              <TableHead className="text-right">Loss</TableHead>
              <TableHead className="text-right">Tokens/s</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {[
              ["run-0192", "Tiny GPT · 2 layers", "training", "1.842", "5,347"],
              ["run-0191", "Tiny GPT · 4 layers", "complete", "1.201", "4,745"],
              ["run-0190", "Small · 6 layers", "failed", "—", "—"],
            ].map(([id, model, status, loss, speed], i) => (
              <TableRow key={id} data-state={i === 0 ? "selected" : undefined}>
                <TableCell>
                  <Checkbox aria-label={`Select ${id}`} defaultChecked={i === 0} />
                </TableCell>
                <TableCell className="whitespace-nowrap font-mono text-xs">{id}</TableCell>
                <TableCell className="whitespace-nowrap">{model}</TableCell>
                <TableCell>
                  <Badge variant={status === "complete" ? "accent" : status === "failed" ? "outline" : "secondary"}>
                    {status}
                  </Badge>
                </TableCell>
                <TableCell className="text-right tabular-nums">{loss}</TableCell>
                <TableCell className="text-right tabular-nums">{speed}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Pagination page={page} pageCount={12} onPageChange={setPage} />
        <Pagination page={1} pageCount={3} hrefForPage={(p) => `/debug/ui?page=${p}`} label="Link pagination" />
      </Section>

      <Section title="Stepper" description="Collapses to “Step 2 of 4” below the sm breakpoint.">
        <Stepper steps={STEPS} current={step} />
        <Row>
          <Button variant="outline" size="sm" onClick={() => setStep((s) => Math.max(0, s - 1))}>
            Back
          </Button>
          <Button size="sm" onClick={() => setStep((s) => Math.min(STEPS.length - 1, s + 1))}>
            Next
          </Button>
        </Row>
      </Section>

      <Section title="Stats">
        <div className="grid gap-4 sm:grid-cols-3">
          <Stat label="Rows" value="12,408" hint="+320 this week" icon={Database} />
          <Stat label="Contributors" value="87" icon={Users} />
          <Stat label="Earned" value="1,204.5 OPEN" hint="Claimable: 210 OPEN" icon={Coins} />
        </div>
      </Section>

      <Section title="Markdown" description="User markdown, rendered safely (raw HTML dropped, images as links).">
        <div className="rounded-lg border p-4">
          <Markdown>{SAMPLE_MARKDOWN}</Markdown>
        </div>
      </Section>
    </div>
  );
}
