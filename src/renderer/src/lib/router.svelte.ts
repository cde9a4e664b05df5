import { gameHref, gameTabs, parseRoute, routeHref, type GameTab, type Route, type View } from './routes';

export { gameHref, gameTabs, routeHref, type GameTab, type Route, type View };

class Router {
  route = $state.raw<Route>(parseRoute(location.hash));

  constructor() {
    window.addEventListener('hashchange', () => {
      this.route = parseRoute(location.hash);
    });
  }

  go(view: Exclude<View, 'game'>, query?: Record<string, string> | URLSearchParams): void {
    location.hash = routeHref(view, query);
  }

  goGame(saveId: number, tab: GameTab = 'overview', itemId: number | null = null): void {
    location.hash = gameHref(saveId, tab, itemId);
  }

  /** Same place, new address, no history entry: a filter typed in the library, the live page moving to the next turn. */
  replace(href: string): void {
    history.replaceState(history.state, '', `${location.pathname}${location.search}${href}`);
    this.route = parseRoute(location.hash);
  }
}

export const router = new Router();
