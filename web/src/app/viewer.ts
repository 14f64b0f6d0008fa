// Who is signed in, for any page: action forms offer what the token's role may do.
import { createContext, useContext } from 'react';
import type { Role } from '../gql/graphql.js';

export interface Viewer {
  readonly name: string;
  readonly role: Role;
}

export const ViewerContext = createContext<Viewer | null>(null);

export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer is for pages shown to a signed-in viewer');
  return viewer;
}
