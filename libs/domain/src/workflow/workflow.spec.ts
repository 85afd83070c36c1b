import { Role } from '../access/roles';
import { decide, DEFAULT_WORKFLOW, SubmissionStatus as S, workflowFrom } from './workflow';

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
