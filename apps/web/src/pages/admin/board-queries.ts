import { graphql } from '../../gql';

export const BoardMandatesDocument = graphql(`
  query BoardMandates($orgId: ID!) {
    boardMandates(organisationId: $orgId) {
      id
      personId
      name
      role
      title
      appointedBy
      partyName
      from
      to
      gender
      version
    }
  }
`);

export const SaveBoardMandateDocument = graphql(`
  mutation SaveBoardMandate($orgId: ID!, $mandate: BoardMandateInput!) {
    saveBoardMandate(organisationId: $orgId, mandate: $mandate) {
      id
      version
    }
  }
`);

export const RemoveBoardMandateDocument = graphql(`
  mutation RemoveBoardMandate($mandateId: ID!, $version: Int!) {
    removeBoardMandate(mandateId: $mandateId, version: $version)
  }
`);
