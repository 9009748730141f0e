"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { MetricPoint } from "./api";

const TRAIN_COLOR = "var(--primary)";
const VAL_COLOR = "oklch(0.68 0.16 55)";

/** Training and validation loss by step, drawn in the theme's colours; points arrive as the run trains. */
export function LossChart({ metrics }: { metrics: MetricPoint[] }) {
  if (metrics.length === 0) {
    return (
      <div className="flex h-64 items-center justify-center rounded-lg border border-dashed text-center text-muted-foreground text-sm">
        Loss curves appear with the first training step.
      </div>
    );
  }
  const last = metrics[metrics.length - 1];
  return (
    <figure className="grid gap-2">
      <div
        className="h-64 w-full"
        role="img"
        aria-label={`Loss by step: latest training loss ${last?.loss.toFixed(3)}`}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={metrics} margin={{ top: 8, right: 12, bottom: 4, left: -8 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis
              dataKey="step"
              type="number"
              domain={["dataMin", "dataMax"]}
              tick={{ fill: "var(--muted-foreground)", fontSize: 11 }}
              stroke="var(--border)"
            />
            <YAxis
              tick={{ fill: "var(--muted-foreground)", fontSize: 11 }}
              stroke="var(--border)"
              domain={["auto", "auto"]}
              tickFormatter={(v: number) => String(Number(v.toPrecision(4)))}
              width={56}
            />
            <Tooltip
              contentStyle={{
                background: "var(--popover)",
                border: "1px solid var(--border)",
                borderRadius: 8,
                color: "var(--popover-foreground)",
                fontSize: 12,
              }}
              labelFormatter={(step) => `Step ${step}`}
              formatter={(value) => (typeof value === "number" ? value.toFixed(4) : String(value))}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Line
              type="monotone"
              dataKey="loss"
              name="Training loss"
              stroke={TRAIN_COLOR}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
            <Line
              type="monotone"
              dataKey="valLoss"
              name="Validation loss"
              stroke={VAL_COLOR}
              strokeWidth={2}
              dot={{ r: 2 }}
              connectNulls
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
