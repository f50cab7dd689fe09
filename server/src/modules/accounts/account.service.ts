import { accounts, problemOf, type Principal } from '@massline/shared';
import { AppError, invalidInput, notFound } from '../../common/app-error';
import type { Connection, PageArgs } from '../../common/connection';
import { inTransaction, type EventPublisher } from '../../common/domain-events';
import type { RequestContext } from '../../common/request-context';
import type { AccountsEvents } from './accounts.events';
import type { AuthService } from './auth.service';
import type { ChangePasswordInput } from './dto/account.inputs';
import { hashPassword, sha256, verifyPassword } from './password';
import type { Session } from './session.entity';
import { SessionRepository } from './session.repository';
import { UserRepository } from './user.repository';

type UserPrincipal = Extract<Principal, { kind: 'USER' }>;

/** The signed-in person and the hash of the session they came with: what "My account" acts on. */
interface Own {
  principal: UserPrincipal;
  sessionHash: string;
}

/**
 * "My account": a signed-in person changes their password (re-authenticated by the current one, counted
 * by the sign-in throttle) and sees and ends their own sessions. An API token has neither: SESSION_REQUIRED.
 * Sessions are named by their row key only (session.entity.ts); another person's session is NOT_FOUND,
 * as if it did not exist.
 */
export class AccountService {
  constructor(
    private readonly auth: AuthService,
    private readonly events: EventPublisher<AccountsEvents>,
  ) {}

  private own(context: RequestContext): Own {
    const { principal } = context;
    const secret = context.cookies.sessionSecret;
    if (principal.kind !== 'USER' || !secret) {
      throw new AppError('SESSION_REQUIRED', 'Only a person signed in with a session has a password and sessions');
    }
    return { principal, sessionHash: sha256(secret) };
  }

  /** Whether a session is the one the request came with. */
  isCurrent(context: RequestContext, session: Session): boolean {
    const secret = context.cookies.sessionSecret;
    return secret !== null && sha256(secret) === session.idHash;
  }

  sessions(context: RequestContext, page: PageArgs): Promise<Connection<Session>> {
    const { principal } = this.own(context);
    return new SessionRepository(context.em).pageOfUser(principal.id, page);
  }

  async session(context: RequestContext, id: string): Promise<Session> {
    const { principal } = this.own(context);
    const session = await new SessionRepository(context.em).findOfUser(principal.id, id);
    if (!session) throw notFound('Session');
    return session;
  }

  /**
   * Changes the caller's password: the current one is verified first (a wrong one is a failed attempt of
   * the sign-in throttle, and a security-log row), the new one follows the shared password rules, and every
   * other session of the person ends; this one stays. Of two concurrent changes, the first wins and the
   * second gets PASSWORD_CHANGED_MEANWHILE: the new hash is written only over the hash that was verified.
   * Returns how many other sessions ended.
   */
  async changePassword(context: RequestContext, input: ChangePasswordInput): Promise<number> {
    const { principal, sessionHash } = this.own(context);
    const problems = accounts.passwordChangeProblems(input);
    if (Object.keys(problems).length > 0) throw invalidInput(problems);
    const users = new UserRepository(context.em);
    const user = await users.findWithPasswordHash(principal.id);
    if (!user) throw notFound('User');
    const actor = { actor: principal, actorLabel: user.email, regionPath: principal.regionPath };
    await this.auth.reservePasswordAttempt(context, user.email, async () => actor);
    const verifiedHash = user.passwordHash;
    if (!(await verifyPassword(verifiedHash, input.currentPassword))) {
      await context.securityLog.record({ kind: 'PASSWORD_CHANGE_FAILED', ...actor, reason: 'WRONG_PASSWORD' });
      throw new AppError('WRONG_CURRENT_PASSWORD', 'This is not your current password', {
        currentPassword: problemOf('WRONG_CURRENT_PASSWORD'),
      });
    }
    await this.auth.passwordAttemptSucceeded(context, user.email);
    const newHash = await hashPassword(input.newPassword);
    const ended = await inTransaction(this.events, context, async (tem) => {
      if (!(await new UserRepository(tem).changePasswordIf(user.id, verifiedHash, newHash))) {
        throw new AppError('PASSWORD_CHANGED_MEANWHILE', 'Your password was changed meanwhile by another request');
      }
      const otherSessionsEnded = await new SessionRepository(tem).deleteOthersOfUser(user.id, sessionHash);
      return {
        result: otherSessionsEnded,
        events: [
          {
            action: 'user.password-change',
            subjectType: 'User',
            subjectId: user.id,
            regionPath: principal.regionPath,
            before: null,
            after: { email: user.email, otherSessionsEnded },
          },
        ],
      };
    });
    await context.securityLog.record({ kind: 'PASSWORD_CHANGED', ...actor });
    return ended;
  }

  /** Ends one of the caller's sessions (this one too, which then signs them out); another person's is NOT_FOUND. */
  async endSession(context: RequestContext, id: string): Promise<boolean> {
    const { principal, sessionHash } = this.own(context);
    const endedHash = await inTransaction(this.events, context, async (tem) => {
      const hash = await new SessionRepository(tem).deleteOfUser(principal.id, id);
      if (!hash) throw notFound('Session');
      return { result: hash, events: [this.sessionsEnded(context, principal, 1)] };
    });
    if (endedHash === sessionHash) context.cookies.clearSession();
    await this.recordSignOut(context, principal, endedHash === sessionHash ? null : 'ENDED_FROM_ANOTHER_SESSION');
    return true;
  }

  /** Ends every session of the caller but this one; how many it ended. */
  async endOtherSessions(context: RequestContext): Promise<number> {
    const { principal, sessionHash } = this.own(context);
    const ended = await inTransaction(this.events, context, async (tem) => {
      const count = await new SessionRepository(tem).deleteOthersOfUser(principal.id, sessionHash);
      return { result: count, events: count > 0 ? [this.sessionsEnded(context, principal, count)] : [] };
    });
    if (ended > 0) await this.recordSignOut(context, principal, 'ENDED_FROM_ANOTHER_SESSION');
    return ended;
  }

  private sessionsEnded(context: RequestContext, principal: UserPrincipal, count: number) {
    return {
      action: 'user.end-sessions' as const,
      subjectType: 'User',
      subjectId: principal.id,
      regionPath: principal.regionPath,
      before: null,
      after: { email: context.actorLabel ?? '', sessionsEnded: count },
    };
  }

  private recordSignOut(context: RequestContext, principal: UserPrincipal, reason: string | null): Promise<void> {
    return context.securityLog.record({
      kind: 'SIGN_OUT',
      actor: principal,
      actorLabel: context.actorLabel,
      regionPath: principal.regionPath,
      reason,
    });
  }
}
