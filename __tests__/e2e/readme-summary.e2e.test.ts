// The README's job summary sample is what the committed bundle writes: scripts/docs.ts generates it
// from a run against the CPP emulator, and this test fails when the README and that run differ.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { renderReadme, summarySample } from '../../scripts/docs.js'
import { ROOT } from '../../scripts/run-action.js'
import { textOutsideCode } from '../helpers/summary-rows.js'

describe("the README's job summary sample", () => {
  it('is what a run of the bundle writes (`npm run docs` after `npm run bundle` brings it up to date)', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const sample = await summarySample()
    expect(readme).toContain(`<!-- generated:summary:start (npm run docs) -->\n${sample}\n<!-- generated:summary:end -->`)
    expect(renderReadme(readme, readFileSync(join(ROOT, 'action.yml'), 'utf8'), sample)).toBe(readme)
  })

  it('repeats byte for byte, and shows what a person can use: the location to copy, the times, the links', async () => {
    const [first, second] = [await summarySample(), await summarySample()]
    expect(second).toBe(first)
    expect(first).toMatch(/^> ## Go live: contoso\/contoso-vm\n>\n> \*\*Result:\*\* ✅ succeeded\. Elapsed 40m\.\n/)
    // The operation location as code, to copy (never a link), then when the go-live's steps say it started and ended.
    expect(first).toContain(
      '| contoso/contoso-vm | ✅ succeeded | `https://cloudpartner.azure.com/api/publishers/contoso/offers/contoso-vm/operations/56615b67-2185-49fe-80d2-c4ddf77bb2e8?api-version=2017-10-31` | 2026-11-20T10:06:39.5506018Z | 2026-11-20T10:42:39.5506018Z | Preview: [Azure Marketplace preview](https://azuremarketplace.microsoft.com/'
    )
    expect(first).not.toContain('](https://cloudpartner.azure.com')
    // The emulator's address never shows, nor an entity GitHub would decode and a file reader see.
    expect(first).not.toMatch(/127\.0\.0\.1|localhost|http:\/\//)
    expect(textOutsideCode(first)).not.toMatch(/&#\d+;/)
  })
})
