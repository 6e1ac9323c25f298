// The qualification checklist item as forms and the service accept it. No database here: the
// settings form imports the limits too.
import { z } from 'zod';

export const QUALIFICATION_LABEL_MAX = 80;
export const QUALIFICATION_HINT_MAX = 300;

export const qualificationItemSchema = z.object({
  label: z
    .string({ error: 'Enter a label.' })
    .trim()
    .min(1, { error: 'Enter a label.' })
    .max(QUALIFICATION_LABEL_MAX, { error: `Use at most ${QUALIFICATION_LABEL_MAX} characters.` }),
  hint: z
    .string({ error: 'Use text.' })
    .trim()
    .max(QUALIFICATION_HINT_MAX, { error: `Use at most ${QUALIFICATION_HINT_MAX} characters.` })
    .nullish()
    .transform((value) => value || null),
  required: z.boolean({ error: 'Use true or false.' }),
});
export type QualificationItemInput = z.input<typeof qualificationItemSchema>;
