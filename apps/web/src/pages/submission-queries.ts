import { graphql } from '../gql';

export const SubmissionFields = graphql(`
  fragment SubmissionFields on Submission {
    id
    organisationId
    insatsId
    insatsName
    insatsType
    period
    status
    version
    revision
    deadline
    waitingFor
    statusLabel
    updatedAt
    submittedAt
    approvedAt
    answers
    derived
    validationErrors {
      path
      message
    }
    template {
      key
      version
      title
      definition
    }
    matpunkter {
      key
      text
      target
      op
      metric
    }
    approvalChain {
      role
      roleLabel
      quorum
      approvals
      state
      requireSignature
    }
    comments {
      id
      parentId
      path
      body
      authorName
      createdAt
      resolvedAt
    }
    history {
      id
      at
      action
      actorName
      fromState
      toState
      payload
    }
  }
`);

export const SubmissionDocument = graphql(`
  query Submission($id: ID!) {
    submission(id: $id) {
      ...SubmissionFields
      changesSinceLastReview {
        kind
        since
        changes {
          path
          before
          after
        }
      }
    }
  }
`);

export const SubmissionChangedDocument = graphql(`
  subscription SubmissionChanged($id: ID!) {
    submissionChanged(id: $id) {
      ...SubmissionFields
    }
  }
`);

export const SaveSubmissionDocument = graphql(`
  mutation SaveSubmission($id: ID!, $version: Int!, $answers: JSON!) {
    saveSubmission(id: $id, version: $version, answers: $answers) {
      ...SubmissionFields
    }
  }
`);

export const SubmitSubmissionDocument = graphql(`
  mutation SubmitSubmission($id: ID!, $version: Int!) {
    submitSubmission(id: $id, version: $version) {
      ...SubmissionFields
    }
  }
`);

export const ApproveSubmissionDocument = graphql(`
  mutation ApproveSubmission(
    $id: ID!
    $comment: String
    $password: String
    $code: String
    $version: Int
    $acknowledgeOpenComments: Boolean
  ) {
    approveSubmission(
      id: $id
      comment: $comment
      password: $password
      code: $code
      version: $version
      acknowledgeOpenComments: $acknowledgeOpenComments
    ) {
      ...SubmissionFields
    }
  }
`);

export const ReturnSubmissionDocument = graphql(`
  mutation ReturnSubmission($id: ID!, $comment: String!) {
    returnSubmission(id: $id, comment: $comment) {
      ...SubmissionFields
    }
  }
`);

export const WithdrawSubmissionDocument = graphql(`
  mutation WithdrawSubmission($id: ID!) {
    withdrawSubmission(id: $id) {
      ...SubmissionFields
    }
  }
`);

export const ReopenSubmissionDocument = graphql(`
  mutation ReopenSubmission($id: ID!, $reason: String!) {
    reopenSubmission(id: $id, reason: $reason) {
      id
    }
  }
`);

export const AddCommentDocument = graphql(`
  mutation AddComment($submissionId: ID!, $body: String!, $path: String, $parentId: ID) {
    addComment(submissionId: $submissionId, body: $body, path: $path, parentId: $parentId)
  }
`);

export const ResolveCommentDocument = graphql(`
  mutation ResolveComment($id: ID!) {
    resolveComment(id: $id)
  }
`);
