// ID fields offered as a list of what they can name (flavors, images, hosts…) instead of a bare text box. Only
// the field name picks the list; which of them the action accepts is the API's to say.
import { useQuery } from 'urql';

const LIST_BY_FIELD: Readonly<Record<string, string>> = {
  flavorId: 'flavors', imageId: 'images', rescueImageId: 'images', hostId: 'hosts', aggregateId: 'aggregates',
  networkId: 'networks', networkIds: 'networks', securityGroupId: 'securityGroups', securityGroupIds: 'securityGroups',
  groupId: 'securityGroups', sourceGroupId: 'securityGroups',
};

export interface Choice {
  readonly id: string;
  readonly name: string;
}

export function hasChoices(fieldName: string): boolean {
  return fieldName in LIST_BY_FIELD;
}

/** The named things an ID field may hold (the first 100), or null for a field with no list. */
export function useIdChoices(fieldName: string): readonly Choice[] | null {
  const list = LIST_BY_FIELD[fieldName];
  const [{ data }] = useQuery<{ list: { edges: { node: Choice }[] } }>({
    query: `query IdChoices { list: ${list ?? 'hosts'}(first: 100) { edges { node { id name } } } }`,
    pause: !list,
  });
  return list ? data?.list.edges.map((edge) => edge.node) ?? [] : null;
}
