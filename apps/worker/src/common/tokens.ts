export const WORKER_DATA_SOURCE = Symbol('WORKER_DATA_SOURCE');
export const WORKER_CONFIG = Symbol('WORKER_CONFIG');
