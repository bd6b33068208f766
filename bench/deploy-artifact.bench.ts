// Size of the deploy artifact `npm run artifact` builds for App Service (bundled server, built tab,
// better-sqlite3's runtime files), on disk and zipped as `teamsapp deploy` uploads it. The artifact
// is built with whatever Node runs the bench (its content and size do not depend on it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain JS module, also run as `npm run artifact`
import { buildArtifact, zippedBytes } from '../scripts/build-artifact.mjs';

const dir = mkdtempSync(join(tmpdir(), 'okr-bench-artifact-'));
try {
  const result = await buildArtifact({ out: join(dir, 'app-service'), anyNode: true, buildTab: false, smoke: false });
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  console.log(`deploy_artifact_mb ${mb(result.bytes)}`);
  console.log(`deploy_artifact_zip_mb ${mb(await zippedBytes(result.out))}`);
  console.log(`deploy_artifact_files ${result.files}`);
  console.log(`deploy_artifact_server_bundle_mb ${mb(result.bundleBytes)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
