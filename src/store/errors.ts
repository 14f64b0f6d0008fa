// Failures the store reports as types, so callers can map them to user errors instead of parsing SQLite messages.

/** A paging cursor that this store did not produce, or that belongs to another ordering. */
export class InvalidCursorError extends Error {
  readonly code = 'INVALID_CURSOR';
  constructor(readonly cursor: string, reason: string) {
    super(`Invalid cursor: ${reason}`);
    this.name = 'InvalidCursorError';
  }
}

/**
 * The database's one-active-operation index (per instance, or per other target such as a host) refused a second
 * PENDING/RUNNING/CANCELLING operation. `instanceId` is the instance's id or the operation's targetId.
 */
export class ActiveOperationExistsError extends Error {
  readonly code = 'OPERATION_IN_PROGRESS';
  constructor(readonly instanceId: string) {
    super(`${instanceId} already has an operation in progress`);
    this.name = 'ActiveOperationExistsError';
  }
}

/** The same principal already used this idempotency key. */
export class DuplicateIdempotencyKeyError extends Error {
  readonly code = 'DUPLICATE_IDEMPOTENCY_KEY';
  constructor(readonly requestedBy: string, readonly idempotencyKey: string) {
    super(`Idempotency key ${idempotencyKey} was already used by ${requestedBy}`);
    this.name = 'DuplicateIdempotencyKeyError';
  }
}

/** Every subnet of the network has all its addresses allocated. */
export class NoFreeAddressError extends Error {
  readonly code = 'NO_FREE_ADDRESS';
  constructor(readonly networkId: string) {
    super(`Network ${networkId} has no free address left in its subnets`);
    this.name = 'NoFreeAddressError';
  }
}

/** A subnet's CIDR, gateway or DNS servers are not valid IPv4. */
export class InvalidSubnetError extends Error {
  readonly code = 'INVALID_SUBNET';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidSubnetError';
  }
}

/** A subnet still has addresses allocated to interfaces, so it cannot be removed. */
export class SubnetInUseError extends Error {
  readonly code = 'SUBNET_IN_USE';
  constructor(readonly subnetId: string, readonly allocated: number) {
    super(`The subnet has ${allocated} address${allocated === 1 ? '' : 'es'} allocated to interfaces`);
    this.name = 'SubnetInUseError';
  }
}

/** A MAC or IPv4 address asked for is already held by another interface. */
export class AddressInUseError extends Error {
  readonly code = 'ADDRESS_IN_USE';
  constructor(readonly kind: 'mac' | 'ip', readonly address: string) {
    super(`${kind === 'mac' ? 'MAC' : 'Address'} ${address} is already in use`);
    this.name = 'AddressInUseError';
  }
}

/** Another row already carries this unique name. */
export class DuplicateNameError extends Error {
  readonly code = 'DUPLICATE_NAME';
  constructor(readonly takenName: string) {
    super(`The name ${takenName} is already taken`);
    this.name = 'DuplicateNameError';
  }
}
