// Moved to auth/factors (account factors); kept as a re-export for callers outside signing/.
export { checkPasswordAndCode, totpStep, type CodeCheck } from '../auth/factors/totp-check';
