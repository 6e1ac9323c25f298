// Worker entry: registers tsx's loader in this thread, then runs the TypeScript search builder.
require('tsx/cjs/api').register();
require('./search-worker.ts');
