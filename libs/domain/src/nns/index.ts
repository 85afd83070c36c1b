export * from './nns-catalogue';
export * from './nns-counts';
export * from './nns-shares';
