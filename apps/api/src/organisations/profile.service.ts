import { Inject, Injectable } from '@nestjs/common';
import { validatePersonProfile, webBaseUrl } from '@app/domain';
import { AppConfig, Tx, UnitOfWork } from '@app/infra';
import { AppError } from '../common/errors/app-error';
import { AuthError, CommonError } from '../common/errors/error-codes';
import { APP_CONFIG } from '../common/infra/tokens';
import { verifyPassword } from '../auth/password';
import { FactorAttempts } from '../auth/factors/factor-attempts';
import { changePersonEmail, renamePerson } from './person-changes';
import * as store from './people.store';

export interface Profile {
  id: string;
  name: string;
  email: string;
}

/**
 * A person's name and e-mail are their own: changed by the person (Mitt konto) or the platform administrator,
 * never by one förbund's kansli for every förbund. Each change is audited in every förbund the person belongs to.
 */
@Injectable()
export class ProfileService {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly attempts: FactorAttempts,
  ) {}

  /** The person's own change; a new e-mail needs the current password (a borrowed session cannot take the account). */
  async updateMine(
    personId: string,
    input: { name: string; email: string },
    currentPassword: string | null,
  ): Promise<Profile> {
    const v = this.valid(input);
    // The password is checked before the change's transaction, and its failures are rate-limited per person
    // before any argon2 work, so a stolen session cannot guess its way to the account's e-mail.
    const before = await this.uow.read((tx) => this.person(tx, personId));
    if (v.email !== before.email) {
      await this.attempts.consume(personId);
      const [hash] = await this.uow.read((tx) => store.passwordHashes(tx, [personId]));
      if (!currentPassword || !(await verifyPassword(hash, currentPassword)))
        throw new AppError(
          AuthError.INVALID_CREDENTIALS,
          'Ange ditt nuvarande lösenord för att byta e-postadress.',
          {
            details: [{ path: '$.currentPassword', message: 'stämmer inte' }],
          },
        );
      await this.attempts.succeeded(personId);
    }
    return this.uow.write(async (tx) => {
      const p = await this.person(tx, personId);
      if (v.email !== p.email && p.email !== before.email)
        throw new AppError(AuthError.INVALID_CREDENTIALS, 'E-postadressen ändrades nyss; försök igen.');
      await renamePerson(tx, p, v.name, 'SELF', personId);
      await changePersonEmail(tx, p, v.email, 'SELF', personId, webBaseUrl(this.config));
      return { id: p.id, name: v.name, email: v.email };
    });
  }

  /** The platform administrator's change of anyone's name or e-mail. */
  async updateAny(
    adminId: string,
    personId: string,
    input: { name: string; email: string },
  ): Promise<Profile> {
    const v = this.valid(input);
    return this.uow.write(async (tx) => {
      const p = await this.person(tx, personId);
      await renamePerson(tx, p, v.name, 'PLATFORM_ADMIN', adminId);
      await changePersonEmail(tx, p, v.email, 'PLATFORM_ADMIN', adminId, webBaseUrl(this.config));
      return { id: p.id, name: v.name, email: v.email };
    });
  }

  private valid(input: { name: string; email: string }): { name: string; email: string } {
    const v = validatePersonProfile(input);
    if (!v.ok)
      throw new AppError(CommonError.BAD_USER_INPUT, 'Uppgifterna kunde inte sparas; se felen per fält.', {
        details: v.issues,
      });
    return v.profile;
  }

  private async person(tx: Tx, id: string): Promise<store.PersonRow> {
    const p = await store.personById(tx, id);
    if (!p) throw new AppError(CommonError.NOT_FOUND, 'Personen finns inte.');
    return p;
  }
}
