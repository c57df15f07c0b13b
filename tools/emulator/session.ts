/** Session facade: active user per execution ('' in simple triggers), effective user, locales, script time zone. */
import { createHash } from 'node:crypto';
import type { SessionLike, UserLike } from '../../src/sheets/apps-script';
import type { Execution } from './execution';

export function sessionFacade(x: Execution): SessionLike {
  return x.wrap('Session', new SessionFacade(x));
}

export function userFacade(x: Execution, email: string): UserLike {
  return x.wrap('User', new UserFacade(email));
}

class UserFacade implements UserLike {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
}

class SessionFacade implements SessionLike {
  constructor(private readonly x: Execution) {}
  getActiveUser(): UserLike {
    return userFacade(this.x, this.x.activeEmail());
  }
  getEffectiveUser(): UserLike {
    return userFacade(this.x, this.x.user);
  }
  getActiveUserLocale(): string {
    return this.x.emu.options.userLocale;
  }
  getScriptTimeZone(): string {
    return this.x.emu.options.scriptTimeZone;
  }
  /** Stable per user and seed (the real key rotates every 30 days). */
  getTemporaryActiveUserKey(): string {
    const h = createHash('sha256').update(`${this.x.emu.options.seed}:${this.x.user}`).digest('base64');
    return h.replace(/[^A-Za-z0-9]/g, '').slice(0, 40);
  }
}
