import { Role } from '../access/roles';
import { ROLE_PHRASE, STATUS_PHRASE } from '../labels/labels';

export enum SubmissionStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  STYRGRUPP_APPROVED = 'STYRGRUPP_APPROVED',
  APPROVED = 'APPROVED',
  RETURNED = 'RETURNED',
  WITHDRAWN = 'WITHDRAWN',
}

export type WorkflowAction = 'save' | 'submit' | 'approve' | 'return' | 'withdraw' | 'reopen';

/** One approval step: who approves, how many of them must, and the status the step leads to. */
export interface ApprovalStep {
  role: Role;
  quorum: number;
  /** Status once this step is approved. The last step leads to APPROVED. */
  leadsTo: SubmissionStatus;
  /** The approval must be signed (password + one-time code), e.g. the styrelse's decision. */
  requireSignature?: boolean;
}

/** A förbund's chain; the default is one styrgrupp approval, then the förbundschef. */
export interface WorkflowConfig {
  steps: ApprovalStep[];
}

export const DEFAULT_WORKFLOW: WorkflowConfig = {
  steps: [
    { role: Role.STYRGRUPP, quorum: 1, leadsTo: SubmissionStatus.STYRGRUPP_APPROVED },
    { role: Role.FORBUNDSCHEF, quorum: 1, leadsTo: SubmissionStatus.APPROVED },
  ],
};

/** Reads a förbund's stored configuration, falling back to the default for anything missing or malformed. */
export function workflowFrom(raw: unknown): WorkflowConfig {
  const steps = (raw as { steps?: unknown })?.steps;
  if (!Array.isArray(steps) || steps.length === 0) return DEFAULT_WORKFLOW;
  const valid = steps.every(
    (s) => s && Object.values(Role).includes(s.role) && Number.isInteger(s.quorum) && s.quorum >= 1,
  );
  if (!valid) return DEFAULT_WORKFLOW;
  return {
    steps: steps.map((s, i) => ({
      role: s.role,
      quorum: s.quorum,
      leadsTo: i === steps.length - 1 ? SubmissionStatus.APPROVED : SubmissionStatus.STYRGRUPP_APPROVED,
      requireSignature: s.requireSignature === true,
    })),
  };
}

export const EDITABLE: ReadonlySet<SubmissionStatus> = new Set([
  SubmissionStatus.DRAFT,
  SubmissionStatus.RETURNED,
  SubmissionStatus.WITHDRAWN,
]);
/** Statuses in which an approval step is pending. */
export const IN_REVIEW: ReadonlySet<SubmissionStatus> = new Set([
  SubmissionStatus.SUBMITTED,
  SubmissionStatus.STYRGRUPP_APPROVED,
]);

export interface SubmissionState {
  status: SubmissionStatus;
  /** Index of the step waiting for approval (0 right after submit). */
  step: number;
  /** Approvals already given at the current step (for quorums above one). */
  approvalsAtStep: number;
}

export interface Actor {
  /** The roles the person holds for this submission's insats and förbund. */
  roles: readonly Role[];
  /** Whether this person already approved the current step. */
  alreadyApprovedStep?: boolean;
  /** Whether this person approved another step of the same round (one person, one step). */
  approvedOtherStep?: boolean;
}

/** What the decider is told besides the actor. */
export interface DecisionInput {
  comment?: string | null;
  answersValid?: boolean;
  /** Unresolved comments on the submission (approve). */
  openComments?: number;
  /** The approver has seen the open comments and approves anyway. */
  acknowledgeOpenComments?: boolean;
}

export type Decision =
  | { ok: true; next: SubmissionState; stepCompleted: boolean }
  | {
      ok: false;
      reason:
        | 'FORBIDDEN'
        | 'INVALID_TRANSITION'
        | 'COMMENT_REQUIRED'
        | 'INVALID_ANSWERS'
        | 'SAME_APPROVER'
        | 'OPEN_COMMENTS';
      message: string;
    };

const deny = (reason: Extract<Decision, { ok: false }>['reason'], message: string): Decision => ({
  ok: false,
  reason,
  message,
});

/**
 * The transition map with its guards. Pure: the caller persists the decision with a conditional UPDATE on the
 * version it read, so that of concurrent callers exactly one wins.
 */
export function decide(
  wf: WorkflowConfig,
  state: SubmissionState,
  action: WorkflowAction,
  actor: Actor,
  input: DecisionInput = {},
): Decision {
  const is = (r: Role) => actor.roles.includes(r);
  switch (action) {
    case 'save':
      if (!is(Role.PROJEKTAGARE))
        return deny('FORBIDDEN', 'Endast insatsens projektägare kan ändra uppföljningen.');
      if (!EDITABLE.has(state.status))
        return deny('INVALID_TRANSITION', `Uppföljningen är ${label(state.status)} och kan inte ändras.`);
      return {
        ok: true,
        next: {
          ...state,
          status: state.status === SubmissionStatus.WITHDRAWN ? SubmissionStatus.DRAFT : state.status,
        },
        stepCompleted: false,
      };
    case 'submit':
      if (!is(Role.PROJEKTAGARE))
        return deny('FORBIDDEN', 'Endast insatsens projektägare kan skicka in uppföljningen.');
      if (!EDITABLE.has(state.status))
        return deny('INVALID_TRANSITION', `Uppföljningen är ${label(state.status)} och kan inte skickas in.`);
      if (!input.answersValid)
        return deny('INVALID_ANSWERS', 'Uppföljningen har fel som måste rättas innan den skickas in.');
      return {
        ok: true,
        next: { status: SubmissionStatus.SUBMITTED, step: 0, approvalsAtStep: 0 },
        stepCompleted: false,
      };
    case 'approve':
    case 'return': {
      if (!IN_REVIEW.has(state.status))
        return deny(
          'INVALID_TRANSITION',
          `Uppföljningen är ${label(state.status)} och väntar inte på granskning.`,
        );
      const step = wf.steps[state.step];
      if (!step) return deny('INVALID_TRANSITION', 'Uppföljningen har inget steg som väntar.');
      if (!is(step.role)) {
        // Someone whose own step is already decided lost a race (or came late): the step is no longer theirs.
        if (wf.steps.slice(0, state.step).some((s) => is(s.role))) {
          return deny(
            'INVALID_TRANSITION',
            `Ert steg är redan beslutat; uppföljningen väntar nu på ${roleLabel(step.role)}.`,
          );
        }
        return deny('FORBIDDEN', `Det här steget beslutas av ${roleLabel(step.role)}.`);
      }
      if (action === 'return') {
        if (!input.comment?.trim())
          return deny('COMMENT_REQUIRED', 'En kommentar krävs när uppföljningen skickas tillbaka.');
        return {
          ok: true,
          next: { status: SubmissionStatus.RETURNED, step: 0, approvalsAtStep: 0 },
          stepCompleted: false,
        };
      }
      if (actor.alreadyApprovedStep)
        return deny('INVALID_TRANSITION', 'Du har redan godkänt det här steget.');
      if (actor.approvedOtherStep)
        return deny(
          'SAME_APPROVER',
          'Du har redan godkänt ett tidigare steg av uppföljningen; samma person kan inte godkänna två steg.',
        );
      const open = input.openComments ?? 0;
      if (open > 0 && !input.acknowledgeOpenComments)
        return deny(
          'OPEN_COMMENTS',
          open === 1
            ? 'Uppföljningen har 1 olöst kommentar. Läs den och bekräfta att du godkänner ändå.'
            : `Uppföljningen har ${open} olösta kommentarer. Läs dem och bekräfta att du godkänner ändå.`,
        );
      const approvals = state.approvalsAtStep + 1;
      if (approvals < step.quorum)
        return { ok: true, next: { ...state, approvalsAtStep: approvals }, stepCompleted: false };
      return {
        ok: true,
        next: { status: step.leadsTo, step: state.step + 1, approvalsAtStep: 0 },
        stepCompleted: true,
      };
    }
    case 'withdraw':
      if (!is(Role.PROJEKTAGARE))
        return deny('FORBIDDEN', 'Endast insatsens projektägare kan dra tillbaka uppföljningen.');
      if (state.status !== SubmissionStatus.SUBMITTED || state.step !== 0 || state.approvalsAtStep > 0) {
        return deny(
          'INVALID_TRANSITION',
          'Uppföljningen kan bara dras tillbaka innan någon har godkänt den.',
        );
      }
      return {
        ok: true,
        next: { status: SubmissionStatus.WITHDRAWN, step: 0, approvalsAtStep: 0 },
        stepCompleted: false,
      };
    case 'reopen':
      if (!is(Role.FORBUNDSCHEF))
        return deny('FORBIDDEN', 'Endast förbundschefen kan öppna en godkänd uppföljning igen.');
      if (state.status !== SubmissionStatus.APPROVED)
        return deny('INVALID_TRANSITION', 'Bara en godkänd uppföljning kan öppnas igen.');
      if (!input.comment?.trim()) return deny('COMMENT_REQUIRED', 'Ange varför uppföljningen öppnas igen.');
      return {
        ok: true,
        next: { status: SubmissionStatus.DRAFT, step: 0, approvalsAtStep: 0 },
        stepCompleted: false,
      };
  }
}

/** Who the submission waits for, or null. */
export function waitingFor(wf: WorkflowConfig, state: SubmissionState): Role | null {
  if (EDITABLE.has(state.status)) return Role.PROJEKTAGARE;
  if (IN_REVIEW.has(state.status)) return wf.steps[state.step]?.role ?? null;
  return null;
}

export function label(status: SubmissionStatus): string {
  return STATUS_PHRASE[status];
}

export function roleLabel(role: Role): string {
  return ROLE_PHRASE[role];
}

/** One step of the chain as the people following it see it. */
export interface ChainStepView {
  role: Role;
  quorum: number;
  /** Approvals given at this step in the current round. */
  approvals: number;
  state: 'DONE' | 'CURRENT' | 'PENDING';
  /** Approving this step is signed with password and one-time code. */
  requireSignature: boolean;
}

/** The approval chain drawn as steps: done, the one waiting, and those after it. */
export function chainView(wf: WorkflowConfig, state: SubmissionState): ChainStepView[] {
  return wf.steps.map((s, i) => {
    let st: ChainStepView['state'] = 'PENDING';
    if (state.status === SubmissionStatus.APPROVED) st = 'DONE';
    else if (IN_REVIEW.has(state.status))
      st = i < state.step ? 'DONE' : i === state.step ? 'CURRENT' : 'PENDING';
    const approvals = st === 'DONE' ? s.quorum : st === 'CURRENT' ? state.approvalsAtStep : 0;
    return {
      role: s.role,
      quorum: s.quorum,
      approvals,
      state: st,
      requireSignature: s.requireSignature === true,
    };
  });
}

const DEFAULT_DEADLINES: Record<'DELAR' | 'HELAR', { monthDay: string; nextYear: boolean }> = {
  DELAR: { monthDay: '08-31', nextYear: false },
  HELAR: { monthDay: '02-15', nextYear: true },
};

/**
 * The day a period's follow-up is due (YYYY-MM-DD): a förbund may set its own month and day per period kind
 * (`workflow_config.deadlines`); the annual one falls in the following year.
 */
export function periodDeadline(kind: 'DELAR' | 'HELAR', year: number, workflowConfig: unknown): string {
  const configured = ((workflowConfig as { deadlines?: Record<string, string> } | null)?.deadlines ??
    {}) as Record<string, string>;
  const d = DEFAULT_DEADLINES[kind];
  const monthDay = /^\d{2}-\d{2}$/.test(configured[kind] ?? '') ? configured[kind] : d.monthDay;
  return `${year + (d.nextYear ? 1 : 0)}-${monthDay}`;
}

/**
 * A submission's status in words, naming the role of the step it passed: with a beredningsgrupp as the
 * first step, "Godkänd av beredningsgruppen", not the default "Godkänd av styrgruppen".
 */
export function submissionStatusLabel(
  wf: WorkflowConfig,
  state: Pick<SubmissionState, 'status' | 'step'>,
  words: { status: Record<string, string>; rolePhrase: Record<string, string> },
): string {
  const passed = state.status === SubmissionStatus.STYRGRUPP_APPROVED ? wf.steps[state.step - 1] : undefined;
  if (passed) return `Godkänd av ${words.rolePhrase[passed.role] ?? passed.role.toLowerCase()}`;
  return words.status[state.status] ?? state.status;
}
