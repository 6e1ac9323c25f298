// The delivery writer's thread (see lib/deliveries/writer.ts): its own connection to the database,
// group commit, and one answer per job once the job's transaction is durable. Bundled by
// `npm run build` into .next/writer-worker.cjs.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '@/db';
import { GroupCommitter } from './group-commit';
import { reviveJob, runJob, type WriterJob } from './writer';

const { databasePath } = workerData as { databasePath: string };
// The server has already migrated the database; this connection only writes deliveries.
const db = openDatabase(databasePath, { migrate: false });
const committer = new GroupCommitter(db.$client);

parentPort!.on('message', ({ id, job }: { id: number; job: WriterJob }) => {
  committer.submit(() => runJob(db, reviveJob(job))).then(
    (value) => parentPort!.postMessage({ id, ok: true, value }),
    (error: unknown) =>
      parentPort!.postMessage({
        id,
        ok: false,
        error: { name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) },
      }),
  );
});
