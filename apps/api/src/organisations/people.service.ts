import { Injectable } from '@nestjs/common';
import { Principal, validateBundle } from '@app/domain';
import { appendAudit, UnitOfWork } from '@app/infra';
import { AppError } from '../common/errors/app-error';
import { OrganisationError } from '../common/errors/error-codes';
import { exportBundle } from './bundle-export';
import { BundleService } from './bundle.service';
import { organisationById } from './organisation.store';
import * as store from './people.store';

export interface PersonEdit {
  email: string;
  name: string;
  /** This förbund's personnummer for the person: left out keeps it, null or empty removes it. */
  personalNumber?: string | null;
  roles: Array<{ role: string; insats?: string | null; party?: string | null; title?: string | null }>;
}

/** People and roles kept by the kansli, one person at a time, through the bundle's validation, audit and invitation. */
@Injectable()
export class PeopleService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly bundles: BundleService,
  ) {}

  /**
   * The kansli adds a person to the förbund or changes their roles (no roles: takes them out of it). Goes through
   * the bundle import, so the same validation, audit entries and invitation mail apply; a lock per förbund keeps
   * two such edits from overwriting each other. Only this förbund's view changes: its roles, titles and
   * personnummer; the person's name only as far as the kansli may (see syncPeople).
   */
  async savePerson(organisationId: string, person: PersonEdit, actor: Principal): Promise<void> {
    // One transaction on one pooled connection: the lock, the read of the bundle and the import all use it, so a
    // caller never holds a connection while waiting for another (20 concurrent edits used to exhaust the pool).
    await this.uow.write(async (tx) => {
      const o = await organisationById(tx, organisationId);
      if (!o) throw new AppError(OrganisationError.NOT_FOUND, 'Förbundet finns inte.');
      await store.lockBundle(tx, o.slug);
      const bundle = await exportBundle(tx, o.slug);
      const email = person.email.trim().toLowerCase();
      let index = bundle.people.findIndex((p) => p.email.toLowerCase() === email);
      const kept = bundle.people[index]?.personalNumber;
      const personalNumber =
        person.personalNumber === undefined ? kept : person.personalNumber?.trim() || undefined;
      const entry = {
        name: person.name.trim(),
        email,
        ...(personalNumber ? { personalNumber } : {}),
        roles: person.roles.map((r) => ({
          role: r.role,
          ...(r.insats ? { insats: r.insats } : {}),
          ...(r.party ? { party: r.party } : {}),
          ...(r.title ? { title: r.title } : {}),
        })),
      };
      const people = bundle.people.filter((p) => p.email.toLowerCase() !== email);
      if (index < 0) index = people.length;
      if (entry.roles.length) people.splice(index, 0, entry as (typeof people)[number]);
      const v = validateBundle({ ...bundle, people });
      if (!v.ok) {
        // Point the messages at the person being saved, not at their place in the whole bundle.
        const prefix = `$.people[${index}]`;
        const details = v.issues
          .filter((d) => d.path.startsWith(prefix))
          .map((d) => ({ ...d, path: `$.person${d.path.slice(prefix.length)}` }));
        throw new AppError(
          OrganisationError.BUNDLE_INVALID,
          'Personen kunde inte sparas; se felen per fält.',
          {
            details: details.length ? details : v.issues,
          },
        );
      }
      const editor = actor.isPlatformAdmin ? 'PLATFORM_ADMIN' : 'KANSLI';
      await this.bundles.apply(tx, v.bundle, new Map(), actor.personId, editor);
      // The bundle keeps a personnummer it leaves out; the kansli removing it is said explicitly.
      if (kept && !personalNumber && entry.roles.length) {
        const p = await store.personByEmail(tx, email);
        if (p && (await store.setPersonalNumber(tx, organisationId, p.id, null)))
          await appendAudit(tx, {
            organisationId,
            actorId: actor.personId,
            action: 'person.personal_number_changed',
            entityType: 'person',
            entityId: p.id,
            payload: { registered: false },
          });
      }
    });
  }
}
