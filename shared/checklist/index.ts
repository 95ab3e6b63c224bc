// The checklist's shared model (issue 11 points 1 and 2): templates, answers, runs, outcomes.
export * from './checklist-steps';
export * from './checklist-template';
export * from './checklist-answers';
export * from './checklist-outcome';
export * from './checklist-run';
export * from './signature-svg';
export * from './answer-check';
export * from './checklist-audit';
