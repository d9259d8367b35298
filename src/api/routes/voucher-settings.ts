/** A fund's voucher settings: the number format, and per type the prefix and whether approval is required. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { setVoucherSettings, voucherSettingsOf } from '../../app/vouchers/voucher-settings.js';
import type { Store } from '../../db/store.js';
import { actorOf, fundOf } from '../access.js';
import { sendRejection } from '../problem.js';
import * as success from '../response-schemas.js';
import { entityParams } from '../schemas.js';
import { voucherSettingsChange } from '../voucher-schemas.js';

export function voucherSettingRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/entities/:entity/voucher-settings',
      { config: { access: { permission: 'ledger.read' } }, schema: { tags: ['vouchers'], summary: 'Number format, prefixes and approval rules of the fund’s vouchers', params: entityParams, response: { 200: success.voucherSettings } } },
      async (request) => voucherSettingsOf(store, fundOf(request)),
    );

    app.patch(
      '/api/entities/:entity/voucher-settings',
      { config: { access: { permission: 'entity.manage' } }, schema: { tags: ['vouchers'], summary: 'Change the number format, a prefix or an approval rule', params: entityParams, body: voucherSettingsChange, response: { 200: success.voucherSettings } } },
      async (request, reply) => {
        const saved = setVoucherSettings(store, { entity: fundOf(request).code, change: request.body, actor: actorOf(request) });
        return saved.ok ? saved.value : sendRejection(reply, saved);
      },
    );
  };
}
