/**
 * The JSON body parser: the text's nesting is measured in one pass before it is parsed,
 * so an array 4,096 levels deep is refused without being built; the parse itself is
 * Fastify's, which refuses `__proto__` and `constructor.prototype` keys.
 */
import type { FastifyInstance } from 'fastify';
import { jsonDepth, MAX_INPUT_DEPTH } from '../app/clean-input.js';

export class BodyTooDeep extends Error {
  readonly statusCode = 400;
  readonly code = 'FST_ERR_BODY_TOO_DEEP';
  constructor() {
    super(`the body is nested deeper than ${MAX_INPUT_DEPTH} levels`);
  }
}

export function installJsonBody(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = String(body);
    if (jsonDepth(text) > MAX_INPUT_DEPTH) return done(new BodyTooDeep(), undefined);
    return parse(request, text, done);
  });
}
