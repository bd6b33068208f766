/**
 * The meeting stage's Live Share session (`@microsoft/live-share` 1.2, on Fluid Framework 1.x): one
 * `LiveState` carries the presentation's step — which deck (unit and quarter) and which step — and
 * only a meeting's organizer or presenters may set it (`allowedRoles`; everyone else's `set` is
 * refused by Live Share, and their stage only listens). Loaded with `import()` by the stage when it
 * can join a session (useStageSession.ts), so neither Live Share nor Fluid is ever in the tab's first
 * load. In Teams the session is the meeting's (teams-js `LiveShareHost`); outside Teams, in
 * development, it is a local Fluid server (`tinylicious`) through Live Share's `TestLiveShareHost`,
 * whose session is named by the page's `#` (the first stage creates it and writes it there; open
 * the same address, `#` included, in another window to join it).
 */
import { LiveShareClient, LiveState, TestLiveShareHost, UserMeetingRole, type ILiveShareHost } from '@microsoft/live-share';
import type { AzureLocalConnectionConfig } from '@fluidframework/azure-client';
import { InsecureTokenProvider } from '@fluidframework/test-client-utils';

/** Who may move everyone's stage: Teams' organizer and presenters of the meeting. */
const PRESENTER_ROLES = [UserMeetingRole.organizer, UserMeetingRole.presenter];

/** What the session carries: the step the presentation shows, of which deck. */
interface Presented {
  deck: string;
  step: number;
}

/**
 * Where to join: the Teams meeting through teams-js' `LiveShareHost` (passed in: teams-js is loaded
 * only inside Teams, host.ts), or the local Fluid server as a presenter or an attendee.
 */
export type SessionPlace = { kind: 'teams'; host: unknown } | { kind: 'local'; endpoint: string; role: 'presenter' | 'attendee' };

export interface StageSession {
  role: 'presenter' | 'attendee';
  /** The presentation's step when joined, if someone has presented this deck already. */
  presented: number | null;
  /** Moves everyone's stage (presenters only; Live Share refuses anyone else). */
  publish(step: number): Promise<void>;
  /** Called with each step the presentation moves to (from this stage or another). */
  onPresented(listener: (step: number) => void): void;
  /** Called once if the session ends for this stage (the container closed). */
  onLost(listener: () => void): void;
  close(): void;
}

function hostFor(place: SessionPlace): ILiveShareHost {
  // teams-js declares its own copy of Live Share's host interface (same members, its own enums).
  if (place.kind === 'teams') return place.host as ILiveShareHost;
  const host = TestLiveShareHost.create() as TestLiveShareHost;
  // The local server lets everyone do everything: a stage opened as an attendee is one here.
  if (place.role === 'attendee') host.defaultLocalRoles = [UserMeetingRole.attendee];
  return host;
}

/**
 * The host as Live Share uses it, telling what Teams answers when Live Share registers this stage's
 * connection: the person's roles in the meeting (Teams mobile wraps them in `{ userRoles }`).
 */
function withLocalRoles(host: ILiveShareHost): { host: ILiveShareHost; localRoles: Promise<UserMeetingRole[]> } {
  let told: (roles: UserMeetingRole[]) => void = () => {};
  const localRoles = new Promise<UserMeetingRole[]>((resolve) => (told = resolve));
  return {
    localRoles,
    host: {
      getFluidTenantInfo: () => host.getFluidTenantInfo(),
      getFluidToken: (containerId) => host.getFluidToken(containerId),
      getFluidContainerId: () => host.getFluidContainerId(),
      setFluidContainerId: (containerId) => host.setFluidContainerId(containerId),
      getNtpTime: () => host.getNtpTime(),
      registerClientId: async (clientId) => {
        const answer: unknown = await host.registerClientId(clientId);
        const roles = Array.isArray(answer) ? answer : ((answer as { userRoles?: UserMeetingRole[] } | null)?.userRoles ?? []);
        told(roles);
        return answer as UserMeetingRole[];
      },
      getClientRoles: (clientId) => host.getClientRoles(clientId),
      getClientInfo: (clientId) => host.getClientInfo(clientId),
    },
  };
}

/** The local Fluid server takes any token: Fluid's test token provider signs one, for a user Azure's client accepts (an id and a name). */
function localConnection(endpoint: string): AzureLocalConnectionConfig {
  const user = { id: crypto.randomUUID(), name: 'Escenario local' };
  return { type: 'local', endpoint, tokenProvider: new InsecureTokenProvider('', user) };
}

/** Joins the session of `deck` (e.g. "al-usaquen|2026-Q4"): a step presented for another deck is not this stage's. */
export async function joinStageSession(place: SessionPlace, deck: string): Promise<StageSession> {
  const { host, localRoles } = withLocalRoles(hostFor(place));
  const client = new LiveShareClient(host, place.kind === 'local' ? { connection: localConnection(place.endpoint) } : undefined);
  const { container } = await client.joinContainer({ initialObjects: { presented: LiveState<Presented | null> } });
  const presentedState = container.initialObjects.presented as unknown as LiveState<Presented | null>;
  const stepOf = (value: Presented | null): number | null => (value && value.deck === deck && Number.isInteger(value.step) ? value.step : null);
  const presentedListeners: Array<(step: number) => void> = [];
  presentedState.on('stateChanged', (value: Presented | null) => {
    const step = stepOf(value);
    if (step !== null) for (const listener of presentedListeners) listener(step);
  });
  await presentedState.initialize(null, PRESENTER_ROLES);
  const roles = await localRoles;
  return {
    role: roles.some((r) => PRESENTER_ROLES.includes(r)) ? 'presenter' : 'attendee',
    presented: stepOf(presentedState.state),
    publish: (step) => presentedState.set({ deck, step }),
    onPresented: (listener) => void presentedListeners.push(listener),
    onLost: (listener) => void container.once('disposed', listener),
    close: () => container.dispose(),
  };
}
