/** A published disclosure as the API answers it: its metadata, and for one publication the report exactly as published. */
import type { PublishedRow } from '../db/disclosures-repo.js';
import type { PublishedReport } from '../export/disclosure-sheets.js';

export function publicationJson(row: PublishedRow) {
  return {
    id: row.id, entity: row.entity, campaign: row.campaign, consolidated: row.consolidated, from: row.from, to: row.to, publishedAt: row.publishedAt, sha256: row.sha256,
    chain: { seq: row.chainSeq, hash: row.chainHash }, supersedes: row.supersedesId, supersededBy: row.supersededBy, reason: row.reason,
  };
}

export function publishedJson(row: PublishedRow) {
  return { ...publicationJson(row), report: JSON.parse(row.report) as PublishedReport };
}
