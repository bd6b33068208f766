/** The parts of teams-js the tab uses; imported on demand by host.ts (its own chunk). */
export { app, authentication, meeting, pages, people } from '@microsoft/teams-js';
