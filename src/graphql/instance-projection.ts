// The store fields an instance page's selection reads, so a listing reads only those columns: a page of a
// thousand instances showing their name, state and host read some twenty-five columns per row and decoded
// both JSON metadata columns, most of a page's store time and garbage.
//
// Only Instance fields whose resolver reads nothing but the fields listed here qualify (api-instances.test.ts
// answers a page of all of them both ways and compares); a selection with any other field, or one this cannot
// follow, reads whole rows as before.
import { Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { Instance } from '../store/index.js';

/** GraphQL field of Instance → the instance fields its resolver reads. */
export const INSTANCE_FIELD_READS: Readonly<Record<string, readonly (keyof Instance)[]>> = {
  __typename: [],
  id: ['id'],
  uuid: ['uuid'],
  name: ['name'],
  managed: ['managed'],
  vmState: ['vmState'],
  taskState: ['taskState'],
  powerState: ['powerState'],
  progress: ['progress'],
  vcpus: ['vcpus'],
  memoryMb: ['memoryMb'],
  createdAt: ['createdAt'],
  updatedAt: ['updatedAt'],
  deletedAt: ['deletedAt'],
  host: ['hostId'],
  flavor: ['flavorId'],
  image: ['imageId'],
};

/**
 * The instance fields a connection's `edges { node }` selections read, or undefined when whole rows
 * are needed (a field outside INSTANCE_FIELD_READS, a fragment on another type, a directive).
 */
export function instanceFieldsOfPage(info: GraphQLResolveInfo): (keyof Instance)[] | undefined {
  const reads = new Set<keyof Instance>();
  const fragments = info.fragments;
  let whole = false;

  const visitNodeSelection = (set: SelectionSetNode | undefined): void => {
    for (const selection of set?.selections ?? []) {
      if (whole) return;
      if (selection.directives?.length) whole = true;
      else if (selection.kind === Kind.FIELD) {
        const fieldReads = INSTANCE_FIELD_READS[selection.name.value];
        if (fieldReads) for (const read of fieldReads) reads.add(read);
        else whole = true;
      } else {
        const fragment: { typeCondition?: FragmentDefinitionNode['typeCondition']; selectionSet: SelectionSetNode } | undefined =
          selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
        if (!fragment || (fragment.typeCondition && fragment.typeCondition.name.value !== 'Instance')) whole = true;
        else visitNodeSelection(fragment.selectionSet);
      }
    }
  };

  const visitConnection = (set: SelectionSetNode | undefined, path: readonly string[]): void => {
    for (const selection of set?.selections ?? []) {
      if (whole) return;
      if (selection.kind !== Kind.FIELD) {
        // Fragments on the connection or edge types: followed only as plain fields.
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
        if (!fragment || selection.directives?.length) whole = true;
        else visitConnection(fragment.selectionSet, path);
      } else if (path.length === 0 && selection.name.value === 'edges') visitConnection(selection.selectionSet, ['edges']);
      else if (path[0] === 'edges' && selection.name.value === 'node') {
        if (selection.directives?.length) whole = true;
        else visitNodeSelection(selection.selectionSet);
      }
    }
  };

  for (const field of info.fieldNodes as readonly FieldNode[]) visitConnection(field.selectionSet, []);
  return whole ? undefined : [...reads];
}
