import { graphql } from '../../gql';

/** The förbund's financial set-up for the kansli (issue 18). */
export const FinanceSetupDocument = graphql(`
  query FinanceSetup($orgId: ID!) {
    financeSetup(organisationId: $orgId) {
      costCentres {
        code
        name
        category
        version
        split {
          purpose
          share
          note
        }
      }
      parties {
        key
        name
        kind
        version
      }
      kommunKey {
        version
        shares {
          party
          share
        }
      }
      financialGoals {
        year
        key
        text
        metric
        op
        value
        version
      }
      metrics
    }
  }
`);

export const SaveCostCentreDocument = graphql(`
  mutation SaveCostCentre($orgId: ID!, $costCentre: JSON!) {
    saveCostCentre(organisationId: $orgId, costCentre: $costCentre) {
      id
    }
  }
`);

export const SavePartyDocument = graphql(`
  mutation SaveParty($orgId: ID!, $party: JSON!) {
    saveParty(organisationId: $orgId, party: $party) {
      key
      version
    }
  }
`);

export const SaveKommunKeyDocument = graphql(`
  mutation SaveKommunKey($orgId: ID!, $key: JSON!) {
    saveKommunKey(organisationId: $orgId, key: $key) {
      version
    }
  }
`);

export const SaveFinancialGoalDocument = graphql(`
  mutation SaveFinancialGoal($orgId: ID!, $goal: JSON!) {
    saveFinancialGoal(organisationId: $orgId, goal: $goal) {
      key
      version
    }
  }
`);

export const RemoveFinancialGoalDocument = graphql(`
  mutation RemoveFinancialGoal($orgId: ID!, $year: Int!, $key: String!, $version: Int!) {
    removeFinancialGoal(organisationId: $orgId, year: $year, key: $key, version: $version)
  }
`);

export const SaveForecastDocument = graphql(`
  mutation SaveForecast($orgId: ID!, $forecast: ForecastInput!) {
    saveForecast(organisationId: $orgId, forecast: $forecast)
  }
`);
