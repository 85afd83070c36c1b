import {
  actionLabel,
  boardRoleTitle,
  boardTitleRank,
  periodLabel,
  ROLE_LABEL,
  ROLE_PHRASE,
  STATUS_LABEL,
  STATUS_PHRASE,
  STATUS_PLURAL,
} from './labels';
import { label, roleLabel } from '../workflow/workflow';
import { Role } from '../access/roles';

describe('labels', () => {
  it('names periods in Swedish', () => {
    expect(periodLabel('HELAR-2025')).toBe('Helår 2025');
    expect(periodLabel('DELAR-2024')).toBe('Delår 2024');
    expect(periodLabel('Q1-2025')).toBe('Q1-2025');
  });

  it('has a label, a plural and a phrase for every status', () => {
    expect(Object.keys(STATUS_PLURAL).sort()).toEqual(Object.keys(STATUS_LABEL).sort());
    expect(Object.keys(STATUS_PHRASE).sort()).toEqual(Object.keys(STATUS_LABEL).sort());
    expect(STATUS_LABEL.APPROVED).toBe('Godkänd');
  });

  it('has a label and a phrase for every role', () => {
    for (const r of Object.values(Role)) {
      expect(ROLE_LABEL[r]).toBeDefined();
      expect(ROLE_PHRASE[r]).toBeDefined();
    }
  });

  it('is what the workflow says in its sentences', () => {
    expect(label('DRAFT' as never)).toBe('ett utkast');
    expect(roleLabel(Role.STYRGRUPP)).toBe('styrgruppen');
  });

  it('orders and titles the board', () => {
    const titles = [null, 'VICE_ORDFORANDE', 'ORDFORANDE'];
    expect(titles.sort((a, b) => boardTitleRank(a) - boardTitleRank(b))).toEqual([
      'ORDFORANDE',
      'VICE_ORDFORANDE',
      null,
    ]);
    expect(boardRoleTitle({ role: 'STYRELSELEDAMOT', title: 'ORDFORANDE' })).toBe('Ordförande');
    expect(boardRoleTitle({ role: 'STYRELSELEDAMOT', title: 'VICE_ORDFORANDE' })).toBe('Vice ordförande');
    expect(boardRoleTitle({ role: 'STYRELSELEDAMOT', title: null })).toBe('Ledamot');
    expect(boardRoleTitle({ role: 'REVISOR', title: null })).toBe('Revisor');
  });

  it('falls back to the code for an unknown audit action', () => {
    expect(actionLabel('submission.approved')).toBe('godkände');
    expect(actionLabel('x.y')).toBe('x.y');
  });
});
