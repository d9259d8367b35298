/**
 * The validation report of a MISA export: how many vouchers and list entries each template
 * holds, how many are clean, what MISA would refuse (the first thousand problems, with the
 * count of all), and the vouchers the product has no template for.
 */
import type { MisaLayout, MisaProduct, MisaTemplate } from './layout.js';
import type { MisaIssue } from './misa-check.js';

export const LISTED_ISSUES = 1000;

export interface MisaTemplateCount {
  readonly template: MisaTemplate;
  /** Vouchers, or entries of a list. */
  readonly items: number;
  readonly rows: number;
  readonly clean: number;
  /** Vouchers left out because an earlier export carried them. */
  readonly sent: number;
}

export interface MisaReport {
  readonly product: MisaProduct;
  readonly from: string;
  readonly to: string;
  readonly templates: MisaTemplateCount[];
  readonly errors: number;
  readonly issues: MisaIssue[];
  /** Vouchers of kinds the product has no import template for, by the template they would need. */
  readonly withoutTemplate: { readonly template: MisaTemplate; readonly vouchers: number }[];
}

/** Adds up a report as the items of each template are checked. */
export class MisaReportBuilder {
  private readonly counts = new Map<MisaTemplate, { items: number; rows: number; clean: number; sent: number }>();
  private readonly missing = new Map<MisaTemplate, number>();
  private readonly issues: MisaIssue[] = [];
  private errors = 0;

  constructor(private readonly product: MisaProduct, private readonly from: string, private readonly to: string, layouts: readonly MisaLayout[]) {
    for (const layout of layouts) this.counts.set(layout.template, { items: 0, rows: 0, clean: 0, sent: 0 });
  }

  add(template: MisaTemplate, rows: number, issues: readonly MisaIssue[]): void {
    const count = this.counts.get(template);
    if (!count) return;
    count.items += 1;
    count.rows += rows;
    if (issues.length === 0) count.clean += 1;
    this.errors += issues.length;
    for (const found of issues) if (this.issues.length < LISTED_ISSUES) this.issues.push(found);
  }

  sent(template: MisaTemplate): void {
    const count = this.counts.get(template);
    if (count) count.sent += 1;
  }

  withoutTemplate(template: MisaTemplate): void {
    this.missing.set(template, (this.missing.get(template) ?? 0) + 1);
  }

  report(): MisaReport {
    return {
      product: this.product, from: this.from, to: this.to,
      templates: [...this.counts].map(([template, c]) => ({ template, ...c })),
      errors: this.errors, issues: this.issues,
      withoutTemplate: [...this.missing].map(([template, vouchers]) => ({ template, vouchers })),
    };
  }
}
