import { graphql } from '../../gql';

export const PlatformOrganisationsDocument = graphql(`
  query PlatformOrganisations {
    organisations {
      id
      slug
      name
      organisationNumber
    }
  }
`);

export const CreateOrganisationDocument = graphql(`
  mutation CreateOrganisation($o: NewOrganisationInput!) {
    createOrganisation(organisation: $o) {
      id
      slug
      name
      organisationNumber
    }
  }
`);
