import { graphql } from '../../gql';
import { PLAN_TEXT_KEYS } from '../../../../../libs/domain/src/plan/plan-texts';

export const PlanDocument = graphql(`
  query PlanPage($slug: String!, $orgId: ID!, $year: Int!) {
    organisation(slug: $slug) {
      id
      parties {
        key
        name
        kind
      }
      costCentres {
        code
        name
      }
      insatser {
        id
        key
        name
      }
    }
    plan(organisationId: $orgId, year: $year) {
      id
      status
      version
      revision
      data
      validationErrors {
        path
        message
      }
      allocation {
        party
        name
        amount
      }
      budget {
        year
        fromParties
        fromEquity
        esf
        other
        summaBudget
        buffer
        totalt
        lines
        summaKostnader
        ejBudgeterat
      }
      checks {
        id
        status
        message
      }
      lastYear {
        costCentre
        budget
        forecast
        outcome
      }
    }
  }
`);

export const StartPlanDocument = graphql(`
  mutation StartPlan($orgId: ID!, $year: Int!) {
    startPlan(organisationId: $orgId, year: $year) {
      id
      version
    }
  }
`);

export const SavePlanDocument = graphql(`
  mutation SavePlan($orgId: ID!, $year: Int!, $version: Int!, $plan: JSON!) {
    savePlan(organisationId: $orgId, year: $year, version: $version, plan: $plan) {
      id
      version
    }
  }
`);

/** The plan as the API keeps it (libs/domain/src/plan/plan.schema.ts). */
export interface PlanData {
  year: number;
  texts: Record<string, string>;
  malomraden: Array<{ key: string; title: string; text?: string }>;
  insatser: Array<{
    key: string;
    matpunkter: Array<{ key: string; text: string; metric?: string; op?: string; target?: string }>;
  }>;
  financialGoals: Array<{ key: string; text: string; metric: string; op: string; value: string }>;
  confirmedGoalChanges: string[];
  allocation: { total: string; kommunKey: Record<string, string> };
  financing: Record<string, { fromEquity?: string; esf?: string; other?: string }>;
  buffer: string;
  lines: Record<string, Record<string, string>>;
}

export const PLAN_TEXTS = Object.entries(PLAN_TEXT_KEYS).map(([key, title]) => ({ key, title }));

export const RevisePlanDocument = graphql(`
  mutation RevisePlan($orgId: ID!, $year: Int!) {
    revisePlan(organisationId: $orgId, year: $year) {
      id
      version
    }
  }
`);
