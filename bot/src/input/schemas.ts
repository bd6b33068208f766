import { z } from 'zod';
import { calendarDateProblem, isQuarterId, msg, unsafeTextProblem, type IsoDate, type Period, type QuarterId } from '@okr/core';
import { Refusal } from '../services/refusal.js';

/**
 * The schemas every edge shares — REST bodies, card submissions, query parameters — so a date,
 * a month, a quarter or a typed text is checked the same way wherever it comes in, and refused in
 * Spanish before anything is stored.
 */

/** A real calendar date (AAAA-MM-DD) of the years the app accepts: «2026-11-31» and «0000-01-01» are refused. */
export const calendarDate = z.string().superRefine((value, ctx) => {
  const problem = calendarDateProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
}) as unknown as z.ZodType<IsoDate, string>;

/** A month (AAAA-MM) of those years. */
export const calendarMonth = z.string().superRefine((value, ctx) => {
  if (!/^\d{4}-\d{2}$/.test(value) || calendarDateProblem(`${value}-01`)) ctx.addIssue({ code: 'custom', message: msg.errors.monthFormat(value) });
}) as unknown as z.ZodType<Period, string>;

/** A quarter (2026-Q4). */
export const quarterId = z.string().superRefine((value, ctx) => {
  if (!isQuarterId(value)) ctx.addIssue({ code: 'custom', message: msg.errors.invalidQuarter(value) });
}) as unknown as z.ZodType<QuarterId, string>;

/**
 * Text a person types (comments, acta fields, reasons), at most `max` characters: control
 * characters (NUL, BEL, ESC…) and the bidirectional overrides that disguise a file name
 * (`factura \u202Efdp.exe`) are refused with a Spanish message; tabs and line breaks are kept.
 */
export const userText = (max: number) =>
  z.string().max(max).superRefine((value, ctx) => {
    const problem = unsafeTextProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

type Issue = z.core.$ZodIssue;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const key of path) node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  return node;
}

/** One of zod's issues as a person reads it: which field, and what is wrong, in Spanish (zod's English never reaches anyone). */
function spanish(issue: Issue, input: unknown): { path: string; message: string } {
  const p = msg.errors.fieldProblems;
  const path = issue.path.map(String).join('.');
  let problem: string;
  switch (issue.code) {
    case 'invalid_type':
      problem = valueAt(input, issue.path) === undefined ? p.required : p.type(msg.errors.typeNames[issue.expected] ?? issue.expected);
      break;
    case 'too_big':
      problem = issue.origin === 'string' || issue.origin === 'array' ? p.tooLong(Number(issue.maximum)) : p.tooBig(Number(issue.maximum));
      break;
    case 'too_small':
      problem = issue.origin === 'string' || issue.origin === 'array' ? p.tooShort(Number(issue.minimum)) : p.tooSmall(Number(issue.minimum));
      break;
    case 'invalid_value':
      problem = p.choice(issue.values.map(String).join(', '));
      break;
    case 'invalid_format':
      problem = p.format;
      break;
    case 'unrecognized_keys':
      problem = p.unknownKeys(issue.keys.join(', '));
      break;
    case 'custom':
      // Our own refinements speak Spanish already.
      problem = issue.message;
      break;
    default:
      problem = p.invalid;
  }
  return { path, message: msg.errors.field(path, problem) };
}

/** Checks `input` against `schema`: the value, or a Refusal («La solicitud no es válida: …») listing each problem in Spanish. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => spanish(issue, input));
  // A single value (a query parameter, a date) is told its problem alone; a body, each field's.
  const message = details.length === 1 && !details[0]!.path ? details[0]!.message : `${msg.errors.invalidRequest} ${details.map((d) => d.message).join(' ')}`;
  throw new Refusal('invalid', message, details);
}
