/**
 * Commands on the operator's tokens: issue one, revoke one (or one that does not exist),
 * and sign in with a made-up token or with none. Every other command may be sent with one
 * of these tokens, live or revoked.
 */
import { expect } from 'vitest';
import { accepted, refused } from './answer.js';
import { ApiCommand, type Body, type Step } from './command.js';
import { pick, type Model } from './model.js';
import { OPERATOR } from './world.js';

export class IssueToken extends ApiCommand {
  describe() {
    return 'IssueToken()';
  }
  step(model: Model): Step {
    return {
      request: { method: 'POST', url: `/api/users/${OPERATOR}/tokens`, payload: { label: 'Máy kế toán' } },
      prediction: accepted(201),
      apply: (body: Body) => {
        expect(body, 'issued token').toMatchObject({ user: OPERATOR, token: expect.stringMatching(/^flt_/) });
        model.tokens.push({ id: body.id, token: body.token, revoked: false });
      },
    };
  }
}

export class RevokeToken extends ApiCommand {
  /** @param index picks the token; stray names one that does not exist. */
  constructor(readonly index: number, readonly stray: boolean, as: number | null) {
    super(as);
  }
  override check(model: Readonly<Model>): boolean {
    return this.stray || model.tokens.length > 0;
  }
  describe() {
    return `RevokeToken(#${this.index}${this.stray ? '(unknown)' : ''})`;
  }
  step(model: Model): Step {
    const token = this.stray ? undefined : pick(model.tokens, this.index);
    const refusal = !token ? 'token_unknown' : token.revoked ? 'token_already_revoked' : null;
    return {
      request: { method: 'POST', url: `/api/tokens/${token?.id ?? 'ffffffffffffffff'}/revoke` },
      prediction: refusal ? refused(refusal) : accepted(200),
      apply: () => {
        if (token) token.revoked = true;
      },
    };
  }
}

/** A read with a made-up token, with no token, or (through `as`) with one of the operator's. */
export class SignIn extends ApiCommand {
  constructor(readonly sender: 'made-up' | 'none' | 'chosen', as: number | null) {
    super(as);
  }
  describe() {
    return `SignIn(${this.sender})`;
  }
  step(): Step {
    const request = { method: 'GET' as const, url: '/api/entities/K/periods' };
    if (this.sender === 'made-up') return { request, token: `flt_0123456789abcdef_${'x'.repeat(43)}`, prediction: refused('token_invalid') };
    if (this.sender === 'none') return { request, token: null, prediction: refused('unauthenticated') };
    return { request, prediction: accepted(200) };
  }
}
