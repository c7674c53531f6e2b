export * from './types';
export * from './na62-detector';
export * from './straw';
export * from './muv3';
export * from './planes';
