import { Injectable } from '@nestjs/common';
import {
  AuditPayload,
  BoardMandate,
  compareMandates,
  jsonPath,
  mandateConflicts,
  mandateFieldsSchema,
  mandateIssues,
  zodIssuesToSwedish,
} from '@app/domain';
import {
  appendAudit,
  boardMandate,
  boardMandates,
  deleteBoardMandate,
  ensureBoardRole,
  insertBoardMandate,
  isMember,
  MandateRow,
  MandateWrite,
  partyKeys,
  removeUnmandatedBoardRole,
  updateBoardMandate,
  UnitOfWork,
  WriteTx,
} from '@app/infra';
import { AppError } from '../common/errors/app-error';
import { BoardError } from './board.errors';
import { BoardMandateInput } from './board.types';

/**
 * The board's mandates, kept by the kansli and the förbundschef (issue 18.2): each change is validated, guarded by
 * the version it started from, and written in one transaction with its audit entry. A mandate's holder gets the
 * board role that gives access (reading reports, signing) if they do not have it.
 */
@Injectable()
export class BoardService {
  constructor(private readonly uow: UnitOfWork) {}

  async list(organisationId: string): Promise<MandateRow[]> {
    const rows = await this.uow.read((tx) => boardMandates(tx, organisationId));
    return rows.sort(compareMandates);
  }

  async save(organisationId: string, input: BoardMandateInput, actorId: string): Promise<MandateRow> {
    const parsed = mandateFieldsSchema.safeParse(input);
    if (!parsed.success) throw invalid(zodIssuesToSwedish(parsed.error.issues, ['mandate']));
    const f = parsed.data;
    const write: MandateWrite = {
      personId: input.personId,
      role: f.role,
      title: f.title ?? null,
      appointedBy: f.appointedBy ?? null,
      from: f.from ?? null,
      to: f.to ?? null,
      gender: f.gender ?? null,
    };
    const id = await this.uow.write(async (tx) => {
      const issues = mandateIssues(f, await partyKeys(tx, organisationId), ['mandate']);
      if (!(await isMember(tx, organisationId, write.personId)))
        issues.push({
          path: '$.mandate.personId',
          message: 'personen finns inte i förbundet; lägg till personen under Personer först',
        });
      if (issues.length) throw invalid(issues);
      const all = await boardMandates(tx, organisationId);
      const prior = input.id ? all.find((m) => m.id === input.id) : undefined;
      if (input.id && !prior) throw new AppError(BoardError.NOT_FOUND, 'Mandatet finns inte.');
      const name = all.find((m) => m.personId === write.personId)?.name ?? '';
      const mine: BoardMandate = { ...write, id: input.id ?? undefined, name };
      const conflicts = mandateConflicts(all, mine);
      if (conflicts.length)
        throw invalid(conflicts.map((message) => ({ path: jsonPath(['mandate']), message })));
      let mandateId: string;
      let version: number;
      if (prior) {
        if (input.version == null)
          throw invalid([{ path: '$.mandate.version', message: 'ange versionen du utgick från' }]);
        const v = await updateBoardMandate(tx, prior.id, input.version, write);
        if (v === null)
          throw new AppError(
            BoardError.VERSION_CONFLICT,
            'Mandatet har ändrats av någon annan sedan du öppnade det; läs in det igen.',
            { currentVersion: prior.version },
          );
        mandateId = prior.id;
        version = v;
      } else {
        mandateId = await insertBoardMandate(tx, organisationId, write);
        version = 1;
      }
      await ensureBoardRole(tx, organisationId, write);
      await audit(tx, organisationId, actorId, mandateId, 'board.mandate_saved', {
        person: write.personId,
        role: write.role,
        appointedBy: write.appointedBy,
        from: write.from,
        to: write.to,
        created: !prior,
        version,
      });
      return mandateId;
    });
    return (await this.uow.read((tx) => boardMandate(tx, id)))!;
  }

  async remove(mandateId: string, version: number, actorId: string): Promise<boolean> {
    return this.uow.write(async (tx) => {
      const m = await boardMandate(tx, mandateId);
      if (!m) throw new AppError(BoardError.NOT_FOUND, 'Mandatet finns inte.');
      if (!(await deleteBoardMandate(tx, mandateId, version)))
        throw new AppError(
          BoardError.VERSION_CONFLICT,
          'Mandatet har ändrats av någon annan sedan du öppnade det; läs in det igen.',
          { currentVersion: m.version },
        );
      const roleRemoved = await removeUnmandatedBoardRole(tx, m.organisationId, m.personId, m.role);
      await audit(tx, m.organisationId, actorId, mandateId, 'board.mandate_removed', {
        person: m.personId,
        role: m.role,
        roleRemoved,
      });
      return true;
    });
  }
}

function invalid(details: Array<{ path: string; message: string }>): AppError {
  return new AppError(BoardError.INVALID, 'Mandatet kunde inte sparas; se felen per fält.', { details });
}

function audit<A extends 'board.mandate_saved' | 'board.mandate_removed'>(
  tx: WriteTx,
  organisationId: string,
  actorId: string,
  mandateId: string,
  action: A,
  payload: AuditPayload<A>,
) {
  return appendAudit(tx, {
    organisationId,
    actorId,
    action,
    entityType: 'board_mandate',
    entityId: mandateId,
    payload,
  });
}
