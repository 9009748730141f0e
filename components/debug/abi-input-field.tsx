"use client";

import { type ReactNode, useState } from "react";
import type { AbiParameter } from "viem";
import { keccak256, toHex } from "viem";
import { useAccount } from "wagmi";
import { displayType, exampleJson, intRange, isJsonType, parameterLabel, scaleToWei } from "@/lib/chain/abi-values";
import { cn } from "@/lib/utils/cn";
import { helperClass, inputClass, textareaClass } from "./field-styles";
import { NativeSelect } from "./native-select";
import type { FunctionForm } from "./use-function-form";

interface AbiInputFieldProps {
  param: AbiParameter;
  index: number;
  /** Unique per function, so ids never clash between forms. */
  idPrefix: string;
  form: FunctionForm;
  disabled?: boolean;
}

/** One function argument: the right control for its ABI type, its helpers and its error. */
export function AbiInputField({ param, index, idPrefix, form, disabled }: AbiInputFieldProps) {
  const id = `${idPrefix}-${index}`;
  const value = form.values[index] ?? "";
  const [helperError, setHelperError] = useState<string>();
  const error = form.errorFor(index) ?? helperError;
  const describedBy = error ? `${id}-error` : undefined;
  const setValue = (next: string) => {
    setHelperError(undefined);
    form.setValue(index, next);
  };
  const common = {
    id,
    name: param.name || `arg${index}`,
    disabled,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    onBlur: () => form.touch(index),
    autoComplete: "off",
    spellCheck: false,
  } as const;

  let control: ReactNode;
  if (param.type === "bool") {
    control = (
      <NativeSelect {...common} value={value} onChange={(event) => setValue(event.target.value)} className="w-full">
        <option value="false">false</option>
        <option value="true">true</option>
      </NativeSelect>
    );
  } else if (isJsonType(param.type)) {
    control = (
      <textarea
        {...common}
        rows={2}
        value={value}
        placeholder={exampleJson(param)}
        onChange={(event) => setValue(event.target.value)}
        className={textareaClass}
      />
    );
  } else {
    control = (
      <div className="flex gap-1.5">
        <input
          {...common}
          type="text"
          inputMode={intRange(param.type) ? "decimal" : undefined}
          value={value}
          placeholder={placeholderOf(param.type)}
          onChange={(event) => setValue(event.target.value)}
          className={cn(inputClass, param.type !== "string" && "font-mono text-[13px]")}
        />
        <FieldHelper
          type={param.type}
          value={value}
          setValue={setValue}
          setError={setHelperError}
          disabled={disabled}
        />
      </div>
    );
  }

  return (
    <div className="grid min-w-0 gap-1.5">
      <label htmlFor={id} className="flex min-w-0 items-baseline gap-2 text-sm">
        <span className="font-medium font-mono text-[13px]">{parameterLabel(param, index)}</span>
        <span className="truncate font-mono text-muted-foreground text-xs">{displayType(param)}</span>
      </label>
      {control}
      {error ? (
        <p id={`${id}-error`} className="text-destructive text-xs leading-snug">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function placeholderOf(type: string): string {
  if (type === "address") return "0x… (40 hex characters)";
  if (type === "string") return "text";
  if (type === "bytes32") return "0x… (64 hex characters)";
  if (type.startsWith("bytes")) return "0x…";
  const range = intRange(type);
  if (range) return range.signed ? "whole number, e.g. -1" : "whole number, e.g. 1000";
  return type;
}

/** The one-click helper a type gets: ×10¹⁸ for integers, "Me" for addresses, "Hash" for bytes32. */
function FieldHelper(props: {
  type: string;
  value: string;
  setValue: (value: string) => void;
  setError: (error: string | undefined) => void;
  disabled: boolean | undefined;
}) {
  const { address } = useAccount();
  const { type, value, setValue, setError, disabled } = props;
  // uint96 and wider usually hold token amounts.
  if ((intRange(type)?.bits ?? 0) >= 96) {
    return (
      <button
        type="button"
        disabled={disabled}
        className={helperClass}
        aria-label="Multiply by 10^18"
        title="Multiply by 10^18: type 1.5 for 1.5 tokens of 18 decimals"
        onClick={() => {
          const scaled = scaleToWei(value);
          if (scaled.ok) setValue(scaled.value);
          else setError(scaled.error);
        }}
      >
        ×10¹⁸
      </button>
    );
  }
  if (type === "address" && address) {
    return (
      <button
        type="button"
        disabled={disabled}
        className={helperClass}
        aria-label="Use my address"
        title={`Use the connected wallet's address (${address})`}
        onClick={() => setValue(address)}
      >
        Me
      </button>
    );
  }
  if (type === "bytes32") {
    return (
      <button
        type="button"
        disabled={disabled || value === "" || /^0x[0-9a-fA-F]{64}$/.test(value)}
        className={helperClass}
        aria-label="Hash the text with keccak256"
        title="Replace the text with its keccak256 hash"
        onClick={() => setValue(keccak256(toHex(value)))}
      >
        keccak
      </button>
    );
  }
  return null;
}
