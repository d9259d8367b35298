/**
 * The parsers of request bodies. A body must be valid UTF-8 (bytes that are not are refused,
 * never replaced by U+FFFD); JSON has its nesting measured in one pass before it is parsed,
 * so an array 4,096 levels deep is refused without being built, and the parse itself is
 * Fastify's, which refuses `__proto__` and `constructor.prototype` keys. CSV arrives as text;
 * a PNG or JPEG (a seal's image) as its bytes, checked by the route that takes it.
 */
import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { jsonDepth, MAX_INPUT_DEPTH } from '../app/clean-input.js';
import { SEAL_IMAGE_TYPES } from '../export/seal-image.js';

/** A body refused before it is parsed; answered as 400 naming the body. */
export class BodyRefused extends Error {
  readonly statusCode = 400;
  readonly code = 'FST_ERR_BODY_REFUSED';
}

function utf8(body: Buffer): string | BodyRefused {
  return isUtf8(body) ? body.toString('utf8') : new BodyRefused('the body is not valid UTF-8');
}

export function installBodyParsers(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const text = utf8(body as Buffer);
    if (text instanceof BodyRefused) return done(text, undefined);
    if (jsonDepth(text) > MAX_INPUT_DEPTH) return done(new BodyRefused(`the body is nested deeper than ${MAX_INPUT_DEPTH} levels`), undefined);
    return parse(request, text, done);
  });
  app.addContentTypeParser(Object.keys(SEAL_IMAGE_TYPES), { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  app.addContentTypeParser('text/csv', { parseAs: 'buffer' }, (_request, body, done) => {
    const text = utf8(body as Buffer);
    return text instanceof BodyRefused ? done(text, undefined) : done(null, text);
  });
}
