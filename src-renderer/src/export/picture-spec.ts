/** The picture specification is shared with the CLI (na62 render): src-shared/picture/picture-spec.ts. */
export * from '../../../src-shared/picture/picture-spec';
