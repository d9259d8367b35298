/** Answering with a disclosure — live or as published — in the format asked, or its posting version. */
import type { FastifyReply } from 'fastify';
import { disclosureOutput } from '../app/reports/disclosure-output.js';
import type { ReportFormat } from '../app/reports/report-output.js';
import type { EntityRow } from '../db/entities-repo.js';
import type { Store } from '../db/store.js';
import type { Publication, PublishedReport } from '../export/disclosure-sheets.js';
import { streamFile } from './file-reply.js';
import { sendRejection } from './problem.js';

/** What the query asks: the format, and for a posting version where and from when it hangs. */
export interface DisclosureAsked {
  readonly format: ReportFormat;
  readonly posting: boolean;
  readonly place?: string | undefined;
  readonly postedOn?: string | undefined;
}

export function replyDisclosure(
  store: Store,
  reply: FastifyReply,
  input: { entity: EntityRow; name: string; asked: DisclosureAsked; body: unknown; report: PublishedReport; published: Publication | null },
): FastifyReply {
  const { format, posting, place, postedOn } = input.asked;
  const output = disclosureOutput(store, { ...input, format, ...(posting && { posting: { place, postedOn } }) });
  return output.ok ? streamFile(reply, output.value) : sendRejection(reply, { ...output, path: `querystring.${output.path ?? 'format'}` });
}
