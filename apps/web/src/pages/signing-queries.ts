import { graphql } from '../gql';

export const RetrySealingDocument = graphql(`
  mutation RetrySealing($requestId: ID!) {
    retrySealing(requestId: $requestId) {
      ...SigningFields
    }
  }
`);

export const CreateSigningRequestDocument = graphql(`
  mutation CreateSigningRequest(
    $reportId: ID!
    $order: SigningOrder!
    $overrideReason: String
    $decisionDate: String
  ) {
    createSigningRequest(
      reportId: $reportId
      order: $order
      overrideReason: $overrideReason
      decisionDate: $decisionDate
    ) {
      ...SigningFields
    }
  }
`);

export const ViewSigningDocumentDocument = graphql(`
  mutation ViewSigningDocument($requestId: ID!) {
    viewSigningDocument(requestId: $requestId)
  }
`);

export const SignWithTotpDocument = graphql(`
  mutation SignWithTotp($requestId: ID!, $password: String!, $code: String!) {
    signWithTotp(requestId: $requestId, password: $password, code: $code) {
      ...SigningFields
    }
  }
`);

export const PasskeySigningOptionsDocument = graphql(`
  mutation PasskeySigningOptions($requestId: ID!) {
    passkeySigningOptions(requestId: $requestId)
  }
`);

export const SignWithPasskeyDocument = graphql(`
  mutation SignWithPasskey($requestId: ID!, $response: JSON!) {
    signWithPasskey(requestId: $requestId, response: $response) {
      ...SigningFields
    }
  }
`);

export const StartBankIdDocument = graphql(`
  mutation StartBankId($requestId: ID!) {
    startBankIdSigning(requestId: $requestId) {
      orderRef
      qrData
      autoStartToken
    }
  }
`);

export const BankIdQrDocument = graphql(`
  query BankIdQr($orderRef: String!) {
    bankIdQr(orderRef: $orderRef)
  }
`);

export const CollectBankIdDocument = graphql(`
  mutation CollectBankId($orderRef: String!) {
    collectBankIdSigning(orderRef: $orderRef) {
      status
      hintCode
      message
    }
  }
`);

export const CancelBankIdDocument = graphql(`
  mutation CancelBankId($orderRef: String!) {
    cancelBankIdSigning(orderRef: $orderRef)
  }
`);

export const DeclineSigningDocument = graphql(`
  mutation DeclineSigning($requestId: ID!, $reason: String!) {
    declineSigning(requestId: $requestId, reason: $reason) {
      ...SigningFields
    }
  }
`);

export const SigningMethodsDocument = graphql(`
  query SigningMethods($requestId: ID!) {
    signingMethods(requestId: $requestId) {
      method
      label
      ready
      requirement
    }
  }
`);

export const RemindSignersDocument = graphql(`
  mutation RemindSigners($requestId: ID!) {
    remindSigners(requestId: $requestId) {
      reminded
      nextAllowedAt
    }
  }
`);

export const SignInPlaceOfDocument = graphql(`
  mutation SignInPlaceOf($requestId: ID!, $ledamotPersonId: ID!, $ersattarePersonId: ID!, $reason: String!) {
    signInPlaceOf(
      requestId: $requestId
      ledamotPersonId: $ledamotPersonId
      ersattarePersonId: $ersattarePersonId
      reason: $reason
    ) {
      ...SigningFields
    }
  }
`);

export const CancelSigningRequestDocument = graphql(`
  mutation CancelSigningRequest($requestId: ID!, $reason: String!) {
    cancelSigningRequest(requestId: $requestId, reason: $reason) {
      ...SigningFields
    }
  }
`);
