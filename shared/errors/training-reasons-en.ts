// Why training mode refused something, in English (electron/main/training/, the router). The
// renderer says them in Simplified Chinese from reasons-zh-cn-training.ts.
export const trainingReasonsEnglish = {
  'training-channel-refused': 'This is not available in training mode ({channel}): leave training mode first.',
  'training-demo-terminal-only': 'Training mode works with the demo terminal only; the port {port} was not opened. Choose "Demo terminal", or leave training mode to work on a real terminal.',
  'training-rebind-running': 'A rebind is running on the training terminal. Wait until it ends (or cancel it on the On site page), then leave training mode.',
  'training-reset-others': '{count} other window(s) are in training mode. Leave training mode there first, then reset the training data.',
  'training-not-active': 'This window is not in training mode.',
} as const;

/** A training reason code. */
export type TrainingReasonCode = keyof typeof trainingReasonsEnglish;
