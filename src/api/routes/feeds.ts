/**
 * Live bank feeds: a fund registers a feed for one of its bank accounts and lists its feeds;
 * SePay and Casso post to the feed's URL. Those two routes are public — a delivery proves
 * itself by its signature or key — and read the body as raw bytes, which the signature
 * covers; every delivery is stored before it is answered, refused ones too.
 */
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FEED_AUTH, registerFeed, type FeedProvider } from '../../app/feeds/register-feed.js';
import { receiveDelivery } from '../../app/feeds/receive-delivery.js';
import { listFeeds } from '../../db/feeds-repo.js';
import type { Store } from '../../db/store.js';
import { accept } from '../../ledger/rejections.js';
import { actorOf, fundOf } from '../access.js';
import { sendApiProblem } from '../problem.js';
import { entityParams, wholeNumber } from '../schemas.js';
import { answerWrite, idempotencyHeaders } from '../write.js';

const tags = ['bank feeds'];
/** A delivery is one transaction or a few: a small body. */
const DELIVERY_LIMIT = 64 * 1024;
const PROVIDERS = Object.keys(FEED_AUTH) as [FeedProvider, ...FeedProvider[]];

const feedBody = z
  .strictObject({
    provider: z.enum(PROVIDERS),
    auth: z.enum(['apikey', 'hmac', 'v1', 'v2']).meta({ description: 'SePay: apikey or hmac; Casso: v1 (secure-token) or v2 (X-Casso-Signature)' }),
    bankAccount: z.string().min(1).max(40),
    secret: z.string().min(16).max(200).meta({ description: 'The key or secret set at the provider; never shown again' }),
    posting: z.enum(['post', 'draft']).optional().meta({ description: 'What an accepted transfer becomes: a posted bank receipt, or a draft for an approver (the default)' }),
    campaignPattern: z.string().min(1).max(200).optional().meta({ description: 'Text with {code} where donors write a campaign’s code (e.g. "UH {code}"); the account’s campaign otherwise' }),
  })
  .meta({ example: { provider: 'casso', auth: 'v2', bankAccount: '0071000123456', secret: 'khoa-bi-mat-cua-quy-0123456789', posting: 'draft' } });
const feed = z.strictObject({
  id: z.number().int(), provider: z.enum(PROVIDERS), auth: z.string(), bankAccount: z.string(), posting: z.enum(['post', 'draft']), campaignPattern: z.string().nullable(), url: z.string(),
});
const feedList = z.strictObject({
  feeds: z.array(z.strictObject({ id: z.number().int(), provider: z.string(), auth: z.string(), bankAccount: z.string(), createdAt: z.string(), accepted: z.number().int(), rejected: z.number().int(), events: z.number().int() })),
});
const answer = z.strictObject({ success: z.literal(true), outcome: z.enum(['accepted', 'duplicate', 'test']), events: z.number().int() });
const deliveryParams = z.object({ feed: wholeNumber(1, Number.MAX_SAFE_INTEGER) }).strict();

/** The raw bodies of this plugin's requests, which the signature checks need byte for byte. */
const RAW = new WeakMap<object, Buffer>();

export function feedRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/entities/:entity/feeds',
      { config: { access: { permission: 'entity.manage' } }, schema: { tags, summary: 'Register a live feed (SePay or Casso) for one of the fund’s bank accounts; answers the URL to give the provider', params: entityParams, body: feedBody, headers: idempotencyHeaders, response: { 201: feed } } },
      async (request, reply) => {
        const entity = fundOf(request).code;
        return answerWrite(store, request, reply, { entity }, () => {
          const made = registerFeed(store, { entity, ...request.body, actor: actorOf(request) });
          return made.ok ? accept({ status: 201, body: made.value }) : { ...made, path: `body.${made.path ?? ''}` };
        });
      },
    );
    app.get(
      '/api/entities/:entity/feeds',
      { config: { access: { permission: 'ledger.read' } }, schema: { tags, summary: 'The fund’s live feeds, with the deliveries accepted and refused and the events kept; no secrets', params: entityParams, response: { 200: feedList } } },
      async (request) => ({ feeds: listFeeds(store.sqlite, fundOf(request).id) }),
    );

    await app.register(async (plugin) => {
      const deliveries = plugin.withTypeProvider<ZodTypeProvider>();
      deliveries.removeContentTypeParser('application/json');
      deliveries.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: DELIVERY_LIMIT }, (request, body, done) => {
        RAW.set(request, body as Buffer);
        done(null, undefined);
      });
      for (const provider of PROVIDERS) {
        deliveries.post(
          `/api/feeds/${provider}/:feed`,
          {
            config: { access: { public: true } },
            schema: {
              tags, summary: `A ${provider === 'sepay' ? 'SePay' : 'Casso'} delivery: stored raw, verified as the provider specifies, each transaction kept once per provider id`,
              params: deliveryParams, response: { 200: answer },
            },
          },
          async (request, reply) => {
            const answered = receiveDelivery(store, { provider, feedId: request.params.feed, headers: request.headers, raw: RAW.get(request) ?? Buffer.alloc(0), now: Date.now() });
            if (answered.status === 200) return { success: true as const, outcome: answered.outcome as 'accepted' | 'duplicate' | 'test', events: answered.events };
            const code = answered.status === 404 ? 'not_found' : answered.status === 401 ? 'delivery_unverified' : answered.status === 422 ? 'delivery_account_mismatch' : 'delivery_unreadable';
            return sendApiProblem(reply, code, answered.reason ?? undefined, answered.status === 404 ? 'params.feed' : 'body');
          },
        );
      }
    });
  };
}
