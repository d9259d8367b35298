/**
 * A fund's seal image: uploaded (checked, then kept with the fund's profile), removed, and
 * both on the audit trail with the image's SHA-256, so who changed the seal a document
 * printed is never in doubt. Where it prints is the profile's choice (seal.imageOn).
 */
import { createHash } from 'node:crypto';
import { recordAudit, type Actor } from '../db/audit-repo.js';
import { findEntityByCode, updateEntityRow, type EntityRow } from '../db/entities-repo.js';
import type { Store } from '../db/store.js';
import { checkSealImage, type SealImageType } from '../export/seal-image.js';
import { accept, reject, type Result } from '../ledger/rejections.js';
import { inTransaction } from './in-transaction.js';

export function setSealImage(store: Store, request: { entity: string; bytes: Uint8Array; type: SealImageType; actor: Actor }): Result<EntityRow> {
  const checked = checkSealImage(request.bytes, request.type);
  if (!checked.ok) return checked;
  return inTransaction(store, () => {
    const current = findEntityByCode(store.db, request.entity);
    if (!current) return reject('entity_unknown', 'entity', request.entity);
    const updated = updateEntityRow(store.db, current.id, { sealImage: Buffer.from(request.bytes), sealImageType: request.type });
    const { width, height } = checked.value;
    const sha256 = createHash('sha256').update(request.bytes).digest('hex');
    recordAudit(store.db, request.actor, { entityId: current.id, kind: 'entity.seal_image_set', subject: current.code, detail: { type: request.type, bytes: request.bytes.length, width, height, sha256 } });
    return accept(updated);
  });
}

export function removeSealImage(store: Store, request: { entity: string; actor: Actor }): Result<EntityRow> {
  return inTransaction(store, () => {
    const current = findEntityByCode(store.db, request.entity);
    if (!current) return reject('entity_unknown', 'entity', request.entity);
    if (current.sealImage === null) return reject('seal_image_none', 'entity', request.entity);
    const updated = updateEntityRow(store.db, current.id, { sealImage: null, sealImageType: null });
    recordAudit(store.db, request.actor, { entityId: current.id, kind: 'entity.seal_image_removed', subject: current.code, detail: {} });
    return accept(updated);
  });
}
