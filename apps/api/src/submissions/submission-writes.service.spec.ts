import { Role, STANDARD_TEMPLATES, SubmissionStatus } from '@app/domain';
import { AppConfig, AuditInput, UnitOfWork } from '@app/infra';
import { AppError } from '../common/errors/app-error';
import { SubmissionError } from '../common/errors/error-codes';
import { SubmissionEvents } from './submission.events';
import { SubmissionRow, SubmissionStore, TransitionUpdate } from './submission.store';
import { SubmissionNotifications } from './submission-notifications.service';
import { SubmissionReads } from './submission-reads.service';
import { SubmissionWrites } from './submission-writes.service';

const ORG = '00000000-0000-0000-0000-00000000000a';
const INSATS = '00000000-0000-0000-0000-00000000000b';
const SUB = '00000000-0000-0000-0000-00000000000c';
const grant = (role: Role) => ({
  organisationId: ORG,
  role,
  insatsId: role === Role.PROJEKTAGARE || role === Role.STYRGRUPP ? INSATS : null,
});
const person = (personId: string, ...roles: Role[]) => ({
  personId,
  isPlatformAdmin: false,
  grants: roles.map(grant),
});
const sg = person('sg', Role.STYRGRUPP);
const chef = person('chef', Role.FORBUNDSCHEF);
const both = person('both', Role.STYRGRUPP, Role.FORBUNDSCHEF);

/** An in-memory store: one submission, its approvals, comments, and what was audited and queued. */
class FakeStore {
  row: SubmissionRow = {
    id: SUB,
    organisation_id: ORG,
    insats_id: INSATS,
    insats_key: 'tris',
    insats_name: 'Tris',
    insats_type: 'INDIVID',
    period: 'HELAR-2025',
    revision: 1,
    status: SubmissionStatus.SUBMITTED,
    step: 0,
    approvals_at_step: 0,
    round: 1,
    version: 4,
    answers: {},
    content_hash: null,
    submitted_at: null,
    approved_at: null,
    updated_at: new Date(0),
    template_id: 't',
    template_key: 'uppfoljning-insats',
    template_version: 1,
    definition: STANDARD_TEMPLATES[0],
    workflow_config: null,
    org_name: 'Flödet',
  };
  approvals: Array<{ step: number; personId: string }> = [];
  openComments = 0;
  audited: AuditInput[] = [];
  mails: string[] = [];
  async byId(_tx: unknown, id: string) {
    return id === SUB ? { ...this.row } : null;
  }
  async matpunkter() {
    return [];
  }
  async stepsApprovedBy(_tx: unknown, _id: string, _round: number, personId: string) {
    return this.approvals.filter((a) => a.personId === personId).map((a) => a.step);
  }
  async openCommentCount() {
    return this.openComments;
  }
  async recordApproval(_tx: unknown, a: { step: number; personId: string }) {
    this.approvals.push({ step: a.step, personId: a.personId });
    return true;
  }
  async applyTransition(_tx: unknown, u: TransitionUpdate) {
    if (u.readVersion !== this.row.version) return null;
    Object.assign(this.row, { status: u.status, step: u.step, approvals_at_step: u.approvalsAtStep });
    return ++this.row.version;
  }
  async insertComment() {
    return 'c1';
  }
  async recipients(_tx: unknown, _org: string, role: string) {
    return [
      { personId: 'x', name: 'X', email: `${role.toLowerCase()}@example`, role, title: null, partyKey: null },
    ];
  }
  async audit(_tx: unknown, entry: AuditInput) {
    this.audited.push(entry);
  }
  async enqueue(_tx: unknown, _name: unknown, payload: { to?: string }) {
    if (payload.to) this.mails.push(payload.to);
  }
}

function setup() {
  const store = new FakeStore();
  const tx = { query: () => Promise.reject(new Error('no SQL in a unit test')) };
  const uow = {
    reader: tx,
    read: (w: (t: unknown) => unknown) => w(tx),
    write: (w: (t: unknown) => unknown) => w(tx),
  };
  const s = store as unknown as SubmissionStore;
  const u = uow as unknown as UnitOfWork;
  const events = { publish: jest.fn() } as unknown as SubmissionEvents;
  const reads = new SubmissionReads(u, s);
  const notifications = new SubmissionNotifications({ PORT: 3000 } as AppConfig, s);
  return { store, writes: new SubmissionWrites(u, s, reads, notifications, events) };
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => ({ code: e.code, message: e.message }),
  );

describe('SubmissionWrites (fake store)', () => {
  it('approves the styrgrupp step: the next status, one typed audit entry, mail to the next step', async () => {
    const { store, writes } = setup();
    const s = await writes.approve(sg, SUB, null, null, { version: 4 });
    expect([s.status, s.version, s.waitingFor]).toEqual(['STYRGRUPP_APPROVED', 5, 'FORBUNDSCHEF']);
    expect(store.audited).toEqual([
      expect.objectContaining({
        action: 'submission.approved',
        actorId: 'sg',
        fromState: 'SUBMITTED',
        toState: 'STYRGRUPP_APPROVED',
        payload: { version: 5, step: 0, stepCompleted: Role.STYRGRUPP },
      }),
    ]);
    expect(store.mails).toEqual(['forbundschef@example']);
  });

  it('refuses a stale version and writes nothing', async () => {
    const { store, writes } = setup();
    expect(await refusal(writes.approve(sg, SUB, null, null, { version: 3 }))).toMatchObject({
      code: SubmissionError.VERSION_CONFLICT,
    });
    expect([store.row.version, store.audited, store.approvals]).toEqual([4, [], []]);
  });

  it('refuses the wrong person and the wrong state', async () => {
    const { store, writes } = setup();
    expect(await refusal(writes.approve(chef, SUB))).toMatchObject({ code: SubmissionError.FORBIDDEN });
    store.row.status = SubmissionStatus.DRAFT;
    expect(await refusal(writes.approve(sg, SUB))).toMatchObject({
      code: SubmissionError.INVALID_TRANSITION,
    });
    expect(store.audited).toEqual([]);
  });

  it('refuses one person approving a second step', async () => {
    const { store, writes } = setup();
    await writes.approve(both, SUB);
    expect(await refusal(writes.approve(both, SUB))).toMatchObject({ code: SubmissionError.FORBIDDEN });
    expect(store.row.status).toBe(SubmissionStatus.STYRGRUPP_APPROVED);
    expect(store.audited).toHaveLength(1);
  });

  it('asks for an acknowledgement of open comments and records it', async () => {
    const { store, writes } = setup();
    store.openComments = 2;
    expect(await refusal(writes.approve(sg, SUB))).toEqual({
      code: SubmissionError.OPEN_COMMENTS,
      message: 'Uppföljningen har 2 olösta kommentarer. Läs dem och bekräfta att du godkänner ändå.',
    });
    await writes.approve(sg, SUB, null, null, { acknowledgeOpenComments: true });
    expect(store.audited[0].payload).toMatchObject({ acknowledgedOpenComments: true });
  });

  it('returns with a comment to the projektägare, and refuses a return without one', async () => {
    const { store, writes } = setup();
    expect(await refusal(writes.return(sg, SUB, '  '))).toMatchObject({
      code: SubmissionError.COMMENT_REQUIRED,
    });
    const s = await writes.return(sg, SUB, 'Komplettera.');
    expect(s.status).toBe('RETURNED');
    expect(store.audited[0]).toMatchObject({
      action: 'submission.returned',
      payload: { comment: 'Komplettera.' },
    });
    expect(store.mails).toEqual(['projektagare@example']);
  });
});
