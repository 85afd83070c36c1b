export * from './model/report-input';
export * from './model/report-model';
export * from './model/build-report';
export * from './render/format';
export * from './render/pdf-renderer';
export * from './render/xlsx-renderer';
export * from './render/attachments';
export * from './render/nns-national';
