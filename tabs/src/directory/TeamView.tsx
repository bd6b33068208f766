import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { DirectoryApi } from '../api/directory.js';
import { useLoad } from '../useLoad.js';
import { Loading, LoadError } from '../ui/LoadStatus.js';
import { useViewStyles, ViewSection } from '../ui/ViewSection.js';
import { RolesTable } from './RolesTable.js';
import { directoryText as d } from './strings.js';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
});

const none = () => undefined;

/** «Equipo»: who holds each role in the chosen unit, since when, and who held it before (everyone reads their own unit). */
export default function TeamView({ api, unitId, unitName }: { api: DirectoryApi; unitId: string; unitName: string }) {
  const styles = useStyles();
  const view = useViewStyles();
  const load = useLoad((signal) => api.directory(signal), []);
  if (load.state === 'loading') return <Loading label={d.loadingTeam} />;
  if (load.state === 'error') return <LoadError message={load.message} onRetry={load.retry} testId="team-error" />;
  const data = load.data;
  const people = new Map(data.people.map((p) => [p.id, p]));
  const mine = data.assignments.filter((a) => a.unitId === unitId);
  const current = mine.filter((a) => a.current || (a.to === null && a.from > data.today));
  const past = mine.filter((a) => !current.includes(a));
  return (
    <ViewSection titleId="team-title" title={d.team.title(unitName)} intro={d.team.intro} testId="team-view">
      <h3 className={view.h3}>{d.current}</h3>
      {current.length === 0 ? <Caption1>{d.noCurrent}</Caption1> : <RolesTable assignments={current} people={people} canEdit={false} onReplace={none} onEnd={none} onLeave={none} caption={`${d.current}: ${unitName}`} testId="team-roles" />}
      <h3 className={view.h3}>{d.history}</h3>
      {past.length === 0 ? <Caption1 className={styles.muted}>{d.noHistory}</Caption1> : <RolesTable assignments={past} people={people} canEdit={false} onReplace={none} onEnd={none} onLeave={none} caption={`${d.history}: ${unitName}`} testId="team-history" history />}
    </ViewSection>
  );
}
