import { parseRoute, routeHref, type Route, type View } from './routes';

export { routeHref, type Route, type View };

class Router {
  route = $state<Route>(parseRoute(location.hash));

  constructor() {
    window.addEventListener('hashchange', () => {
      this.route = parseRoute(location.hash);
    });
  }

  go(view: View, saveId: number | null = null): void {
    location.hash = routeHref(view, saveId);
  }
}

export const router = new Router();
