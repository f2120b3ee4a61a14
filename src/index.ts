// The entry point the runner starts; main.ts tells the story of a run.
import { run } from './main.js'

await run()
