/** The text the seal writes on a sealed PDF before the report id; the API reads it back to find the report. */
export const SEAL_MARKER = 'Samordningsplattformen, rapport-id';
