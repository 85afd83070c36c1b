export * from './nns-catalogue';
export * from './nns-counts';
export * from './nns-shares';
export * from './nns-answers';
export * from './nns-labels';
export * from './nns-metric';
