import { matchRoute, usePathname } from './app/routing.ts';
import { BoardNotFound } from './board/BoardNotFound.tsx';
import { BoardPage } from './board/BoardPage.tsx';
import { HomePage } from './home/HomePage.tsx';

export function App() {
  const route = matchRoute(usePathname());
  if (!route) return <BoardNotFound boardId={window.location.pathname} />;
  if (route.page === 'home') return <HomePage />;
  return <BoardPage key={route.boardId} boardId={route.boardId} />;
}
