// The step's outputs, kept whole in the runner's output file. @actions/core appends each value it is
// given, so a value rewritten often (`results`, written as every go-live request goes out and every
// go-live is named, so that a killed step loses nothing) would leave every earlier copy behind: 256
// offers left 8 MB for a final value of 70 KB. Here each write replaces the file with the outputs as
// they stand, written beside it and renamed over it, so the file is never half written and holds
// one copy of each value: its size is the final values', whatever the number of writes.
import * as core from '@actions/core'
import { randomUUID } from 'node:crypto'
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { EOL } from 'node:os'

/** One value in the runner's file-command form: `name<<delimiter`, the value, the delimiter. */
function entry(name: string, value: string): string {
  const delimiter = `ghadelimiter_${randomUUID()}`
  // A value can hold a line break, never the delimiter made for it (a new UUID each time).
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`
}

class OutputFile {
  private values = new Map<string, string>()
  /** The file, and what it held before the action wrote to it (the runner gives each step an empty one). */
  private file: { path: string; before: string } | undefined

  set(name: string, value: string): void {
    const path = process.env.GITHUB_OUTPUT
    // Without the runner's file (a local run): the runner's command, as @actions/core writes it.
    if (!path) return core.setOutput(name, value)
    if (this.file?.path !== path) {
      this.file = { path, before: readIfThere(path) }
      this.values = new Map()
    }
    this.values.set(name, value)
    let text = this.file.before
    for (const [key, held] of this.values) text += entry(key, held)
    const next = `${path}.${process.pid}.next`
    writeFileSync(next, text)
    try {
      renameSync(next, path)
    } catch {
      // A file system that cannot rename over the file: written in place (not atomic, still whole).
      writeFileSync(path, text)
    }
  }
}

function readIfThere(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}

/** The step's outputs: set one with `outputs.set(name, value)`; the file then holds the last value of each. */
export const outputs = new OutputFile()
