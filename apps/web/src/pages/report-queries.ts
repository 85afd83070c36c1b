import { graphql } from '../gql';

export const ReportFields = graphql(`
  fragment ReportFields on Report {
    id
    kind
    year
    version
    status
    progress
    stage
    error
    createdAt
    checksPassed
    checks {
      id
      status
      message
    }
    pdfFileId
    xlsxFileId
    jsonFileId
    structureVersion
    checksFileId
  }
`);

export const ReportSigningFields = graphql(`
  fragment ReportSigningFields on ReportSigning {
    status
    signed
    signers
    newestVersion
    signedVersion
  }
`);

export const ReportsDocument = graphql(`
  query Reports($orgId: ID!) {
    reports(organisationId: $orgId) {
      ...ReportFields
      signing {
        ...ReportSigningFields
      }
    }
  }
`);

export const ReportDocument = graphql(`
  query Report($id: ID!) {
    report(id: $id) {
      ...ReportFields
      organisationId
      signing {
        ...ReportSigningFields
      }
      followUpCoverage {
        insatsKey
        insatsId
        insatsName
        period
        state
        reason
      }
    }
    signingRequest(reportId: $id) {
      ...SigningFields
    }
  }
`);

export const SigningFields = graphql(`
  fragment SigningFields on SigningRequest {
    id
    status
    orderMode
    expiresAt
    documentSha256
    sealedPdfFileId
    failureReason
    decisionDate
    signers {
      personId
      name
      role
      title
      state
      method
      signedAt
      roleText
      inPlaceOfName
      substitutionReason
    }
  }
`);

export const CompileReportDocument = graphql(`
  mutation CompileReport($orgId: ID!, $kind: ReportKind!, $year: Int!) {
    compileReport(organisationId: $orgId, kind: $kind, year: $year) {
      ...ReportFields
    }
  }
`);

export const ReportProgressDocument = graphql(`
  subscription ReportProgress($id: ID!) {
    reportProgress(id: $id) {
      ...ReportFields
    }
  }
`);

export const ReportTextsDocument = graphql(`
  query ReportTexts($orgId: ID!, $kind: ReportKind!, $year: Int!) {
    reportTexts(organisationId: $orgId, kind: $kind, year: $year) {
      texts
      version
      fields {
        key
        title
        withFigures
      }
    }
  }
`);

export const SaveReportTextsDocument = graphql(`
  mutation SaveReportTexts($orgId: ID!, $kind: ReportKind!, $year: Int!, $version: Int!, $texts: JSON!) {
    saveReportTexts(organisationId: $orgId, kind: $kind, year: $year, version: $version, texts: $texts) {
      texts
      version
      fields {
        key
        title
        withFigures
      }
    }
  }
`);

export const ReportStructureFields = graphql(`
  fragment ReportStructureFields on ReportStructure {
    kind
    version
    savedAt
    savedBy
    entries {
      id
      heading
      customHeading
      defaultHeading
      kind
      level
    }
    catalogue {
      id
      defaultHeading
      kind
      kindLabel
      level
      numbered
    }
  }
`);

export const ReportStructureDocument = graphql(`
  query ReportStructure($orgId: ID!, $kind: ReportKind!) {
    reportStructure(organisationId: $orgId, kind: $kind) {
      ...ReportStructureFields
    }
  }
`);

export const SaveReportStructureDocument = graphql(`
  mutation SaveReportStructure(
    $orgId: ID!
    $kind: ReportKind!
    $version: Int!
    $entries: [ReportStructureEntryInput!]!
  ) {
    saveReportStructure(organisationId: $orgId, kind: $kind, version: $version, entries: $entries) {
      ...ReportStructureFields
    }
  }
`);
