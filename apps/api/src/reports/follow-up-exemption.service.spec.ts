import { UnitOfWork } from '@app/infra';
import { AppError } from '../common/errors/app-error';
import { FollowUpExemptionService } from './follow-up-exemption.service';

jest.mock('@app/infra', () => {
  const actual = jest.requireActual('@app/infra');
  return {
    ...actual,
    appendAudit: jest.fn(async () => undefined),
    FollowUpExemptionStore: {
      insats: jest.fn(),
      upsert: jest.fn(),
      one: jest.fn(),
      remove: jest.fn(),
      forPeriods: jest.fn(),
    },
  };
});
// eslint-disable-next-line @typescript-eslint/no-require-imports
const infra = require('@app/infra') as {
  appendAudit: jest.Mock;
  FollowUpExemptionStore: Record<'insats' | 'upsert' | 'one' | 'remove' | 'forPeriods', jest.Mock>;
};
const store = infra.FollowUpExemptionStore;

const hammaro = {
  id: 'i1',
  key: 'forb-hammaro',
  name: 'Förberedande insats Hammarö',
  organisationId: 'o1',
  start: '2025-09-01',
  end: '2026-12-31',
};

function service() {
  const tx = {};
  const uow = { write: jest.fn((w) => w(tx)), read: jest.fn((w) => w(tx)), reader: tx };
  return { svc: new FollowUpExemptionService(uow as unknown as UnitOfWork), uow };
}
const refusal = async (p: Promise<unknown>) => {
  const e = await p.catch((x) => x);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError & { details?: Array<{ path: string }> };
};

describe('FollowUpExemptionService (fake store)', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    store.insats.mockResolvedValue(hammaro);
    store.upsert.mockResolvedValue({ previousReason: null });
    store.one.mockResolvedValue({ insatsId: 'i1', period: 'HELAR-2025', reason: 'Pausad.' });
  });

  it('records the exemption with its trimmed reason and one audit entry, in one transaction', async () => {
    const { svc, uow } = service();
    await svc.exempt('i1', 'HELAR-2025', '  Pausad.  ', 'p1');
    expect(uow.write).toHaveBeenCalledTimes(1);
    expect(store.upsert).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({
        insatsId: 'i1',
        organisationId: 'o1',
        period: 'HELAR-2025',
        reason: 'Pausad.',
      }),
    );
    expect(infra.appendAudit).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({
        action: 'follow_up.exempted',
        actorId: 'p1',
        payload: { insatsId: 'i1', period: 'HELAR-2025', reason: 'Pausad.', previousReason: null },
      }),
    );
  });

  it('refuses a blank reason, a malformed period and a period the insats did not run in, writing nothing', async () => {
    const { svc, uow } = service();
    expect((await refusal(svc.exempt('i1', 'HELAR-2025', '   ', 'p1'))).message).toMatch(/skälet/);
    expect((await refusal(svc.exempt('i1', 'KVARTAL-2025', 'Pausad.', 'p1'))).message).toMatch(/period/);
    // Hammarö starts 2025-09-01: it owes no Delår 2025, so there is nothing to exempt.
    expect((await refusal(svc.exempt('i1', 'DELAR-2025', 'Pausad.', 'p1'))).message).toMatch(
      /pågår inte under delår 2025/,
    );
    expect(uow.write).not.toHaveBeenCalled();
    expect(infra.appendAudit).not.toHaveBeenCalled();
  });

  it('says so when there is no exemption to remove, and audits a removal with the old reason', async () => {
    const { svc } = service();
    store.remove.mockResolvedValueOnce(null);
    expect((await refusal(svc.remove('i1', 'HELAR-2025', 'p1'))).message).toMatch(/inte undantagen/);
    store.remove.mockResolvedValueOnce({ reason: 'Pausad.' });
    expect(await svc.remove('i1', 'HELAR-2025', 'p1')).toBe(true);
    expect(infra.appendAudit).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({
        action: 'follow_up.exemption_removed',
        payload: { insatsId: 'i1', period: 'HELAR-2025', reason: 'Pausad.' },
      }),
    );
  });
});
