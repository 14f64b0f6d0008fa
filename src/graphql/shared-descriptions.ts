// Descriptions of fields that mean the same on several types, said once.
export const DESCRIBE = {
  mutationInput: 'What to do; each field of the input type says what it means.',
  acceptedOperation: 'The Operation now carrying out the action; follow it with operationUpdated.',
  createdAt: 'When xengraph first recorded it.',
  instanceOnAction: 'The instance acted on, as it is now.',
  idempotencyKey: 'The idempotency key the request came with; null when it had none.',
  vdiUuid: 'The XAPI VDI uuid.',
  srUuid: 'The uuid of the XAPI SR holding the disk.',
  macAddress: 'The interface\'s MAC address (XAPI VIF.MAC).',
} as const;
