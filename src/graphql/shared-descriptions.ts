// Descriptions of fields that mean the same on several types or modules, said once.
export const DESCRIBE = {
  mutationInput: 'What to do; each field of the input type says what it means.',
  acceptedOperation: 'The Operation now carrying out the action; follow it with operationUpdated.',
  instanceOnAction: 'The instance acted on, as it is now.',
  idempotencyKey: 'The idempotency key the request came with; null when it had none.',
  macAddress: 'The interface\'s MAC address (XAPI VIF.MAC).',
} as const;
