// Operation bodies as the CPP API sends them, for the emulator to play back one GET at a time.

export type Body = Record<string, unknown>

const at = (minute: number): string => new Date(Date.UTC(2026, 10, 20, 10, minute)).toISOString()

function step(id: string, stepName: string, status: string, extra: Body = {}): Body {
  return { id, stepName, description: `${stepName} of the offer`, status, progressPercentage: 0, messages: [], ...extra }
}

function operation(status: string, steps: Body[], extra: Body = {}): Body {
  return {
    status,
    messages: [{ messageHtml: '<p>Go-live requested by the publisher.</p>', level: 'information', timestamp: at(0) }],
    publishingVersion: 2,
    offerVersion: 1,
    cancellationRequestState: status === 'running' ? 'canCancel' : 'cannotCancel',
    steps,
    previewLinks: [],
    liveLinks: [],
    ...extra
  }
}

const signoff = step('publisher-signoff', 'Publisher signoff', 'complete', { progressPercentage: 100 })

/** A go-live that runs through preparation and the Live step and succeeds (spelled `completed`). */
export function succeedingGoLive(successSpelling = 'succeeded'): Body[] {
  return [
    operation('notStarted', [
      signoff,
      step('golive-prep', 'Go-live preparation', 'notStarted', { estimatedTimeFrame: '< 1 hour' }),
      step('live', 'live', 'notStarted', { estimatedTimeFrame: '~2-5 days' })
    ]),
    operation('running', [
      signoff,
      step('golive-prep', 'Go-live preparation', 'inProgress', { estimatedTimeFrame: '< 1 hour', progressPercentage: 40 }),
      step('live', 'live', 'notStarted', { estimatedTimeFrame: '~2-5 days' })
    ]),
    operation('running', [
      signoff,
      step('golive-prep', 'Go-live preparation', 'complete', { estimatedTimeFrame: '< 1 hour', progressPercentage: 100 }),
      step('live', 'live', 'inProgress', { estimatedTimeFrame: '~2-5 days', progressPercentage: 10 })
    ]),
    operation('running', [
      signoff,
      step('golive-prep', 'Go-live preparation', 'complete', { estimatedTimeFrame: '< 1 hour', progressPercentage: 100 }),
      step('live', 'live', 'inProgress', { estimatedTimeFrame: '~2-5 days', progressPercentage: 70 })
    ]),
    operation(
      successSpelling,
      [
        signoff,
        step('golive-prep', 'Go-live preparation', 'complete', { estimatedTimeFrame: '< 1 hour', progressPercentage: 100 }),
        step('live', 'live', 'complete', { estimatedTimeFrame: '~2-5 days' })
      ],
      {
        liveLinks: [
          { displayText: 'Azure Marketplace listing', uri: 'https://azuremarketplace.microsoft.com/marketplace/apps/contoso.contoso-vm' }
        ]
      }
    )
  ]
}

export const FAILURE_HTML = '<p>Offer validation failed: plan <b>&quot;gen2&quot;</b> has no VM image &amp; cannot go live.</p>'

/** A go-live whose Live step is rejected with an error message in HTML. */
export function failingGoLive(): Body[] {
  return [
    operation('running', [signoff, step('live', 'Live', 'inProgress', { estimatedTimeFrame: '~2-5 days', progressPercentage: 20 })]),
    operation('failed', [
      signoff,
      step('live', 'Live', 'rejected', {
        estimatedTimeFrame: '~2-5 days',
        messages: [{ messageHtml: FAILURE_HTML, level: 'error', timestamp: at(5) }]
      })
    ])
  ]
}

/** A go-live canceled at the service (spelled the British way, as some answers do). */
export function canceledGoLive(): Body[] {
  return [
    operation('running', [signoff, step('live', 'Live', 'inProgress')]),
    operation('cancelled', [
      signoff,
      step('live', 'Live', 'canceled', { messages: [{ messageHtml: 'Canceled by <i>publisher</i>.', level: 'warning', timestamp: at(3) }] })
    ])
  ]
}

/** A go-live that never ends, for timeouts, cancellation and long soaks. */
export function endlessGoLive(): Body[] {
  return [operation('running', [signoff, step('live', 'Live', 'inProgress', { estimatedTimeFrame: '~2-5 days', progressPercentage: 5 })])]
}

/** A progression that uses every still-going top-level spelling, then one the action has never seen. */
export function unusualSpellings(): Body[] {
  return [
    operation('notStarted', [signoff]),
    operation('waitingForPublisherReview', [signoff, step('live', 'Live', 'waitingForApproval')]),
    operation('publishing', [signoff, step('live', 'Live', 'running')]),
    operation('publishing', [signoff, step('live', 'Live', 'blocked')]),
    operation('Complete', [signoff, step('live', 'Live', 'completed')])
  ]
}
