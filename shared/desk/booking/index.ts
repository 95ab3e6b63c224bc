// Booking: the gate, the slot finder, the case guards and the helpers they share.
export * from './booking-gate';
export * from './slot-finder';
export * from './case-guards';
export * from './case-materials';
export * from './bank-notices';
export * from './dotted-version';
