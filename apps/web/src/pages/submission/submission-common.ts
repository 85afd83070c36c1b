import type { SubmissionFieldsFragment } from '../../gql/graphql';

export type Sub = SubmissionFieldsFragment;
export const EDITABLE = ['DRAFT', 'RETURNED', 'WITHDRAWN'];
export const AUTOSAVE_MS = 800;
