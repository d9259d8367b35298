/** Answering with a disclosure — live or as published — in the format asked, or its posting version. */
import type { FastifyReply } from 'fastify';
import { disclosureOutput } from '../app/reports/disclosure-output.js';
import type { EntityRow } from '../db/entities-repo.js';
import type { Store } from '../db/store.js';
import type { Publication, PublishedReport } from '../export/disclosure-sheets.js';
import type { ReportFormat } from '../app/reports/report-output.js';
import { streamFile } from './file-reply.js';
import { sendRejection } from './problem.js';

export interface DisclosureAsked {
  readonly format: ReportFormat;
  readonly posting: boolean;
  readonly place?: string;
  readonly postedOn?: string;
}

export function replyDisclosure(
  store: Store,
  reply: FastifyReply,
  input: { entity: EntityRow; name: string; asked: DisclosureAsked; body: unknown; report: PublishedReport; published: Publication | null; postingDays: number },
): FastifyReply {
  const { asked } = input;
  const posting = asked.posting ? { days: input.postingDays, ...(asked.place !== undefined && { place: asked.place }), ...(asked.postedOn !== undefined && { postedOn: asked.postedOn }) } : undefined;
  const output = disclosureOutput(store, { entity: input.entity, name: input.name, format: asked.format, body: input.body, report: input.report, published: input.published, ...(posting && { posting }) });
  return output.ok ? streamFile(reply, output.value) : sendRejection(reply, { ...output, path: `querystring.${output.path ?? 'format'}` });
}
