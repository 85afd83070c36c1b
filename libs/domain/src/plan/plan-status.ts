/** A verksamhetsplan's life: written, sent to the styrelse for signing, decided; a newer version supersedes it. */
export enum PlanStatus {
  DRAFT = 'DRAFT',
  FOR_DECISION = 'FOR_DECISION',
  DECIDED = 'DECIDED',
  SUPERSEDED = 'SUPERSEDED',
}

export type PlanAction = 'save' | 'sendForDecision' | 'withdraw' | 'decide' | 'supersede';

export type PlanDecision =
  | { ok: true; status: PlanStatus }
  | { ok: false; reason: 'INVALID_TRANSITION' | 'CHECKS_FAILING'; message: string };

const MAP: Record<PlanStatus, Partial<Record<PlanAction, PlanStatus>>> = {
  [PlanStatus.DRAFT]: { save: PlanStatus.DRAFT, sendForDecision: PlanStatus.FOR_DECISION },
  [PlanStatus.FOR_DECISION]: { withdraw: PlanStatus.DRAFT, decide: PlanStatus.DECIDED },
  [PlanStatus.DECIDED]: { supersede: PlanStatus.SUPERSEDED },
  [PlanStatus.SUPERSEDED]: {},
};

const LABEL: Record<PlanStatus, string> = {
  [PlanStatus.DRAFT]: 'utkast',
  [PlanStatus.FOR_DECISION]: 'för beslut',
  [PlanStatus.DECIDED]: 'beslutad',
  [PlanStatus.SUPERSEDED]: 'ersatt',
};

/**
 * The plan's transition map with its guards: only a draft is edited; it goes for decision only when every
 * check passes or the failing ones are explicitly accepted; a decided plan changes only by a new version.
 */
export function decidePlan(
  status: PlanStatus,
  action: PlanAction,
  guards: { failingChecks?: number; acceptFailing?: boolean } = {},
): PlanDecision {
  const next = MAP[status][action];
  if (!next)
    return {
      ok: false,
      reason: 'INVALID_TRANSITION',
      message: `En plan som är ${LABEL[status]} kan inte ändras så.`,
    };
  if (action === 'sendForDecision' && (guards.failingChecks ?? 0) > 0 && !guards.acceptFailing)
    return {
      ok: false,
      reason: 'CHECKS_FAILING',
      message: `${guards.failingChecks} kontroller är inte godkända; rätta planen eller ange att du skickar den ändå.`,
    };
  return { ok: true, status: next };
}
