export * from './model/report-input';
export * from './model/report-model';
export * from './model/build-report';
