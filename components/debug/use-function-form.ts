"use client";

import { useCallback, useMemo, useState } from "react";
import type { AbiParameter } from "viem";
import { parseArguments } from "@/lib/chain/abi-values";

export interface FunctionForm {
  values: string[];
  setValue: (index: number, value: string) => void;
  touch: (index: number) => void;
  /** The field's parse error once it was left or the form submitted. */
  errorFor: (index: number) => string | undefined;
  /** Marks the form submitted; the parsed arguments, or undefined when a field is invalid. */
  submit: () => unknown[] | undefined;
}

/** The typed text of a function's inputs and their parsed, ABI-typed values. */
export function useFunctionForm(inputs: readonly AbiParameter[]): FunctionForm {
  const [values, setValues] = useState<string[]>(() => inputs.map((param) => (param.type === "bool" ? "false" : "")));
  const [touched, setTouched] = useState<boolean[]>(() => inputs.map(() => false));
  const [submitted, setSubmitted] = useState(false);
  const parsed = useMemo(() => parseArguments(inputs, values), [inputs, values]);

  const setValue = useCallback((index: number, value: string) => {
    setValues((current) => current.map((item, i) => (i === index ? value : item)));
  }, []);
  const touch = useCallback((index: number) => {
    setTouched((current) => (current[index] ? current : current.map((item, i) => (i === index ? true : item))));
  }, []);
  const errorFor = (index: number) =>
    !parsed.ok && (submitted || (touched[index] && values[index] !== "")) ? parsed.errors[index] : undefined;
  const submit = () => {
    setSubmitted(true);
    return parsed.ok ? parsed.args : undefined;
  };
  return { values, setValue, touch, errorFor, submit };
}
