import { UnitOfWork } from '@app/infra';
import { AppError } from '../common/errors/app-error';
import { ReportKindEnum } from './report.types';
import { ReportStructureService } from './report-structure.service';

jest.mock('@app/infra', () => {
  const actual = jest.requireActual('@app/infra');
  return {
    ...actual,
    appendAudit: jest.fn(async () => undefined),
    currentReportStructure: jest.fn(),
    insertReportStructure: jest.fn(),
  };
});
// eslint-disable-next-line @typescript-eslint/no-require-imports
const infra = require('@app/infra') as Record<
  'appendAudit' | 'currentReportStructure' | 'insertReportStructure',
  jest.Mock
>;

function service() {
  const tx = {};
  const uow = { write: jest.fn((w) => w(tx)), read: jest.fn((w) => w(tx)), reader: tx };
  return { svc: new ReportStructureService(uow as unknown as UnitOfWork), uow };
}
const refusal = async (p: Promise<unknown>) => {
  const e = await p.catch((x) => x);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
};

describe('ReportStructureService (fake store)', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    infra.currentReportStructure.mockResolvedValue(null);
    infra.insertReportStructure.mockImplementation(async (_tx, _o, _k, v) => v);
  });

  it('shows the seeds’ default as version 0, with the catalogue to choose from', async () => {
    const s = await service().svc.get('o1', ReportKindEnum.DELARSRAPPORT);
    expect(s.version).toBe(0);
    expect(s.entries.map((e) => e.id)).toContain('maluppfoljning');
    expect(s.entries.find((e) => e.id === 'aret_i_korthet')!.heading).toBe('Delåret som gått');
    // the delårsrapport's catalogue holds no kassaflödesanalys
    expect(s.catalogue.map((c) => c.id)).not.toContain('kassaflodesanalys');
  });

  it('saves the next version with one audit entry naming what was added, removed and renamed', async () => {
    const { svc, uow } = service();
    const s = await svc.save(
      'o1',
      ReportKindEnum.ARSREDOVISNING,
      0,
      [
        { id: 'forvaltningsberattelse', heading: '  Förvaltningsberättelse ' },
        { id: 'resultatrakning', heading: 'Resultat' },
        { id: 'ordforande_har_ordet' },
      ],
      'p1',
    );
    expect(uow.write).toHaveBeenCalledTimes(1);
    // a heading equal to the default is not stored as the förbund's own
    expect(infra.insertReportStructure).toHaveBeenCalledWith(
      expect.anything(),
      'o1',
      'ARSREDOVISNING',
      1,
      [
        { id: 'forvaltningsberattelse' },
        { id: 'resultatrakning', heading: 'Resultat' },
        { id: 'ordforande_har_ordet' },
      ],
      'p1',
    );
    expect(s.version).toBe(1);
    const payload = infra.appendAudit.mock.calls[0][1].payload;
    expect(payload.added).toEqual(['ordforande_har_ordet']);
    expect(payload.removed).toContain('kassaflodesanalys');
    expect(payload.renamed).toEqual([{ id: 'resultatrakning', from: 'Resultaträkning', to: 'Resultat' }]);
  });

  it('refuses a stale version, a broken structure and the verksamhetsplan, writing nothing', async () => {
    infra.currentReportStructure.mockResolvedValue({
      version: 2,
      entries: [{ id: 'forvaltningsberattelse' }],
    });
    const { svc } = service();
    const stale = await refusal(svc.save('o1', ReportKindEnum.ARSREDOVISNING, 1, [{ id: 'noter' }], 'p1'));
    expect(stale.code).toBe('REPORT_VERSION_CONFLICT');
    const broken = await refusal(svc.save('o1', ReportKindEnum.ARSREDOVISNING, 2, [{ id: 'okand' }], 'p1'));
    expect(broken.code).toBe('REPORT_BAD_STRUCTURE');
    const plan = await refusal(svc.save('o1', ReportKindEnum.VERKSAMHETSPLAN, 0, [{ id: 'noter' }], 'p1'));
    expect(plan.code).toBe('REPORT_BAD_STRUCTURE');
    expect(infra.insertReportStructure).not.toHaveBeenCalled();
    expect(infra.appendAudit).not.toHaveBeenCalled();
  });
});
