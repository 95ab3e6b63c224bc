// The desk's domain types: zod schemas (parse at every boundary) and the types inferred from them.
export * from './calendar';
export * from './ids';
export * from './materials';
export * from './bank';
export * from './terminal-model';
export * from './compatibility';
export * from './engineer';
export * from './case-state';
export * from './case';
export * from './appointment';
export * from './gate-views';
export * from './record';
