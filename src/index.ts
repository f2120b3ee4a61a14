// The entry point the runner starts; all the work is in main.ts.
import { run } from './main.js'

await run()
