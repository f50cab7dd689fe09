import { problemOf } from '@massline/shared';
import { timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@massline/shared';
import type { Config } from '../../app/config';
import { AppError, withHttp } from '../../common/app-error';
import { conflictOnUnique } from '../../common/guarded-write';
import type { EventPublisher } from '../../common/domain-events';
import type { AccountsEvents } from './accounts.events';
import type { RequestContext } from '../../common/request-context';
import type { SecurityEventInput } from '../../common/security-log';
import { describeUserAgent } from './user-agent';
import { RegionRepository } from '../regions/region.repository';
import { ApiTokenRepository } from './api-token.repository';
import { decoyPasswordHash, hashPassword, randomSecret, sha256, verifyPassword } from './password';
import { principalOfFacts, principalOfToken, principalOfUser, userSnapshot } from './principal';
import { Session } from './session.entity';
import { SignInThrottleRepository } from './sign-in-throttle.repository';
import { User } from './user.entity';
import { UserRepository } from './user.repository';
import { SessionRepository } from './session.repository';
import type { RegisterCitizenInput, SignInInput } from './dto/account.inputs';

export interface Authentication {
  principal: Principal;
  actorLabel: string | null;
}

export const ANONYMOUS_AUTHENTICATION: Authentication = { principal: { kind: 'ANONYMOUS' }, actorLabel: null };

/** API tokens read `ml_<8 hex prefix>_<secret>`; the prefix finds the row, the hash proves the secret. */
const TOKEN_PATTERN = /^ml_([0-9a-f]{8})_([A-Za-z0-9_-]{20,})$/;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * Sign-in, sign-out, citizen self-registration, and turning a session cookie or a bearer token into a
 * principal. Every sign-in attempt is reserved against the throttle before the password is checked
 * (sign-in-throttle.repository.ts): growing delays per e-mail and address, a cap per address, a
 * platform-wide brake; no lock that an attacker could put on someone else's account.
 */
export class AuthService {
  private nextPrune = 0;

  constructor(
    private readonly config: Config,
    private readonly events: EventPublisher<AccountsEvents>,
  ) {}

  /**
   * Reserves one password attempt of an e-mail from the caller's address against the throttle, before the
   * password is checked: a sign-in, or a signed-in person's re-authentication (a password change), which
   * count alike, so that the current-password field is no way around the sign-in limits. Refused: the
   * security log says who (`who` is asked only then) and SIGN_IN_THROTTLED (429, Retry-After) is thrown.
   * A right password gives the attempt back (`passwordAttemptSucceeded`).
   */
  async reservePasswordAttempt(
    context: RequestContext,
    email: string,
    who: () => Promise<Pick<SecurityEventInput, 'actor' | 'regionPath'>>,
  ): Promise<void> {
    const throttles = new SignInThrottleRepository(context.em);
    // Spent keys (every address that ever failed) are dropped now and then, not on every attempt.
    if (Date.now() >= this.nextPrune) {
      this.nextPrune = Date.now() + 60_000;
      await throttles.prune(this.config.signIn.windowMinutes);
    }
    const reservation = await throttles.reserve(email, context.ip ?? 'unknown', this.config.signIn);
    if (reservation.granted) return;
    await context.securityLog.record({ kind: 'SIGN_IN_THROTTLED', ...(await who()), actorLabel: email, reason: reservation.limit });
    throw withHttp(new AppError('SIGN_IN_THROTTLED', `Too many failed sign-ins: try again in ${reservation.retryAfterSeconds} s`), 429, {
      'retry-after': String(reservation.retryAfterSeconds),
    });
  }

  /** The right password: the e-mail's failures from this address are forgotten, and the attempt is given back. */
  async passwordAttemptSucceeded(context: RequestContext, email: string): Promise<void> {
    await new SignInThrottleRepository(context.em).succeeded(email, context.ip ?? 'unknown');
  }

  async signIn(context: RequestContext, input: SignInInput): Promise<User> {
    const email = normalizeEmail(input.email);
    const users = new UserRepository(context.em);
    await this.reservePasswordAttempt(context, email, async () => {
      const user = await users.findForSignIn(email);
      return { actor: { kind: 'ANONYMOUS', id: user?.id ?? null }, regionPath: user?.region.path ?? null };
    });

    const user = await users.findForSignIn(email);
    // An unknown e-mail costs the same verification as a known one: the answer's time says nothing.
    const passwordOk = user
      ? await verifyPassword(user.passwordHash, input.password)
      : await verifyPassword(await decoyPasswordHash(), input.password);
    const organizationActive = !user?.organization || user.organization.active;
    if (!user || !user.active || !organizationActive || !passwordOk) {
      // The auditors see why; the caller does not.
      const why = !user
        ? 'UNKNOWN_EMAIL'
        : !passwordOk
          ? 'WRONG_PASSWORD'
          : !user.active
            ? 'ACCOUNT_DEACTIVATED'
            : 'ORGANIZATION_DEACTIVATED';
      await context.securityLog.record({
        kind: 'SIGN_IN_FAILED',
        actor: { kind: 'ANONYMOUS', id: user?.id ?? null },
        actorLabel: email,
        regionPath: user?.region.path ?? null,
        reason: why,
      });
      throw new AppError('INVALID_CREDENTIALS', 'Wrong e-mail or password');
    }
    await this.passwordAttemptSucceeded(context, email);
    await this.openSession(context, user, 'user.sign-in');
    return user;
  }

  private async openSession(context: RequestContext, user: User, action: 'user.sign-in'): Promise<void> {
    const secret = randomSecret();
    const ttlSeconds = this.config.sessionTtlHours * 3600;
    await context.em.transactional(async (em) => {
      em.create(Session, {
        idHash: sha256(secret),
        user,
        expiresAt: new Date(Date.now() + ttlSeconds * 1000),
        ip: context.ip,
        userAgent: describeUserAgent(context.userAgent),
      });
      await em.flush();
      const actor = { ...context, principal: principalOfUser(user), actorLabel: user.email };
      await this.events.publish(em, actor, [
        {
          action,
          subjectType: 'User',
          subjectId: user.id,
          regionPath: user.region.path,
          before: null,
          after: { email: user.email, role: user.role },
        },
      ]);
    });
    context.cookies.setSession(secret, ttlSeconds);
    await context.securityLog.record({
      kind: 'SIGN_IN',
      actor: principalOfUser(user),
      actorLabel: user.email,
      regionPath: user.region.path,
    });
  }

  async signOut(context: RequestContext): Promise<boolean> {
    const secret = context.cookies.sessionSecret;
    const { principal } = context;
    if (secret) {
      await new SessionRepository(context.em).deleteByHash(sha256(secret));
      if (principal.kind === 'USER') {
        await context.securityLog.record({
          kind: 'SIGN_OUT',
          actor: principal,
          actorLabel: context.actorLabel,
          regionPath: principal.regionPath,
        });
      }
    }
    context.cookies.clearSession();
    return true;
  }

  async registerCitizen(context: RequestContext, input: RegisterCitizenInput): Promise<User> {
    const { em } = context;
    const email = normalizeEmail(input.email);
    // Each attempt counts, accepted or not: registration answers whether an e-mail is taken, so it is
    // bounded per address like sign-in.
    const reservation = await new SignInThrottleRepository(em).reserveRegistration(
      context.ip ?? 'unknown',
      this.config.registrationsPerAddressPerHour,
    );
    if (!reservation.granted) {
      await context.securityLog.record({
        kind: 'REGISTRATION_THROTTLED',
        actor: { kind: 'ANONYMOUS' },
        actorLabel: email,
        regionPath: null,
        reason: reservation.limit,
      });
      throw withHttp(
        new AppError('REGISTRATION_THROTTLED', `Too many registrations from your address: try again in ${reservation.retryAfterSeconds} s`),
        429,
        { 'retry-after': String(reservation.retryAfterSeconds) },
      );
    }
    const region = await new RegionRepository(em).findById(input.regionId);
    if (!region) throw new AppError('INVALID_INPUT', 'No such region', { regionId: problemOf('NO_SUCH_REGION') });
    if (await new UserRepository(em).emailTaken(email))
      throw new AppError('EMAIL_TAKEN', 'This e-mail is already registered', { email: problemOf('ALREADY_REGISTERED') });
    const passwordHash = await hashPassword(input.password);
    const registration = em.transactional(async (tem) => {
      const created = tem.create(User, {
        email,
        displayName: input.displayName.trim(),
        role: 'CITIZEN',
        passwordHash,
        region,
        citizenStatus: 'UNVERIFIED',
      });
      await tem.flush();
      const actor = { ...context, principal: principalOfUser(created), actorLabel: created.email };
      await this.events.publish(tem, actor, [
        {
          action: 'citizen.register',
          subjectType: 'User',
          subjectId: created.id,
          regionPath: region.path,
          before: null,
          after: userSnapshot(created),
        },
      ]);
      return created;
    });
    // The unique key decides a race between two registrations of one e-mail: the loser gets EMAIL_TAKEN.
    const user = await registration.catch(
      conflictOnUnique(
        () => new AppError('EMAIL_TAKEN', 'This e-mail is already registered', { email: problemOf('ALREADY_REGISTERED') }),
        ['app_user_email_unique'],
      ),
    );
    await this.openSession(context, user, 'user.sign-in');
    return user;
  }

  /** The signed-in user behind a session cookie, or null if it is unknown, expired or deactivated. */
  async authenticateSession(em: EntityManager, secret: string): Promise<Authentication | null> {
    const sessions = new SessionRepository(em);
    const idHash = sha256(secret);
    const user = await sessions.findLiveUser(idHash);
    if (!user) return null;
    // Last seen is kept to the minute (what "My account" shows): no write on every request of a busy session.
    if (user.stale) await sessions.touch(idHash);
    return { principal: principalOfFacts(user), actorLabel: user.email };
  }

  /**
   * The API token behind a bearer credential, or null if it is malformed, unknown, revoked or expired,
   * or if its issuer or the issuer's organization is deactivated: a token acts on its issuer's authority,
   * so it stops with it (and works again if they are reactivated; revoking is what ends a token for good).
   */
  async authenticateToken(em: EntityManager, credential: string): Promise<(Authentication & { tokenId: string }) | null> {
    const match = TOKEN_PATTERN.exec(credential);
    if (!match) return null;
    const tokens = new ApiTokenRepository(em);
    const token = await tokens.findLiveByPrefix(match[1]);
    if (!token) return null;
    const expected = Buffer.from(token.secretHash, 'hex');
    const given = Buffer.from(sha256(credential), 'hex');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    // Last use is kept to the minute: no write on every request of a busy client.
    if (token.stale) await tokens.touch(token.id);
    return { principal: principalOfToken(token), actorLabel: token.name, tokenId: token.id };
  }
}
