// Worker entry: registers tsx's loader in this thread, then runs the TypeScript producer.
require('tsx/cjs/api').register();
require('./seed-worker.ts');
