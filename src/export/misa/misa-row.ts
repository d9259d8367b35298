/** One row of a MISA template: what each field holds, text or number. */
import type { MisaField } from './layout.js';

export type MisaRow = Readonly<Partial<Record<MisaField, string | number>>>;
