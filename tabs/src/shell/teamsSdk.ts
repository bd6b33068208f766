/** The parts of teams-js the tab uses; imported on demand by host.ts and the meeting stage (its own chunk). */
export { app, authentication, LiveShareHost, meeting, pages, people } from '@microsoft/teams-js';
