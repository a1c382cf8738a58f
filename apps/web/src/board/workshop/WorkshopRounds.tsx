import './rounds.css';
import { SilentWritingControls } from './SilentWritingControls.tsx';
import { VotingControls } from './VotingControls.tsx';

/** Silent writing and dot voting, in the side panel. */
export function WorkshopRounds() {
  return (
    <div className="workshop-rounds">
      <SilentWritingControls />
      <VotingControls />
    </div>
  );
}
