import { graphql } from '../../gql';

export const InsatserAdminDocument = graphql(`
  query InsatserAdmin($slug: String!) {
    organisation(slug: $slug) {
      id
      parties {
        key
        name
      }
      costCentres {
        code
        name
      }
      people {
        id
        name
        email
      }
      insatser {
        id
        key
        name
        type
        ownerParty
        costCentre
        start
        end
        version
        decidedOn
        decisionBody
        decisionText
        budgets {
          year
          amount
        }
        matpunkter {
          key
          year
          text
          metric
          op
          target
        }
        team {
          personId
          name
          role
        }
      }
    }
  }
`);

export const CreateInsatsDocument = graphql(`
  mutation CreateInsats($orgId: ID!, $insats: InsatsInput!) {
    createInsats(organisationId: $orgId, insats: $insats) {
      id
      name
      version
    }
  }
`);

export const UpdateInsatsDocument = graphql(`
  mutation UpdateInsats($id: ID!, $version: Int!, $insats: InsatsInput!) {
    updateInsats(id: $id, version: $version, insats: $insats) {
      id
      name
      version
    }
  }
`);

export const DeleteInsatsDocument = graphql(`
  mutation DeleteInsats($id: ID!, $version: Int!) {
    deleteInsats(id: $id, version: $version)
  }
`);

export const InsatsHistoryDocument = graphql(`
  query InsatsHistory($orgId: ID!, $id: String!) {
    auditTrail(organisationId: $orgId, entityType: "insats", entityId: $id) {
      id
      at
      actorName
      action
      payload
    }
  }
`);
