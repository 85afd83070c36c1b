import { Role } from '../access/roles';
import {
  decide,
  DEFAULT_WORKFLOW,
  SubmissionStatus as S,
  submissionStatusLabel,
  workflowFrom,
} from './workflow';

const owner = { roles: [Role.PROJEKTAGARE] };
const styrgrupp = { roles: [Role.STYRGRUPP] };
const chef = { roles: [Role.FORBUNDSCHEF] };
const at = (status: S, step = 0, approvalsAtStep = 0) => ({ status, step, approvalsAtStep });

describe('workflow transition map', () => {
  it('runs the default chain DRAFT → SUBMITTED → STYRGRUPP_APPROVED → APPROVED', () => {
    const a = decide(DEFAULT_WORKFLOW, at(S.DRAFT), 'submit', owner, { answersValid: true });
    expect(a).toEqual({ ok: true, next: at(S.SUBMITTED), stepCompleted: false });
    const b = decide(DEFAULT_WORKFLOW, at(S.SUBMITTED), 'approve', styrgrupp);
    expect(b).toEqual({ ok: true, next: at(S.STYRGRUPP_APPROVED, 1), stepCompleted: true });
    const c = decide(DEFAULT_WORKFLOW, at(S.STYRGRUPP_APPROVED, 1), 'approve', chef);
    expect(c).toEqual({ ok: true, next: at(S.APPROVED, 2), stepCompleted: true });
  });

  it('refuses the wrong person at each step', () => {
    expect(decide(DEFAULT_WORKFLOW, at(S.SUBMITTED), 'approve', chef)).toMatchObject({
      ok: false,
      reason: 'FORBIDDEN',
    });
    expect(decide(DEFAULT_WORKFLOW, at(S.STYRGRUPP_APPROVED, 1), 'approve', owner)).toMatchObject({
      ok: false,
      reason: 'FORBIDDEN',
    });
    // a styrgrupp member after their step is decided: too late, not the wrong person
    expect(decide(DEFAULT_WORKFLOW, at(S.STYRGRUPP_APPROVED, 1), 'approve', styrgrupp)).toMatchObject({
      ok: false,
      reason: 'INVALID_TRANSITION',
    });
    expect(decide(DEFAULT_WORKFLOW, at(S.DRAFT), 'submit', styrgrupp)).toMatchObject({
      ok: false,
      reason: 'FORBIDDEN',
    });
  });

  it('needs valid answers to submit and a comment to return or reopen', () => {
    expect(decide(DEFAULT_WORKFLOW, at(S.DRAFT), 'submit', owner, { answersValid: false })).toMatchObject({
      ok: false,
      reason: 'INVALID_ANSWERS',
    });
    expect(decide(DEFAULT_WORKFLOW, at(S.SUBMITTED), 'return', styrgrupp, { comment: '  ' })).toMatchObject({
      ok: false,
      reason: 'COMMENT_REQUIRED',
    });
    expect(
      decide(DEFAULT_WORKFLOW, at(S.SUBMITTED), 'return', styrgrupp, { comment: 'Komplettera' }),
    ).toMatchObject({ ok: true, next: at(S.RETURNED) });
    expect(decide(DEFAULT_WORKFLOW, at(S.APPROVED, 2), 'reopen', chef, {})).toMatchObject({
      ok: false,
      reason: 'COMMENT_REQUIRED',
    });
  });

  it('lets the owner withdraw only before the first approval', () => {
    expect(decide(DEFAULT_WORKFLOW, at(S.SUBMITTED), 'withdraw', owner)).toMatchObject({
      ok: true,
      next: at(S.WITHDRAWN),
    });
    expect(decide(DEFAULT_WORKFLOW, at(S.STYRGRUPP_APPROVED, 1), 'withdraw', owner)).toMatchObject({
      ok: false,
      reason: 'INVALID_TRANSITION',
    });
  });

  it('locks an approved submission against edits', () => {
    expect(decide(DEFAULT_WORKFLOW, at(S.APPROVED, 2), 'save', owner)).toMatchObject({
      ok: false,
      reason: 'INVALID_TRANSITION',
    });
    expect(decide(DEFAULT_WORKFLOW, at(S.APPROVED, 2), 'approve', chef)).toMatchObject({
      ok: false,
      reason: 'INVALID_TRANSITION',
    });
  });

  it('honours a quorum of two styrgrupp members, each approving once', () => {
    const wf = workflowFrom({
      steps: [
        { role: 'STYRGRUPP', quorum: 2 },
        { role: 'FORBUNDSCHEF', quorum: 1 },
      ],
    });
    const first = decide(wf, at(S.SUBMITTED), 'approve', styrgrupp);
    expect(first).toEqual({ ok: true, next: at(S.SUBMITTED, 0, 1), stepCompleted: false });
    expect(
      decide(wf, at(S.SUBMITTED, 0, 1), 'approve', { ...styrgrupp, alreadyApprovedStep: true }),
    ).toMatchObject({ ok: false });
    expect(decide(wf, at(S.SUBMITTED, 0, 1), 'approve', styrgrupp)).toEqual({
      ok: true,
      next: at(S.STYRGRUPP_APPROVED, 1),
      stepCompleted: true,
    });
  });
});

const SubmissionStatus = S;
describe('decide: workflow integrity (issue 11, item 8)', () => {
  const submitted = { status: SubmissionStatus.SUBMITTED, step: 0, approvalsAtStep: 0 };
  const atChef = { status: SubmissionStatus.STYRGRUPP_APPROVED, step: 1, approvalsAtStep: 0 };
  const both = [Role.STYRGRUPP, Role.FORBUNDSCHEF];

  it('refuses one person approving two steps of the same round', () => {
    const d = decide(DEFAULT_WORKFLOW, atChef, 'approve', { roles: both, approvedOtherStep: true });
    expect(d).toMatchObject({ ok: false, reason: 'SAME_APPROVER' });
  });

  it('lets the same person approve the next step when they did not approve the earlier one', () => {
    const d = decide(DEFAULT_WORKFLOW, atChef, 'approve', { roles: both, approvedOtherStep: false });
    expect(d).toMatchObject({ ok: true, next: { status: SubmissionStatus.APPROVED } });
  });

  it('refuses an approval over open comments unless acknowledged, naming how many', () => {
    const actor = { roles: [Role.STYRGRUPP] };
    const refused = decide(DEFAULT_WORKFLOW, submitted, 'approve', actor, { openComments: 3 });
    expect(refused).toEqual({
      ok: false,
      reason: 'OPEN_COMMENTS',
      message: 'Uppföljningen har 3 olösta kommentarer. Läs dem och bekräfta att du godkänner ändå.',
    });
    const one = decide(DEFAULT_WORKFLOW, submitted, 'approve', actor, { openComments: 1 });
    expect(one.ok || one.message).toContain('1 olöst kommentar');
    const ok = decide(DEFAULT_WORKFLOW, submitted, 'approve', actor, {
      openComments: 3,
      acknowledgeOpenComments: true,
    });
    expect(ok).toMatchObject({ ok: true, next: { status: SubmissionStatus.STYRGRUPP_APPROVED } });
  });

  it('does not ask for an acknowledgement to return a submission', () => {
    const d = decide(
      DEFAULT_WORKFLOW,
      submitted,
      'return',
      { roles: [Role.STYRGRUPP] },
      {
        comment: 'Komplettera.',
        openComments: 2,
      },
    );
    expect(d.ok).toBe(true);
  });
});

describe('a status in words names the step it passed', () => {
  const words = {
    status: { STYRGRUPP_APPROVED: 'Godkänd av styrgruppen', SUBMITTED: 'Inskickad' },
    rolePhrase: { STYRGRUPP: 'styrgruppen', BEREDNINGSGRUPP: 'beredningsgruppen' },
  };
  it('a beredningsgrupp step is not "godkänd av styrgruppen"', () => {
    const wf = workflowFrom({
      steps: [
        { role: 'BEREDNINGSGRUPP', quorum: 1 },
        { role: 'FORBUNDSCHEF', quorum: 1 },
      ],
    });
    expect(submissionStatusLabel(wf, { status: S.STYRGRUPP_APPROVED, step: 1 }, words)).toBe(
      'Godkänd av beredningsgruppen',
    );
    expect(submissionStatusLabel(DEFAULT_WORKFLOW, { status: S.STYRGRUPP_APPROVED, step: 1 }, words)).toBe(
      'Godkänd av styrgruppen',
    );
    expect(submissionStatusLabel(wf, { status: S.SUBMITTED, step: 0 }, words)).toBe('Inskickad');
  });
});
