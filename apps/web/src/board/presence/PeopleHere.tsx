import type { PresenceUser } from '@squall/model';
import { memo } from 'react';
import { useStore } from 'zustand';
import { useSession, useUi } from '../SessionContext.ts';
import { PeopleRoles } from '../workshop/PeopleRoles.tsx';
import { usePeerUsers } from './usePeerUsers.ts';

function initials(name: string): string {
  const words = name.split(' ').filter(Boolean);
  return (words.length > 1 ? words[0]![0]! + words[1]![0]! : name.slice(0, 2)).toUpperCase();
}

const Avatar = memo(function Avatar({ user }: { readonly user: PresenceUser }) {
  return (
    <span className="avatar" style={{ background: user.color }} aria-hidden="true">
      {initials(user.name)}
    </span>
  );
});

/** Who is on the board, with a count; clicking someone follows their viewport until this user moves. */
export function PeopleHere() {
  const session = useSession();
  const { clientIds, users } = usePeerUsers(session.peers);
  const me = useStore(session.peers, (state) => state.me);
  const following = useUi((state) => state.following);
  const count = clientIds.length + 1;
  return (
    <section className="people" aria-label="People here">
      <span className="people__count">{count === 1 ? '1 person here' : `${count} people here`}</span>
      <ul className="people__list">
        {me && (
          <li title={`${me.name} (you)`} aria-label={`${me.name} (you)`}>
            <Avatar user={me} />
          </li>
        )}
        {users.map((user, index) => {
          const clientId = clientIds[index]!;
          return (
            <li key={clientId}>
              <button
                type="button"
                className="people__follow"
                aria-pressed={following === clientId}
                aria-label={`Follow ${user.name}`}
                title={following === clientId ? `Following ${user.name}` : `Follow ${user.name}`}
                onClick={() => session.ui.setState({ following: following === clientId ? null : clientId })}
              >
                <Avatar user={user} />
              </button>
            </li>
          );
        })}
      </ul>
      <PeopleRoles />
    </section>
  );
}
