import {
  BoardMandate,
  boardRoleTitle,
  defaultSectionHeading,
  SIGNATURE_PAGE,
  SignersBasis,
  signersAt,
} from '@app/domain';
import { ReportSignatures } from '../report-model';
import { BuildContext } from '../build-context';
import { boardMandates } from '../board-mandates';

/**
 * 8 Styrelsens underskrift (årsredovisning): the statement, a place-and-date line and a signature line with name
 * and title for each ledamot, then the revisorer under the seed's sentence. The signers are those sitting at the
 * board's decision date (issue 18.2; `input.signers`, gathered by the worker: a signing request's decision date,
 * else the compile date, never before the year-end); without it, those sitting at the end of the year. The page
 * says which day the list is for. Who actually signed is on the signeringsintyg.
 */
export function underskrifter(ctx: BuildContext): void {
  const { input, year, kind, sections } = ctx;
  if (kind !== 'ARSREDOVISNING') return;
  const atDecision = input.signers?.board.length
    ? {
        date: input.signers.decisionDate,
        basis: input.signers.basis ?? 'DECISION',
        people: signersAt(boardMandates(input.signers.board), input.signers.decisionDate, kind),
      }
    : null;
  const date = atDecision?.date ?? `${year}-12-31`;
  const basis: SignersBasis = atDecision?.basis ?? 'YEAR_END';
  const people = atDecision?.people ?? signersAt(boardMandates(input.board), date, kind);
  const line = (m: BoardMandate) => ({
    name: m.name,
    title:
      m.role === 'REVISOR' && m.appointedBy
        ? `${boardRoleTitle(m)}, ${SIGNATURE_PAGE.forParty(m.appointedBy)}`
        : boardRoleTitle(m),
  });
  const signatures: ReportSignatures = {
    statement: SIGNATURE_PAGE.statement,
    note: SIGNATURE_PAGE.personalMandate,
    placeAndDate: SIGNATURE_PAGE.placeAndDate,
    decisionDate: basis === 'DECISION' ? date : null,
    boardAsOf: { date, basis, text: SIGNATURE_PAGE.boardAsOf(basis, date) },
    groups: [
      { signers: people.filter((m) => m.role === 'STYRELSELEDAMOT').map(line) },
      { intro: SIGNATURE_PAGE.revisorer, signers: people.filter((m) => m.role === 'REVISOR').map(line) },
    ].filter((g) => g.signers.length),
  };
  sections.push({
    id: 'underskrifter',
    title: defaultSectionHeading('underskrifter', kind),
    tables: [],
    signatures,
  });
}
