import { graphql } from '../../gql';

export const AdminDocument = graphql(`
  query Admin($slug: String!, $orgId: ID!) {
    organisation(slug: $slug) {
      id
      name
      costCentres {
        code
        name
        category
      }
      insatser {
        key
        name
      }
      parties {
        key
        name
      }
      people {
        id
        name
        email
        roles
        hasPassword
        personalNumber
        nameEditable
        assignments {
          role
          insats
          party
          title
        }
      }
    }
    budgets(organisationId: $orgId) {
      id
      year
      kind
      decided
      fundedBy
      lines
      outlook
      version
    }
    forecasts(organisationId: $orgId) {
      id
      year
      asOf
      lines
      version
    }
    sieImports(organisationId: $orgId) {
      id
      year
      version
      active
      createdAt
      encoding
      vouchers
      transactions
      warnings
      fiscalYearStart
      fiscalYearEnd
    }
  }
`);

export const ImportSieDocument = graphql(`
  mutation ImportSie($fileId: ID!, $orgId: ID!) {
    importSie(fileId: $fileId, organisationId: $orgId) {
      id
      year
      version
      vouchers
      transactions
      encoding
      warnings
    }
  }
`);

export const SaveBudgetDocument = graphql(`
  mutation SaveBudget($orgId: ID!, $budget: BudgetInput!) {
    saveBudget(organisationId: $orgId, budget: $budget)
  }
`);

export const SavePersonDocument = graphql(`
  mutation SavePerson($orgId: ID!, $person: PersonInput!) {
    savePerson(organisationId: $orgId, person: $person) {
      id
      people {
        id
        email
        name
      }
    }
  }
`);
