/**
 * The OpenAPI document, generated from the routes' zod schemas, served as JSON at
 * /docs/json and as a browsable page at /docs. Its description lists every code an error
 * answer can carry, with its HTTP status.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { REJECTIONS, type RejectionCode } from '../ledger/rejections.js';
import { API_PROBLEMS, statusOf } from './problem-codes.js';
import { problem } from './schemas.js';

function codeTable(): string {
  const rows = [
    ...Object.entries(API_PROBLEMS).map(([code, p]) => `| \`${code}\` | ${p.status} | ${p.title} |`),
    ...Object.entries(REJECTIONS).map(([code, message]) => `| \`${code}\` | ${statusOf(code as RejectionCode)} | ${message} |`),
  ];
  return ['| code | status | meaning |', '|---|---|---|', ...rows].join('\n');
}

const DESCRIPTION = `Sổ cái kế toán cho các quỹ do Mặt trận Tổ quốc Việt Nam quản lý (Thông tư 103/2018/TT-BTC).

Every route but /health and /docs needs \`Authorization: Bearer flt_…\`; a token is issued with
\`npm run cli -- issue-token --user NAME\`. Amounts are decimal strings of đồng; dates are
\`YYYY-MM-DD\`. POST requests that create something accept an \`Idempotency-Key\` header: the
same key with the same body returns the first answer with \`Idempotency-Replayed: true\`.
Keys are kept per fund and per user; issuing a token takes none, since its secret is kept nowhere.

Every string must be well-formed Unicode without control characters (tab and line breaks
aside) or bidirectional overrides, JSON bodies nest at most 16 levels, and every date is a
real calendar date: anything else is 400 \`invalid_request\` naming the field.

Every error answer is \`application/problem+json\` with \`code\`, \`title\`, \`status\`,
\`field\` where one input is at fault, and \`requestId\`. The codes:

${codeTable()}`;

export async function installOpenApi(app: FastifyInstance): Promise<void> {
  // Every route may answer with a problem; saying so once here documents them all.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/docs')) return;
    const response = (route.schema?.response ?? {}) as Record<string, unknown>;
    route.schema = { ...route.schema, response: { ...response, '4XX': problem, '5XX': problem } };
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'fund-ledger API', version: '0.1.0', description: DESCRIPTION },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'flt_<id>_<secret>' } } },
      security: [{ bearer: [] }],
      tags: ['entities', 'accounts', 'entries', 'periods', 'reports', 'audit', 'users'].map((name) => ({ name })),
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', persistAuthorization: true } });
}
